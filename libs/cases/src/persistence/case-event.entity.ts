import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** The case timeline: every transition (who, when, from, to, payload). Append-only by convention of the service. */
@Entity({ name: 'case_events' })
@Index('ix_case_events_case', ['caseId', 'id'])
export class CaseEventEntity {
  @PrimaryGeneratedColumn({ type: 'bigint' })
  id!: string;

  @Column({ name: 'case_id', type: 'uuid' })
  caseId!: string;

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
