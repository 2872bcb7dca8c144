import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import type { PreservationDecision } from '../domain/case-deadlines';
import { CaseEntity } from '../persistence/case.entity';

/** An evidence file (证据) of a case: its sha256 is taken on upload and checked before every download. */
@Entity({ name: 'case_evidence' })
@Index('ix_case_evidence_case', ['caseId', 'uploadedAt'])
// the sweep's partial index: undecided, not yet escalated 登记保存 registrations (migration 1764000000040)
@Index('ix_case_evidence_preservation_due', { synchronize: false })
export class CaseEvidenceEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'case_id', type: 'uuid' })
  caseId!: string;

  @ManyToOne(() => CaseEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'case_id' })
  case?: CaseEntity;

  @Column({ name: 'file_name', type: 'text' })
  fileName!: string;

  @Column({ name: 'content_type', type: 'text' })
  contentType!: string;

  @Column({ type: 'bigint' })
  size!: string;

  @Column({ type: 'char', length: 64 })
  sha256!: string;

  @Column({ name: 'storage_key', type: 'text' })
  storageKey!: string;

  @Column({ type: 'text' })
  description!: string;

  @Column({ name: 'uploaded_by', type: 'uuid' })
  uploadedBy!: string;

  @CreateDateColumn({ name: 'uploaded_at', type: 'timestamptz' })
  uploadedAt!: Date;

  @Column({ type: 'int', default: 1 })
  version!: number;

  /** 登记保存: the day the evidence was registered for preservation; null for ordinary evidence */
  @Column({ name: 'preserved_on', type: 'date', nullable: true })
  preservedOn!: string | null;

  /** the decision on a preservation is due by this day (7 days, rolled to a working day) */
  @Column({ name: 'preservation_due', type: 'date', nullable: true })
  preservationDue!: string | null;

  @Column({ name: 'preservation_decision', type: 'text', nullable: true })
  preservationDecision!: PreservationDecision | null;

  @Column({ name: 'preservation_note', type: 'text', nullable: true })
  preservationNote!: string | null;

  @Column({ name: 'preservation_decided_on', type: 'date', nullable: true })
  preservationDecidedOn!: string | null;

  @Column({ name: 'preservation_decided_by', type: 'uuid', nullable: true })
  preservationDecidedBy!: string | null;

  /** the overdue escalation to the unit's supervisors went out (once) */
  @Column({ name: 'preservation_escalated', type: 'boolean', default: false })
  preservationEscalated!: boolean;
}
