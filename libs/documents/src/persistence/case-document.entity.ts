import { CaseEntity } from '@app/cases';
import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import type { DocumentKind } from '../domain/document-kinds';

/**
 * A generated document (文书) of a case: the filled DOCX and its PDF, each stored once with its sha256 (checked before
 * every download). Never overwritten: generating the kind again adds the next version, which names the one it
 * supersedes.
 */
@Entity({ name: 'case_documents' })
@Index('ux_case_documents_case_kind_version', ['caseId', 'kind', 'version'], { unique: true })
@Index('ix_case_documents_case', ['caseId', 'generatedAt'])
export class CaseDocumentEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'case_id', type: 'uuid' })
  caseId!: string;

  @ManyToOne(() => CaseEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'case_id' })
  case?: CaseEntity;

  @Column({ type: 'text' })
  kind!: DocumentKind;

  /** 1, 2, … per case and kind */
  @Column({ type: 'int' })
  version!: number;

  @Column({ name: 'supersedes_id', type: 'uuid', nullable: true })
  supersedesId!: string | null;

  @ManyToOne(() => CaseDocumentEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'supersedes_id' })
  supersedes?: CaseDocumentEntity;

  /** 文书编号: the decision's number, the kind's own number, or none (internal forms) */
  @Column({ name: 'document_no', type: 'text', nullable: true })
  documentNo!: string | null;

  /** the template it was filled from: 0 = the default set, n = the n-th uploaded template of the kind */
  @Column({ name: 'template_version', type: 'int' })
  templateVersion!: number;

  /** the case's version it was filled from */
  @Column({ name: 'case_version', type: 'int' })
  caseVersion!: number;

  @Column({ name: 'docx_key', type: 'text' })
  docxKey!: string;

  @Column({ name: 'docx_sha256', type: 'char', length: 64 })
  docxSha256!: string;

  @Column({ name: 'docx_size', type: 'int' })
  docxSize!: number;

  @Column({ name: 'pdf_key', type: 'text' })
  pdfKey!: string;

  @Column({ name: 'pdf_sha256', type: 'char', length: 64 })
  pdfSha256!: string;

  @Column({ name: 'pdf_size', type: 'int' })
  pdfSize!: number;

  @Column({ name: 'generated_by', type: 'uuid' })
  generatedBy!: string;

  @CreateDateColumn({ name: 'generated_at', type: 'timestamptz' })
  generatedAt!: Date;
}
