import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsCalendarDate } from '@app/kernel';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsIn,
  IsInt,
  IsObject,
  IsOptional,
  IsString,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';

export const MIN_YEAR = 2000;
export const MAX_YEAR = 2100;

export class YearParam {
  @ApiProperty({ minimum: MIN_YEAR, maximum: MAX_YEAR })
  @Type(() => Number)
  @IsInt({ message: 'must be a year' })
  @Min(MIN_YEAR)
  @Max(MAX_YEAR)
  year!: number;
}

export class TargetItemDto {
  @ApiProperty({ example: '120000' })
  @IsString()
  @MaxLength(40)
  orgUnitCode!: string;

  @ApiProperty({ example: 630, description: 'cases to file (立案) in the year' })
  @IsInt()
  @Min(0)
  @Max(1_000_000)
  target!: number;
}

export class SetTargetsDto {
  @ApiProperty({ type: [TargetItemDto] })
  @ValidateNested({ each: true })
  @IsObject({ each: true, message: 'each item must be an object' })
  @Type(() => TargetItemDto)
  @ArrayMinSize(1)
  @ArrayMaxSize(100)
  targets!: TargetItemDto[];
}

export class UnitQuery {
  @ApiPropertyOptional({ description: "default: the city for city-wide callers, else the caller's unit" })
  @IsOptional()
  @IsString()
  @MaxLength(40)
  orgUnitCode?: string;
}

export class TargetProgressQuery extends UnitQuery {
  @ApiPropertyOptional({ description: 'default: the current year (Shanghai)' })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(MIN_YEAR)
  @Max(MAX_YEAR)
  year?: number;
}

export class KpiQuery extends UnitQuery {
  @ApiPropertyOptional({ description: 'YYYY-MM-DD; counts are monthly, so the period is from this month; default: 1 January this year' })
  @IsOptional()
  @IsCalendarDate()
  from?: string;

  @ApiPropertyOptional({ description: 'YYYY-MM-DD; through the end of this month; default: today' })
  @IsOptional()
  @IsCalendarDate()
  to?: string;
}

export class ReportQuery extends UnitQuery {
  @ApiProperty()
  @Type(() => Number)
  @IsInt()
  @Min(MIN_YEAR)
  @Max(MAX_YEAR)
  year!: number;

  @ApiProperty({ minimum: 1, maximum: 12 })
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(12)
  month!: number;

  @ApiPropertyOptional({ enum: ['csv', 'xlsx'], enumName: 'ExportFormat', default: 'xlsx' })
  @IsOptional()
  @IsIn(['xlsx', 'csv'])
  format?: 'xlsx' | 'csv';
}
