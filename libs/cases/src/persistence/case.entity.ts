import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import type { CaseSource, CaseStatus, CaseType } from '../domain/case-types';
import type { ProcedureRecord } from '../domain/penalty-procedure';

export interface EcommerceDetails {
  platform: string;
  storeName?: string;
  listingUrl?: string;
}

/** A patent enforcement case. Dates are Shanghai calendar dates (`date` columns); instants are timestamptz. */
@Entity({ name: 'cases' })
@Index('ix_cases_unit_status_created', ['orgUnitCode', 'status', 'createdAt', 'id'])
@Index('ix_cases_numbers_trgm', { synchronize: false })
// the list's order (newest first, cursor on created_at, id): read backwards, no sort of the whole table
@Index('ix_cases_created', ['createdAt', 'id'])
// the deadline sweep's partial indexes: running cases not yet escalated for their current due date (migration 0009)
@Index('ix_cases_sweep_filing', { synchronize: false })
@Index('ix_cases_sweep_closing', { synchronize: false })
@Index('ix_cases_assigned', { synchronize: false })
@Index('ix_cases_deadline_order', { synchronize: false })
@Index('ix_cases_awaiting_approval', { synchronize: false })
@Index('ix_cases_service_due', { synchronize: false })
export class CaseEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  /** 收案号, given at intake */
  @Column({ name: 'receipt_no', type: 'text', unique: true })
  receiptNo!: string;

  /** 案号, given on filing */
  @Column({ name: 'case_no', type: 'text', unique: true, nullable: true })
  caseNo!: string | null;

  /** 文书编号 of the approved decision */
  @Column({ name: 'decision_no', type: 'text', unique: true, nullable: true })
  decisionNo!: string | null;

  @Column({ type: 'text' })
  type!: CaseType;

  @Column({ type: 'text' })
  source!: CaseSource;

  @Column({ type: 'text' })
  status!: CaseStatus;

  @Column({ type: 'boolean', default: false })
  suspended!: boolean;

  @Column({ name: 'extension_pending', type: 'boolean', default: false })
  extensionPending!: boolean;

  @Column({ name: 'org_unit_code', type: 'text' })
  orgUnitCode!: string;

  @Column({ name: 'received_on', type: 'date' })
  receivedOn!: string;

  @Column({ name: 'filed_on', type: 'date', nullable: true })
  filedOn!: string | null;

  @Column({ name: 'closed_on', type: 'date', nullable: true })
  closedOn!: string | null;

  @Column({ name: 'hearing_on', type: 'date', nullable: true })
  hearingOn!: string | null;

  @Column({ name: 'decided_on', type: 'date', nullable: true })
  decidedOn!: string | null;

  @Column({ name: 'served_on', type: 'date', nullable: true })
  servedOn!: string | null;

  /** set while suspended: the day the pause began */
  @Column({ name: 'paused_since', type: 'date', nullable: true })
  pausedSince!: string | null;

  @Column({ name: 'pending_extension_days', type: 'int', nullable: true })
  pendingExtensionDays!: number | null;

  @Column({ name: 'filing_decision_due', type: 'date' })
  filingDecisionDue!: string;

  @Column({ name: 'closing_due', type: 'date', nullable: true })
  closingDue!: string | null;

  @Column({ name: 'extended_closing_due', type: 'date', nullable: true })
  extendedClosingDue!: string | null;

  /** the due date the deadline sweep last sent a reminder for (a new due date gets a new reminder) */
  @Column({ name: 'reminded_for', type: 'date', nullable: true })
  remindedFor!: string | null;

  /** the due date the deadline sweep last escalated as overdue; the sweep's indexes leave such cases out */
  @Column({ name: 'escalated_for', type: 'date', nullable: true })
  escalatedFor!: string | null;

  /** 行政处罚法 Art. 61: the decision is served by this day (7 working days after the decision) */
  @Column({ name: 'service_due_on', type: 'date', nullable: true })
  serviceDueOn!: string | null;

  /** the penalty and dispute procedure: notice, statement, hearing, legal review, service records, payments */
  @Column({ type: 'jsonb', default: () => `'{}'` })
  procedure!: ProcedureRecord;

  @Column({ name: 'paused_days', type: 'int', default: 0 })
  pausedDays!: number;

  @Column({ name: 'extension_days', type: 'int', default: 0 })
  extensionDays!: number;

  @Column({ type: 'text' })
  summary!: string;

  @Column({ type: 'boolean', default: false })
  ftz!: boolean;

  @Column({ name: 'fast_track', type: 'boolean', default: false })
  fastTrack!: boolean;

  @Column({ name: 'report_received', type: 'boolean', default: false })
  reportReceived!: boolean;

  @Column({ type: 'jsonb', nullable: true })
  ecommerce!: EcommerceDetails | null;

  @Column({ name: 'assigned_officer_ids', type: 'uuid', array: true, default: () => `'{}'` })
  assignedOfficerIds!: string[];

  /** officers recused (回避) from this case: they lose access to it even within their unit */
  @Column({ name: 'recused_officer_ids', type: 'uuid', array: true, default: () => `'{}'` })
  recusedOfficerIds!: string[];

  @Column({ type: 'jsonb', nullable: true })
  decision!: Record<string, unknown> | null;

  @Column({ type: 'jsonb', nullable: true })
  outcome!: Record<string, unknown> | null;

  @Column({ name: 'created_by', type: 'uuid', nullable: true })
  createdBy!: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;

  @Column({ type: 'int', default: 1 })
  version!: number;
}
