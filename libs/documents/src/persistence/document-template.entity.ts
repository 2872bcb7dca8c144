import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import type { DocumentKind } from '../domain/document-kinds';

/**
 * A template an admin uploaded for a kind, kept with every earlier one (documents name the version they were filled
 * from). The newest is in force; with none, the kind uses the default set (version 0, shipped with the code).
 */
@Entity({ name: 'document_templates' })
@Index('ux_document_templates_kind_version', ['kind', 'version'], { unique: true })
export class DocumentTemplateEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'text' })
  kind!: DocumentKind;

  @Column({ type: 'int' })
  version!: number;

  @Column({ name: 'file_name', type: 'text' })
  fileName!: string;

  @Column({ type: 'bytea' })
  content!: Buffer;

  @Column({ type: 'char', length: 64 })
  sha256!: string;

  @Column({ name: 'uploaded_by', type: 'uuid' })
  uploadedBy!: string;

  @CreateDateColumn({ name: 'uploaded_at', type: 'timestamptz' })
  uploadedAt!: Date;
}
