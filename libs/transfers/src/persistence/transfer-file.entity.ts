import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/**
 * A file exchanged with a transfer. `local`: ours to serve (a case's evidence in an outbound dossier, or a file
 * answering an inbound assistance request), fetched by the partner with a signed GET until `expiresAt`. `remote`: the
 * partner's, listed in what it sent (dossier or answer) with its sha256, fetched into our store (`storageKey`).
 */
@Entity({ name: 'transfer_files' })
@Index('ix_transfer_files_transfer', ['transferId'])
@Index('ux_transfer_files_remote', ['transferId', 'remoteId'], { unique: true })
export class TransferFileEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'transfer_id', type: 'uuid' })
  transferId!: string;

  /** evidence (of a transfer's dossier) or answer (of an assistance request) */
  @Column({ type: 'text' })
  role!: 'evidence' | 'answer';

  @Column({ type: 'text' })
  source!: 'local' | 'remote';

  /** local evidence: the case evidence row served from the cases context's storage */
  @Column({ name: 'case_evidence_id', type: 'uuid', nullable: true })
  caseEvidenceId!: string | null;

  /** remote: the id the partner gave the file */
  @Column({ name: 'remote_id', type: 'uuid', nullable: true })
  remoteId!: string | null;

  @Column({ name: 'remote_path', type: 'text', nullable: true })
  remotePath!: string | null;

  @Column({ name: 'file_name', type: 'text' })
  fileName!: string;

  @Column({ name: 'content_type', type: 'text' })
  contentType!: string;

  @Column({ type: 'bigint' })
  size!: string;

  /** the sha256 declared when the file was listed (signed with the dossier or answer) */
  @Column({ type: 'char', length: 64 })
  sha256!: string;

  @Column({ type: 'text', default: '' })
  description!: string;

  /** our copy (answer files we hold, remote files once fetched) */
  @Column({ name: 'storage_key', type: 'text', nullable: true })
  storageKey!: string | null;

  @Column({ name: 'fetched_sha256', type: 'char', length: 64, nullable: true })
  fetchedSha256!: string | null;

  @Column({ name: 'expires_at', type: 'timestamptz', nullable: true })
  expiresAt!: Date | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
