import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { DOCUMENT_KINDS, DocumentKind } from '../../domain/document-kinds';

export class DocumentFileInfo {
  @ApiProperty({ description: 'sha256 of the stored bytes, checked before every download' })
  sha256!: string;

  @ApiProperty()
  size!: number;
}

export class DocumentActor {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({ nullable: true, type: String })
  name!: string | null;
}

/** A generated document (文书) of a case. */
export class CaseDocumentResponse {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({ format: 'uuid' })
  caseId!: string;

  @ApiProperty({ enum: DOCUMENT_KINDS, enumName: 'DocumentKind' })
  kind!: DocumentKind;

  @ApiProperty({ example: '行政处罚决定书' })
  name!: string;

  @ApiProperty({ description: '1, 2, … per case and kind' })
  version!: number;

  @ApiPropertyOptional({ format: 'uuid', nullable: true, type: String, description: 'the version this one supersedes' })
  supersedesId!: string | null;

  @ApiPropertyOptional({
    nullable: true,
    type: String,
    description: '文书编号 (null: the kind takes none)',
    example: '津滨知执决〔2026〕0001号',
  })
  documentNo!: string | null;

  @ApiProperty({ description: 'the template it was filled from: 0 = the default set' })
  templateVersion!: number;

  @ApiProperty({ description: 'the case version it was filled from' })
  caseVersion!: number;

  @ApiProperty({ type: DocumentFileInfo })
  docx!: DocumentFileInfo;

  @ApiProperty({ type: DocumentFileInfo })
  pdf!: DocumentFileInfo;

  @ApiProperty({ type: DocumentActor })
  generatedBy!: DocumentActor;

  @ApiProperty({ format: 'date-time' })
  generatedAt!: string;

  @ApiProperty({ example: '2026-12-02 11:45:14', description: 'generatedAt in Shanghai time' })
  generatedAtShanghai!: string;
}

/** The template in force for a kind. */
export class DocumentTemplateResponse {
  @ApiProperty({ enum: DOCUMENT_KINDS, enumName: 'DocumentKind' })
  kind!: DocumentKind;

  @ApiProperty({ example: '行政处罚决定书' })
  name!: string;

  @ApiProperty({ description: '0 = the default set shipped with the system; 1, 2, … the uploads' })
  version!: number;

  @ApiProperty({ enum: ['default', 'custom'], enumName: 'DocumentTemplateSource' })
  source!: 'default' | 'custom';

  @ApiProperty()
  sha256!: string;

  @ApiPropertyOptional({ nullable: true, type: String })
  fileName!: string | null;

  @ApiPropertyOptional({ nullable: true, type: DocumentActor })
  uploadedBy!: DocumentActor | null;

  @ApiPropertyOptional({ nullable: true, type: String, format: 'date-time' })
  uploadedAt!: string | null;

  @ApiPropertyOptional({ nullable: true, type: String, example: '2026-12-02 11:45:14' })
  uploadedAtShanghai!: string | null;
}
