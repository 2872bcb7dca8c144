import { CaseEntity } from '@app/cases';
import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import type { PossibleDuplicate, TicketCategory, TicketChannel, TicketStatus } from '../domain';

/**
 * A 12330 hotline ticket. The caller's phone and ID number are stored encrypted (FieldCipher) with a mask beside them;
 * the phone also as a blind index (HMAC of the normalised digits) so duplicate callers are found by equality on an index.
 * The duplicate keys (respondent, phone, patents in hotline_ticket_patents) are indexed together with created_at, so the
 * 30-day lookups at intake read index ranges, never the table.
 */
@Entity({ name: 'hotline_tickets' })
@Index('ix_hotline_tickets_created', ['createdAt', 'id'])
@Index('ix_hotline_tickets_respondent', ['respondentKey', 'createdAt'], { where: 'respondent_key IS NOT NULL' })
@Index('ix_hotline_tickets_phone', ['callerPhoneIndex', 'createdAt'], { where: 'caller_phone_index IS NOT NULL' })
@Index('ix_hotline_tickets_industry', ['industryKey', 'createdAt'], { where: 'industry_key IS NOT NULL' })
@Index('ix_hotline_tickets_unit', ['orgUnitCode', 'createdAt'])
@Index('ix_hotline_tickets_case', ['caseId'], { where: 'case_id IS NOT NULL' })
// the SLA sweep's indexes: open tickets by due date, closed tickets awaiting their callback
@Index('ix_hotline_tickets_first_response_due', ['firstResponseDue'], {
  where: `first_responded_at IS NULL AND status NOT IN ('closed', 'converted')`,
})
@Index('ix_hotline_tickets_resolution_due', ['resolutionDue'], { where: `status NOT IN ('closed', 'converted')` })
@Index('ix_hotline_tickets_callback_due', ['callbackDue'], { where: `status = 'closed' AND NOT callback_recorded` })
export class TicketEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  /** `12330-2026-000123`, gapless per year */
  @Column({ name: 'ticket_no', type: 'text', unique: true })
  ticketNo!: string;

  @Column({ type: 'text' })
  channel!: TicketChannel;

  @Column({ type: 'text' })
  category!: TicketCategory;

  @Column({ type: 'text' })
  status!: TicketStatus;

  /** this round's callback (回访) is recorded; reset on reopening */
  @Column({ name: 'callback_recorded', type: 'boolean', default: false })
  callbackRecorded!: boolean;

  @Column({ name: 'caller_anonymous', type: 'boolean', default: false })
  callerAnonymous!: boolean;

  @Column({ name: 'caller_name', type: 'text', nullable: true })
  callerName!: string | null;

  @Column({ name: 'caller_organization', type: 'text', nullable: true })
  callerOrganization!: string | null;

  @Column({ name: 'caller_phone_enc', type: 'text', nullable: true })
  callerPhoneEnc!: string | null;

  @Column({ name: 'caller_phone_masked', type: 'text', nullable: true })
  callerPhoneMasked!: string | null;

  @Column({ name: 'caller_phone_index', type: 'text', nullable: true })
  callerPhoneIndex!: string | null;

  @Column({ name: 'caller_id_number_enc', type: 'text', nullable: true })
  callerIdNumberEnc!: string | null;

  @Column({ name: 'caller_id_number_masked', type: 'text', nullable: true })
  callerIdNumberMasked!: string | null;

  @Column({ type: 'text' })
  subject!: string;

  @Column({ type: 'text' })
  description!: string;

  @Column({ name: 'respondent_name', type: 'text', nullable: true })
  respondentName!: string | null;

  /** normalizeRespondentName(respondentName): the duplicate and early-warning key */
  @Column({ name: 'respondent_key', type: 'text', nullable: true })
  respondentKey!: string | null;

  @Column({ type: 'text', nullable: true })
  industry!: string | null;

  @Column({ name: 'industry_key', type: 'text', nullable: true })
  industryKey!: string | null;

  /** normalised patent numbers, in the order given (the indexed copy is hotline_ticket_patents) */
  @Column({ name: 'patent_numbers', type: 'text', array: true, default: () => `'{}'` })
  patentNumbers!: string[];

  @Column({ name: 'org_unit_code', type: 'text', nullable: true })
  orgUnitCode!: string | null;

  @Column({ name: 'case_id', type: 'uuid', nullable: true })
  caseId!: string | null;

  @ManyToOne(() => CaseEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'case_id' })
  case?: CaseEntity;

  @Column({ name: 'first_response_due', type: 'date' })
  firstResponseDue!: string;

  @Column({ name: 'resolution_due', type: 'date' })
  resolutionDue!: string;

  @Column({ name: 'callback_due', type: 'date', nullable: true })
  callbackDue!: string | null;

  @Column({ name: 'first_responded_at', type: 'timestamptz', nullable: true })
  firstRespondedAt!: Date | null;

  @Column({ name: 'resolved_at', type: 'timestamptz', nullable: true })
  resolvedAt!: Date | null;

  @Column({ name: 'closed_at', type: 'timestamptz', nullable: true })
  closedAt!: Date | null;

  /** the Shanghai day of closing: the reopen window and the callback due date count from it */
  @Column({ name: 'closed_on', type: 'date', nullable: true })
  closedOn!: string | null;

  @Column({ name: 'reopen_count', type: 'int', default: 0 })
  reopenCount!: number;

  @Column({ type: 'text', nullable: true })
  response!: string | null;

  /** how the ticket ended: answered, forwarded to an agency (with its name), converted into a case */
  @Column({ type: 'jsonb', nullable: true })
  outcome!: Record<string, unknown> | null;

  @Column({ type: 'int', nullable: true })
  satisfaction!: number | null;

  @Column({ name: 'callback_note', type: 'text', nullable: true })
  callbackNote!: string | null;

  @Column({ name: 'callback_at', type: 'timestamptz', nullable: true })
  callbackAt!: Date | null;

  /** found at intake: `[{ id, ticketNo, reason }]` */
  @Column({ name: 'possible_duplicates', type: 'jsonb', default: () => `'[]'` })
  possibleDuplicates!: PossibleDuplicate[];

  @Column({ name: 'created_by', type: 'uuid', nullable: true })
  createdBy!: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;

  @Column({ type: 'int', default: 1 })
  version!: number;
}
