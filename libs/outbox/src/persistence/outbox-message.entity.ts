import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** A side effect to run after commit. Written in the business transaction; the relay hands it to BullMQ. */
@Entity({ name: 'outbox_messages' })
@Index('ix_outbox_pending', ['availableAt'], { where: 'dispatched_at IS NULL' })
@Index('ix_outbox_unfinished', ['dispatchedAt', 'id'], { where: 'dispatched_at IS NOT NULL AND finished_at IS NULL' })
export class OutboxMessageEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'job_name', type: 'text' })
  jobName!: string;

  @Column({ type: 'jsonb' })
  payload!: Record<string, unknown>;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @Column({ name: 'available_at', type: 'timestamptz', default: () => 'now()' })
  availableAt!: Date;

  @Column({ name: 'dispatched_at', type: 'timestamptz', nullable: true })
  dispatchedAt!: Date | null;

  /** when its job completed (or failed for good): until then the relay reconciles the row against the queue */
  @Column({ name: 'finished_at', type: 'timestamptz', nullable: true })
  finishedAt!: Date | null;

  /** failed or lost hand-overs to the queue (Redis down, or the job lost with it), not job attempts */
  @Column({ name: 'relay_attempts', type: 'int', default: 0 })
  relayAttempts!: number;

  @Column({ name: 'last_error', type: 'text', nullable: true })
  lastError!: string | null;
}
