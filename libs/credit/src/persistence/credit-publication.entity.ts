import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import type { CreditRecord, MappingProblem } from '../domain/credit-record';
import type { PublicationStatus } from '../domain/publication-status';

/**
 * One penalty decision's publication on the credit platform, per respondent (the standard's record is per party).
 * Created in the transaction that approves the decision; delivered by the `credit.deliver` job under a row lock;
 * `version` guards user actions. Dates are Shanghai calendar dates; instants timestamptz.
 */
@Entity({ name: 'credit_publications' })
@Index('ux_credit_publications_case_party', ['caseId', 'partyId'], { unique: true })
@Index('ix_credit_publications_created', ['createdAt', 'id'])
@Index('ix_credit_publications_unit', ['orgUnitCode', 'createdAt', 'id'])
// the sweeps' partial indexes: undelivered by due date (overdue), published by display end (expiry)
@Index('ix_credit_publications_undelivered', ['dueOn'], { where: `status IN ('pending', 'submitted', 'rejected', 'failed')` })
@Index('ix_credit_publications_display', ['displayUntil'], { where: `status = 'published'` })
export class CreditPublicationEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'case_id', type: 'uuid' })
  caseId!: string;

  /** the respondent (case_parties.id) the record is about */
  @Column({ name: 'party_id', type: 'uuid' })
  partyId!: string;

  @Column({ name: 'org_unit_code', type: 'text' })
  orgUnitCode!: string;

  @Column({ type: 'text' })
  status!: PublicationStatus;

  @Column({ name: 'decided_on', type: 'date' })
  decidedOn!: string;

  /** decision date + 7 working days */
  @Column({ name: 'due_on', type: 'date' })
  dueOn!: string;

  /** last day on the platform (公示截止期) */
  @Column({ name: 'display_until', type: 'date' })
  displayUntil!: string;

  /** the 行政处罚信息 record as sent (masked personal data only) */
  @Column({ type: 'jsonb' })
  record!: CreditRecord;

  /** why the record cannot be sent yet (empty when it can) */
  @Column({ name: 'mapping_errors', type: 'jsonb', default: () => `'[]'` })
  mappingErrors!: MappingProblem[];

  @Column({ name: 'platform_receipt_id', type: 'text', nullable: true })
  platformReceiptId!: string | null;

  @Column({ type: 'int', default: 0 })
  attempts!: number;

  @Column({ name: 'last_error', type: 'text', nullable: true })
  lastError!: string | null;

  @Column({ name: 'last_attempt_at', type: 'timestamptz', nullable: true })
  lastAttemptAt!: Date | null;

  @Column({ name: 'published_at', type: 'timestamptz', nullable: true })
  publishedAt!: Date | null;

  @Column({ name: 'withdraw_reason', type: 'text', nullable: true })
  withdrawReason!: string | null;

  /** withdrawn or expired while the platform may hold it: the `credit.remove` job deletes it there */
  @Column({ name: 'removal_pending', type: 'boolean', default: false })
  removalPending!: boolean;

  /** withdrawals must be off the platform by this date (3 working days) */
  @Column({ name: 'removal_due_on', type: 'date', nullable: true })
  removalDueOn!: string | null;

  @Column({ name: 'removed_at', type: 'timestamptz', nullable: true })
  removedAt!: Date | null;

  /** set once when the overdue escalation went out */
  @Column({ name: 'overdue_notified_at', type: 'timestamptz', nullable: true })
  overdueNotifiedAt!: Date | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;

  @Column({ type: 'int', default: 1 })
  version!: number;
}
