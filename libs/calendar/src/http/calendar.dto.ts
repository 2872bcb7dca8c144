import { ApiProperty } from '@nestjs/swagger';
import { IsCalendarDate } from '@app/kernel';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsInt, IsString, Max, MaxLength, Min, MinLength } from 'class-validator';

export class CalendarYearParam {
  @ApiProperty({ minimum: 2000, maximum: 2100, example: 2027 })
  @Type(() => Number)
  @IsInt({ message: 'must be a year' })
  @Min(2000)
  @Max(2100)
  year!: number;
}

/** An official schedule as published (国务院办公厅关于…部分节假日安排的通知): the days off and the make-up working days. */
export class LoadCalendarDto {
  @ApiProperty({ example: '国务院办公厅关于2027年部分节假日安排的通知', description: 'the notice the schedule comes from' })
  @IsString()
  @MinLength(1, { message: 'is required (the notice the schedule comes from)' })
  @MaxLength(200)
  source!: string;

  @ApiProperty({ type: [String], example: ['2027-01-01', '2027-02-06'], description: 'days off (放假), YYYY-MM-DD' })
  @IsArray()
  @ArrayMaxSize(120)
  @IsCalendarDate({}, { each: true })
  holidays!: string[];

  @ApiProperty({ type: [String], example: ['2027-02-14'], description: 'make-up working days (调休上班), YYYY-MM-DD' })
  @IsArray()
  @ArrayMaxSize(60)
  @IsCalendarDate({}, { each: true })
  workdays!: string[];
}

export class CalendarDayDto {
  @ApiProperty({ example: '2027-02-06' }) date!: string;
  @ApiProperty({ enum: ['workday', 'holiday'], enumName: 'CalendarDayKind' }) kind!: 'workday' | 'holiday';
  @ApiProperty({ enum: ['package', 'loaded'], enumName: 'CalendarDayOrigin' }) origin!: 'package' | 'loaded';
  @ApiProperty({ type: String, nullable: true }) source!: string | null;
  @ApiProperty({ type: String, nullable: true, description: 'ISO instant' }) loadedAt!: string | null;
}

export class CalendarYearDto {
  @ApiProperty() year!: number;
  @ApiProperty({ description: 'an official schedule is known for the year (else Monday–Friday, deadlines provisional)' })
  official!: boolean;
  @ApiProperty() workingDays!: number;
  @ApiProperty({ type: [Number] }) coveredYears!: number[];
  @ApiProperty({ type: [CalendarDayDto] }) days!: CalendarDayDto[];
}

export class CalendarLoadResultDto {
  @ApiProperty({ description: 'days stored' }) days!: number;
  @ApiProperty({ description: 'open cases whose deadlines changed' }) recomputed!: number;
  @ApiProperty({ type: CalendarYearDto }) calendar!: CalendarYearDto;
}
