import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { TicketEntity } from './ticket.entity';

/** One patent number of a ticket, normalised, with the ticket's creation instant: the duplicate and early-warning key. */
@Entity({ name: 'hotline_ticket_patents' })
@Index('ix_hotline_ticket_patents_number', ['normalized', 'createdAt'])
@Index('ix_hotline_ticket_patents_created', ['createdAt'])
export class TicketPatentEntity {
  @PrimaryColumn({ name: 'ticket_id', type: 'uuid' })
  ticketId!: string;

  @ManyToOne(() => TicketEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'ticket_id' })
  ticket?: TicketEntity;

  @PrimaryColumn({ type: 'text' })
  normalized!: string;

  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
