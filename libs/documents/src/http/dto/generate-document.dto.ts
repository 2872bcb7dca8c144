import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsInt, IsOptional, Min } from 'class-validator';
import { DOCUMENT_KINDS, DocumentKind } from '../../domain/document-kinds';

export class GenerateDocumentDto {
  @ApiProperty({ enum: DOCUMENT_KINDS, enumName: 'DocumentKind' })
  @IsIn(DOCUMENT_KINDS, { message: `must be one of ${DOCUMENT_KINDS.join(', ')}` })
  kind!: DocumentKind;

  @ApiPropertyOptional({ minimum: 1, description: 'the case version the caller saw: 409 when the case changed since' })
  @IsOptional()
  @IsInt()
  @Min(1)
  expectedVersion?: number;
}

export class DocumentFormatQuery {
  @ApiPropertyOptional({ enum: ['pdf', 'docx'], enumName: 'DocumentFormat', default: 'pdf' })
  @IsOptional()
  @IsIn(['pdf', 'docx'], { message: 'must be one of pdf, docx' })
  format?: 'pdf' | 'docx';
}

export class DocumentKindParam {
  @ApiProperty({ enum: DOCUMENT_KINDS, enumName: 'DocumentKind' })
  @IsIn(DOCUMENT_KINDS, { message: `must be one of ${DOCUMENT_KINDS.join(', ')}` })
  kind!: DocumentKind;
}
