import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import type { Dossier } from '../domain/dossier';
import type { TransferDirection, TransferKind, TransferStatus } from '../domain/transfer-types';

/**
 * One transfer or assistance request, outbound (ours, on one of our cases) or inbound (a partner's, routed to one of
 * our units). `exchangeId` is the sender's id: ours for outbound (= id), the partner's for inbound; a partner's
 * dossier is stored once per (direction, partner, exchangeId), so a duplicate delivery finds the first.
 */
@Entity({ name: 'transfers' })
@Index('ux_transfers_exchange', ['direction', 'partnerCode', 'exchangeId'], { unique: true })
@Index('ix_transfers_list', ['createdAt', 'id'])
@Index('ix_transfers_case', ['caseId'])
// one open outbound transfer per case and kind (migration 1764000000060)
@Index('ux_transfers_open_per_case', { synchronize: false })
export class TransferEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'text' })
  direction!: TransferDirection;

  @Column({ type: 'text' })
  kind!: TransferKind;

  @Column({ type: 'text' })
  status!: TransferStatus;

  @Column({ name: 'partner_code', type: 'text' })
  partnerCode!: string;

  /** the unit whose transfer it is: the case's (outbound) or the one it was routed to (inbound) */
  @Column({ name: 'org_unit_code', type: 'text' })
  orgUnitCode!: string;

  /** outbound: the case transferred or assisted; inbound: the local case created on acceptance */
  @Column({ name: 'case_id', type: 'uuid', nullable: true })
  caseId!: string | null;

  @Column({ name: 'exchange_id', type: 'uuid' })
  exchangeId!: string;

  @Column({ type: 'text' })
  reason!: string;

  @Column({ name: 'requested_items', type: 'jsonb', default: () => `'[]'` })
  requestedItems!: string[];

  @Column({ name: 'requested_by', type: 'uuid', nullable: true })
  requestedBy!: string | null;

  /** inbound: the dossier as received (personal data encrypted at rest); outbound: null (built when sent) */
  @Column({ type: 'jsonb', nullable: true })
  dossier!: Dossier | null;

  /** sha256 of the dossier bytes as sent or received */
  @Column({ name: 'dossier_sha256', type: 'text', nullable: true })
  dossierSha256!: string | null;

  /** inbound: the origin's case number (or receipt number) */
  @Column({ name: 'origin_case_no', type: 'text', nullable: true })
  originCaseNo!: string | null;

  /** outbound: the partner's case number, on acceptance */
  @Column({ name: 'partner_case_no', type: 'text', nullable: true })
  partnerCaseNo!: string | null;

  @Column({ name: 'return_reason', type: 'text', nullable: true })
  returnReason!: string | null;

  @Column({ name: 'decline_reason', type: 'text', nullable: true })
  declineReason!: string | null;

  /** the answer to an assistance request */
  @Column({ type: 'text', nullable: true })
  result!: string | null;

  @Column({ name: 'delivered_on', type: 'date', nullable: true })
  deliveredOn!: string | null;

  @Column({ name: 'reply_due', type: 'date', nullable: true })
  replyDue!: string | null;

  @Column({ name: 'replied_on', type: 'date', nullable: true })
  repliedOn!: string | null;

  /** working days from delivery to the reply (the KPI transfer_median_reply_days) */
  @Column({ name: 'reply_working_days', type: 'int', nullable: true })
  replyWorkingDays!: number | null;

  @Column({ type: 'int', default: 0 })
  attempts!: number;

  @Column({ name: 'last_error', type: 'text', nullable: true })
  lastError!: string | null;

  /** the key id of the last signature this transfer was exchanged under */
  @Column({ name: 'key_id', type: 'text', nullable: true })
  keyId!: string | null;

  /** evidence whose sha256 did not match, when an acceptance was refused (both sides record it) */
  @Column({ name: 'integrity_problem', type: 'jsonb', nullable: true })
  integrityProblem!: { id: string; fileName?: string; expected: string; actual: string }[] | null;

  @Column({ name: 'reminded_for', type: 'date', nullable: true })
  remindedFor!: string | null;

  @Column({ name: 'escalated_for', type: 'date', nullable: true })
  escalatedFor!: string | null;

  @Column({ type: 'int', default: 1 })
  version!: number;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
