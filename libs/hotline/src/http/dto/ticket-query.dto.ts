import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsCalendarDate, ListCursorBy, PageQuery, queryBoolean } from '@app/kernel';
import { Transform } from 'class-transformer';
import { IsBoolean, IsIn, IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';
import {
  TICKET_CATEGORIES,
  TICKET_CHANNELS,
  TICKET_SORTS,
  TICKET_STATUSES,
  TicketCategory,
  TicketChannel,
  TicketSort,
  TicketStatus,
} from '../../domain';

/** `cursor`: the list's (createdAt, id) position, or (next SLA date, id) with sort=sla, as this list encoded it */
@ListCursorBy((q) => (q.sort === 'sla' ? ['date', 'uuid'] : ['instant', 'uuid']))
export class TicketQueryDto extends PageQuery {
  @ApiPropertyOptional({ enum: TICKET_STATUSES, enumName: 'TicketStatus' })
  @IsOptional()
  @IsIn(TICKET_STATUSES)
  status?: TicketStatus;

  @ApiPropertyOptional({ enum: TICKET_CATEGORIES, enumName: 'TicketCategory' })
  @IsOptional()
  @IsIn(TICKET_CATEGORIES)
  category?: TicketCategory;

  @ApiPropertyOptional({ enum: TICKET_CHANNELS, enumName: 'TicketChannel' })
  @IsOptional()
  @IsIn(TICKET_CHANNELS)
  channel?: TicketChannel;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(40)
  orgUnitCode?: string;

  @ApiPropertyOptional({ description: 'tickets converted into (or linked to) this case' })
  @IsOptional()
  @IsUUID('all', { message: 'must be a UUID' })
  caseId?: string;

  @ApiPropertyOptional({ description: 'an SLA due date (first response, resolution or callback) has passed' })
  @IsOptional()
  @Transform(queryBoolean)
  @IsBoolean()
  overdue?: boolean;

  @ApiPropertyOptional({
    description:
      "ticket number, subject, respondent or caller name (contains), a patent number, or a caller's phone (exact, through the blind index)",
  })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  q?: string;

  @ApiPropertyOptional({ description: 'taken on or after (Shanghai date)' })
  @IsOptional()
  @IsCalendarDate()
  createdFrom?: string;

  @ApiPropertyOptional({ description: 'taken on or before (Shanghai date)' })
  @IsOptional()
  @IsCalendarDate()
  createdTo?: string;

  @ApiPropertyOptional({ enum: TICKET_SORTS, enumName: 'TicketSort', description: 'newest (default) or sla: nearest SLA date first' })
  @IsOptional()
  @IsIn(TICKET_SORTS)
  sort?: TicketSort;
}

export class TicketExportQuery extends TicketQueryDto {
  @ApiProperty({ enum: ['csv', 'xlsx'], enumName: 'ExportFormat' })
  @IsIn(['csv', 'xlsx'])
  format!: 'csv' | 'xlsx';
}

/** `cursor`: the list's (createdAt, id) position, or (next SLA date, id) with sort=sla, as this list encoded it */
@ListCursorBy((q) => (q.sort === 'sla' ? ['date', 'uuid'] : ['instant', 'uuid']))
export class AlertQueryDto extends PageQuery {
  @ApiPropertyOptional({ description: 'true: only alerts still above the threshold' })
  @IsOptional()
  @Transform(queryBoolean)
  @IsBoolean()
  open?: boolean;
}
