import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { TicketEntity } from './ticket.entity';

/** The ticket's timeline: one row per step (intake and every action), written in the step's transaction. */
@Entity({ name: 'hotline_ticket_events' })
@Index('ix_hotline_ticket_events_ticket', ['ticketId', 'id'])
export class TicketEventEntity {
  @PrimaryGeneratedColumn({ type: 'bigint' })
  id!: string;

  @Column({ name: 'ticket_id', type: 'uuid' })
  ticketId!: string;

  @ManyToOne(() => TicketEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'ticket_id' })
  ticket?: TicketEntity;

  @Column({ type: 'timestamptz' })
  at!: Date;

  @Column({ name: 'actor_id', type: 'uuid', nullable: true })
  actorId!: string | null;

  @Column({ type: 'text' })
  action!: string;

  /** the unit the ticket was with after this step (null: the 12330 centre): where the step's metric counts went */
  @Column({ name: 'org_unit_code', type: 'text', nullable: true })
  orgUnitCode!: string | null;

  @Column({ name: 'from_status', type: 'text', nullable: true })
  fromStatus!: string | null;

  @Column({ name: 'to_status', type: 'text' })
  toStatus!: string;

  @Column({ type: 'jsonb', nullable: true })
  payload!: Record<string, unknown> | null;
}
