import { CreateDateColumn, Entity, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { CaseEntity } from './case.entity';

/** A reminder or escalation already sent for one deadline of one case: the sweep's idempotency key. */
@Entity({ name: 'case_deadline_alerts' })
export class CaseDeadlineAlertEntity {
  @PrimaryColumn({ name: 'case_id', type: 'uuid' })
  caseId!: string;

  @ManyToOne(() => CaseEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'case_id' })
  case?: CaseEntity;

  @PrimaryColumn({ type: 'text' })
  kind!: 'reminder' | 'overdue' | 'service_reminder' | 'service_overdue';

  @PrimaryColumn({ name: 'due_on', type: 'date' })
  dueOn!: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
