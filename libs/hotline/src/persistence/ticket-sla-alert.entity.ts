import { CreateDateColumn, Entity, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { TicketEntity } from './ticket.entity';

/** A reminder or escalation already sent for one SLA due date of one ticket: the sweep's idempotency key. */
@Entity({ name: 'hotline_sla_alerts' })
export class TicketSlaAlertEntity {
  @PrimaryColumn({ name: 'ticket_id', type: 'uuid' })
  ticketId!: string;

  @ManyToOne(() => TicketEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'ticket_id' })
  ticket?: TicketEntity;

  /** which SLA: `first_response`, `resolution`, `callback` */
  @PrimaryColumn({ type: 'text' })
  sla!: 'first_response' | 'resolution' | 'callback';

  @PrimaryColumn({ type: 'text' })
  kind!: 'reminder' | 'overdue';

  @PrimaryColumn({ name: 'due_on', type: 'date' })
  dueOn!: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
