import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** The transfer's timeline: every step on this side, with the partner and the signature's key id in the payload. */
@Entity({ name: 'transfer_events' })
@Index('ix_transfer_events_transfer', ['transferId', 'id'])
export class TransferEventEntity {
  @PrimaryGeneratedColumn({ type: 'bigint' })
  id!: string;

  @Column({ name: 'transfer_id', type: 'uuid' })
  transferId!: string;

  @Column({ type: 'timestamptz' })
  at!: Date;

  @Column({ name: 'actor_id', type: 'uuid', nullable: true })
  actorId!: string | null;

  @Column({ type: 'text' })
  action!: string;

  @Column({ name: 'from_status', type: 'text', nullable: true })
  fromStatus!: string | null;

  @Column({ name: 'to_status', type: 'text' })
  toStatus!: string;

  @Column({ type: 'jsonb', nullable: true })
  payload!: Record<string, unknown> | null;
}
