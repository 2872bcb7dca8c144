import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { CASE_TYPES, type CaseType } from '@app/cases';
import { KPI_KEYS, type KpiKey, type KpiUnit } from '../../domain/kpi-definitions';
import { METRIC_SOURCES, type MetricSource } from '../../domain/metric-names';
import type { ExpectationModel } from '../../domain/target-progress';
import type { KpisResponse, KpiValue, TargetProgressResponse } from '../../metrics-query.service';
import type { TargetsResponse, TargetView } from '../../targets.service';

export class MonthProgressDto {
  @ApiProperty({ example: '2026-03' })
  month!: string;

  @ApiProperty()
  filed!: number;

  @ApiProperty({ type: Number, nullable: true, description: 'filed up to the end of this month; null for months not begun yet' })
  cumulative!: number | null;

  @ApiProperty({ type: Number, nullable: true, description: "the target's share expected by the end of this month; null without a target" })
  expectedCumulative!: number | null;
}

export class ProjectedIntervalDto {
  @ApiProperty()
  low!: number;

  @ApiProperty()
  high!: number;
}

export class OrgUnitProgressDto {
  @ApiProperty()
  code!: string;

  @ApiProperty()
  name!: string;

  @ApiProperty({ type: Number, nullable: true })
  target!: number | null;

  @ApiProperty()
  filed!: number;
}

export class FiledShareDto {
  @ApiProperty()
  filed!: number;

  @ApiProperty({ type: Number, nullable: true })
  share!: number | null;
}

export class CaseTypeCountsDto {}
for (const t of CASE_TYPES) ApiProperty({ type: Number })(CaseTypeCountsDto.prototype, t);

export class TargetProgressResponseDto implements TargetProgressResponse {
  @ApiProperty()
  year!: number;

  @ApiProperty()
  orgUnitCode!: string;

  @ApiProperty()
  orgUnitName!: string;

  @ApiProperty({ format: 'date', description: 'the Shanghai date the expectation is computed at' })
  asOf!: string;

  @ApiProperty({ type: Number, nullable: true })
  target!: number | null;

  @ApiProperty({ enum: ['linear', 'seasonal'], enumName: 'ExpectationModel' })
  expectation!: ExpectationModel;

  @ApiProperty()
  filed!: number;

  @ApiProperty({ type: Number, nullable: true })
  remaining!: number | null;

  @ApiProperty({ type: Number, nullable: true })
  expectedToDate!: number | null;

  @ApiProperty({ type: Number, nullable: true, description: 'filed / expectedToDate' })
  pace!: number | null;

  @ApiProperty({ type: Number, nullable: true })
  projectedYearEnd!: number | null;

  @ApiProperty({ type: ProjectedIntervalDto, nullable: true })
  projectedInterval!: ProjectedIntervalDto | null;

  @ApiProperty({ type: Boolean, nullable: true })
  onTrack!: boolean | null;

  @ApiProperty({ type: [MonthProgressDto] })
  byMonth!: MonthProgressDto[];

  @ApiProperty({ type: [OrgUnitProgressDto] })
  byOrgUnit!: OrgUnitProgressDto[];

  @ApiProperty({ type: CaseTypeCountsDto })
  byType!: Record<CaseType, number>;

  @ApiProperty({ type: FiledShareDto })
  ftz!: FiledShareDto;

  @ApiProperty({ type: FiledShareDto })
  ecommerce!: FiledShareDto;
}

export class KpiValueDto implements KpiValue {
  @ApiProperty({ enum: KPI_KEYS, enumName: 'KpiKey' })
  key!: KpiKey;

  @ApiProperty()
  label!: string;

  @ApiProperty({ enum: ['ratio', 'days', 'count', 'score'], enumName: 'KpiUnit' })
  unit!: KpiUnit;

  @ApiProperty({ enum: METRIC_SOURCES, enumName: 'MetricSource' })
  source!: MetricSource;

  @ApiProperty({ description: 'false: the source library keeps no counts yet (value is then null)' })
  available!: boolean;

  @ApiProperty({ type: Number, nullable: true })
  value!: number | null;

  @ApiPropertyOptional({ type: 'object', additionalProperties: { type: 'number', nullable: true } })
  detail?: Record<string, number | null>;

  @ApiProperty()
  definition!: string;
}

export class MonthRangeDto {
  @ApiProperty({ example: '2026-01' })
  from!: string;

  @ApiProperty({ example: '2026-03' })
  to!: string;
}

export class KpisResponseDto implements KpisResponse {
  @ApiProperty()
  orgUnitCode!: string;

  @ApiProperty({ format: 'date' })
  from!: string;

  @ApiProperty({ format: 'date' })
  to!: string;

  @ApiProperty({ type: MonthRangeDto, description: 'counts are kept per month: the months summed' })
  months!: MonthRangeDto;

  @ApiProperty({ type: [KpiValueDto] })
  kpis!: KpiValueDto[];

  @ApiProperty({ type: String, format: 'date-time', nullable: true, description: 'when the live states were last rolled up; null: never' })
  liveStatesAsOf!: string | null;
}

export class TargetViewDto implements TargetView {
  @ApiProperty()
  orgUnitCode!: string;

  @ApiProperty()
  target!: number;

  @ApiProperty({ type: String, format: 'uuid', nullable: true })
  setBy!: string | null;

  @ApiProperty({ format: 'date-time' })
  setAt!: string;
}

export class TargetsResponseDto implements TargetsResponse {
  @ApiProperty()
  year!: number;

  @ApiProperty({ type: [TargetViewDto], description: 'the current target of each unit that has one' })
  targets!: TargetViewDto[];

  @ApiProperty({ type: [TargetViewDto], description: 'every target ever set for the year, newest first' })
  history!: TargetViewDto[];
}
