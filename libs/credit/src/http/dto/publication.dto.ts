import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsCalendarDate, ListCursor, PageQuery, queryBoolean } from '@app/kernel';
import { Transform } from 'class-transformer';
import { IsBoolean, IsIn, IsInt, IsObject, IsOptional, IsString, IsUUID, Max, MaxLength, Min, MinLength } from 'class-validator';
import type { CreditRecord, MappingProblem } from '../../domain/credit-record';
import { PUBLICATION_ACTIONS, PUBLICATION_STATUSES, PublicationAction, PublicationStatus } from '../../domain/publication-status';

/** `cursor`: the list's (createdAt, id) position, as this list encoded it */
@ListCursor('instant', 'uuid')
export class PublicationQueryDto extends PageQuery {
  @ApiPropertyOptional({ enum: PUBLICATION_STATUSES })
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
  @ApiProperty({ enum: ['csv', 'xlsx'] })
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

  @ApiPropertyOptional({ enum: PUBLICATION_STATUSES })
  @IsOptional()
  @IsIn(PUBLICATION_STATUSES)
  status?: PublicationStatus;
}

export class PublicationIdParam {
  @IsUUID('all', { message: 'must be a UUID' })
  id!: string;
}

export class PublicationActionParams extends PublicationIdParam {
  @ApiProperty({ enum: PUBLICATION_ACTIONS })
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

export interface PublicationResponse {
  id: string;
  caseId: string;
  orgUnitCode: string;
  status: PublicationStatus;
  decidedOn: string;
  dueOn: string;
  overdue: boolean;
  displayUntil: string;
  record: CreditRecord;
  mappingErrors: MappingProblem[];
  platformReceiptId: string | null;
  attempts: number;
  lastError: string | null;
  publishedAt: string | null;
  withdrawReason: string | null;
  removalDueOn: string | null;
  removedAt: string | null;
  allowedActions: PublicationAction[];
  version: number;
}
