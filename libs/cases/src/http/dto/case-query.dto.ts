import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsCalendarDate, ListCursorBy, PageQuery, queryBoolean } from '@app/kernel';
import { Transform } from 'class-transformer';
import { IsBoolean, IsIn, IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import { CASE_SORTS, CaseSort } from '../../persistence/cases.repository';
import { CASE_STATUSES, CASE_TYPES, CaseStatus, CaseType } from '../../domain/case-types';

/** `cursor`: the list's (createdAt, id) position, or (deadline date, id) with sort=deadline, as this list encoded it */
@ListCursorBy((q) => (q.sort === 'deadline' ? ['date', 'uuid'] : ['instant', 'uuid']))
export class CaseQueryDto extends PageQuery {
  @ApiPropertyOptional({ enum: CASE_STATUSES, enumName: 'CaseStatus' })
  @IsOptional()
  @IsIn(CASE_STATUSES)
  status?: CaseStatus;

  @ApiPropertyOptional({ enum: CASE_TYPES, enumName: 'CaseType' })
  @IsOptional()
  @IsIn(CASE_TYPES)
  type?: CaseType;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(40)
  orgUnitCode?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @Transform(queryBoolean)
  @IsBoolean()
  overdue?: boolean;

  @ApiPropertyOptional({ description: 'case or receipt number, party name, USCC or patent number contains' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  q?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsCalendarDate()
  filedFrom?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsCalendarDate()
  filedTo?: string;

  @ApiPropertyOptional({ description: '`me`, or an officer id: the cases that officer is assigned to' })
  @IsOptional()
  @Matches(/^(me|[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$/i, { message: 'must be me or a user id' })
  assignedTo?: string;

  @ApiPropertyOptional({ description: 'open cases whose deadline in force is before this date (YYYY-MM-DD)' })
  @IsOptional()
  @IsCalendarDate()
  dueBefore?: string;

  @ApiPropertyOptional({
    enum: CASE_SORTS,
    enumName: 'CaseSort',
    description: 'newest (default) or deadline: nearest deadline in force first',
  })
  @IsOptional()
  @IsIn(CASE_SORTS)
  sort?: CaseSort;
}

export const CASE_COUNT_GROUPS = ['status', 'type', 'orgUnit'] as const;
export type CaseCountGroup = (typeof CASE_COUNT_GROUPS)[number];

export class CaseCountsQuery {
  @ApiPropertyOptional({ enum: CASE_COUNT_GROUPS, enumName: 'CaseCountGroup' })
  @IsOptional()
  @IsIn(CASE_COUNT_GROUPS)
  groupBy?: CaseCountGroup;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(40)
  orgUnitCode?: string;
}

export class CaseExportQuery extends CaseQueryDto {
  @ApiProperty({ enum: ['csv', 'xlsx'], enumName: 'ExportFormat' })
  @IsIn(['csv', 'xlsx'])
  format!: 'csv' | 'xlsx';
}
