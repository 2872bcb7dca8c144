import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IdParam, IsCalendarDate, ListCursor, PageQuery, queryBoolean } from '@app/kernel';
import { Transform } from 'class-transformer';
import { IsBoolean, IsIn, IsInt, IsObject, IsOptional, IsString, IsUUID, Max, MaxLength, Min, MinLength } from 'class-validator';
import { CREDIT_RECORD_FIELDS, type CreditRecord, type MappingProblem } from '../../domain/credit-record';
import { PUBLICATION_ACTIONS, PUBLICATION_STATUSES, PublicationAction, PublicationStatus } from '../../domain/publication-status';

/** `cursor`: the list's (createdAt, id) position, as this list encoded it */
@ListCursor('instant', 'uuid')
export class PublicationQueryDto extends PageQuery {
  @ApiPropertyOptional({ enum: PUBLICATION_STATUSES, enumName: 'PublicationStatus' })
  @IsOptional()
  @IsIn(PUBLICATION_STATUSES)
  status?: PublicationStatus;

  @ApiPropertyOptional({ description: 'past dueOn and not on the platform' })
  @IsOptional()
  @Transform(queryBoolean)
  @IsBoolean()
  overdue?: boolean;

  @ApiPropertyOptional()
  @IsOptional()
  @IsUUID('all', { message: 'must be a UUID' })
  caseId?: string;
}

export class PublicationExportQuery {
  @ApiProperty({ enum: ['csv', 'xlsx'], enumName: 'ExportFormat' })
  @IsIn(['csv', 'xlsx'])
  format!: 'csv' | 'xlsx';

  @ApiPropertyOptional({ description: 'decision date from (YYYY-MM-DD, inclusive)' })
  @IsOptional()
  @IsCalendarDate()
  from?: string;

  @ApiPropertyOptional({ description: 'decision date to (YYYY-MM-DD, inclusive)' })
  @IsOptional()
  @IsCalendarDate()
  to?: string;

  @ApiPropertyOptional({ enum: PUBLICATION_STATUSES, enumName: 'PublicationStatus' })
  @IsOptional()
  @IsIn(PUBLICATION_STATUSES)
  status?: PublicationStatus;
}

export class PublicationActionParams extends IdParam {
  @ApiProperty({ enum: PUBLICATION_ACTIONS, enumName: 'PublicationAction' })
  @IsIn(PUBLICATION_ACTIONS, { message: `must be one of ${PUBLICATION_ACTIONS.join(', ')}` })
  action!: PublicationAction;
}

/** `POST /credit/publications/:id/actions/:action`: `retry {}`, `withdraw { reason }`, `correct { record }`. */
export class PublicationActionDto {
  @ApiProperty()
  @IsInt()
  @Min(1)
  @Max(2_147_483_647)
  expectedVersion!: number;

  @ApiPropertyOptional({ description: 'withdraw: why (decision revoked or changed)' })
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(2000)
  reason?: string;

  @ApiPropertyOptional({ description: 'correct: the standard fields to set (text, or null to clear)' })
  @IsOptional()
  @IsObject()
  record?: Record<string, unknown>;
}

/** One record of the administrative-penalty data standard: every field text, null when it does not apply. */
export class CreditRecordDto {}
for (const f of CREDIT_RECORD_FIELDS) {
  ApiProperty({ type: String, nullable: true, maxLength: f.maxLength, description: f.header })(CreditRecordDto.prototype, f.key);
}

export class MappingProblemDto implements MappingProblem {
  @ApiProperty({ description: 'a record key, or `record.<key>` for corrections' })
  field!: string;

  @ApiProperty()
  message!: string;
}

export class PublicationResponse {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({ format: 'uuid' })
  caseId!: string;

  @ApiProperty()
  orgUnitCode!: string;

  @ApiProperty({ enum: PUBLICATION_STATUSES, enumName: 'PublicationStatus' })
  status!: PublicationStatus;

  @ApiProperty({ format: 'date' })
  decidedOn!: string;

  @ApiProperty({ format: 'date' })
  dueOn!: string;

  @ApiProperty()
  overdue!: boolean;

  @ApiProperty({ format: 'date' })
  displayUntil!: string;

  @ApiProperty({ type: CreditRecordDto })
  record!: CreditRecord;

  @ApiProperty({ type: [MappingProblemDto] })
  mappingErrors!: MappingProblem[];

  @ApiProperty({ type: String, nullable: true })
  platformReceiptId!: string | null;

  @ApiProperty()
  attempts!: number;

  @ApiProperty({ type: String, nullable: true })
  lastError!: string | null;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  publishedAt!: string | null;

  @ApiProperty({ type: String, nullable: true })
  withdrawReason!: string | null;

  @ApiProperty({ type: String, format: 'date', nullable: true })
  removalDueOn!: string | null;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  removedAt!: string | null;

  @ApiProperty({ enum: PUBLICATION_ACTIONS, enumName: 'PublicationAction', isArray: true })
  allowedActions!: PublicationAction[];

  @ApiProperty()
  version!: number;
}
