import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsCalendarDate } from '@app/kernel';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsObject,
  IsOptional,
  IsString,
  IsUUID,
  Max,
  MaxLength,
  Min,
  MinLength,
  ValidateNested,
} from 'class-validator';
import { PROPOSABLE_DECISION_KINDS, ProposableDecisionKind, REFER_TARGETS, ReferTarget } from '../../domain/case-types';

export const SERVICE_METHODS = ['direct', 'mail', 'electronic', 'left_at_address', 'public_notice'] as const;

export class DecisionDto {
  @ApiProperty({ enum: PROPOSABLE_DECISION_KINDS, enumName: 'ProposableDecisionKind' })
  @IsIn(PROPOSABLE_DECISION_KINDS)
  kind!: ProposableDecisionKind;

  @ApiProperty()
  @IsString()
  @MinLength(1)
  @MaxLength(5000)
  summary!: string;

  @ApiProperty({ example: '《专利法》第六十八条' })
  @IsString()
  @MinLength(1)
  @MaxLength(1000)
  legalBasis!: string;

  @ApiPropertyOptional({ description: '违法事实: the facts found (published on the credit platform for a penalty)' })
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(5000)
  facts?: string;

  @ApiPropertyOptional({ description: 'a penalty: 警告 is part of it (a warning alone is not published on the credit platform)' })
  @IsOptional()
  @IsBoolean()
  warning?: boolean;

  @ApiPropertyOptional({ description: 'fine in fen' })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(Number.MAX_SAFE_INTEGER)
  fineFen?: number;

  @ApiPropertyOptional({ description: 'illegal gains in fen (0 when none)' })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(Number.MAX_SAFE_INTEGER)
  illegalGainsFen?: number;

  @ApiPropertyOptional({ description: 'confiscated illegal gains in fen' })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(Number.MAX_SAFE_INTEGER)
  confiscatedFen?: number;

  @ApiPropertyOptional({ description: 'date of the illegal act: picks the 2008 or the 2020 Patent Law caps (default: receivedOn)' })
  @IsOptional()
  @IsCalendarDate()
  actDate?: string;
}

/**
 * The body of `POST /cases/:id/actions/:action`: `expectedVersion` plus the fields of that action (docs/api.md).
 * Which fields an action needs, and that it gets no others, is checked per action by the service.
 */
export class CaseActionDto {
  @ApiProperty()
  @IsInt()
  @Min(1)
  expectedVersion!: number;

  @ApiPropertyOptional()
  @IsOptional()
  @IsCalendarDate()
  filedOn?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(2000)
  reason?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(15)
  @IsUUID('all', { each: true })
  officerIds?: string[];

  @ApiPropertyOptional()
  @IsOptional()
  @IsCalendarDate()
  hearingOn?: string;

  @ApiPropertyOptional({ type: DecisionDto })
  @IsOptional()
  @ValidateNested()
  @IsObject({ message: 'must be an object' })
  @Type(() => DecisionDto)
  decision?: DecisionDto;

  @ApiPropertyOptional()
  @IsOptional()
  @IsCalendarDate()
  servedOn?: string;

  @ApiPropertyOptional({ enum: SERVICE_METHODS, enumName: 'ServiceMethod' })
  @IsOptional()
  @IsIn(SERVICE_METHODS)
  method?: (typeof SERVICE_METHODS)[number];

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(5000)
  agreementSummary?: string;

  @ApiPropertyOptional({ enum: REFER_TARGETS, enumName: 'ReferTarget' })
  @IsOptional()
  @IsIn(REFER_TARGETS)
  to?: ReferTarget;

  @ApiPropertyOptional()
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(92)
  days?: number;

  @ApiPropertyOptional({ description: 'close: what became of the decision (payment, enforcement)' })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  note?: string;
}

/** 回避: a supervisor recuses an officer (e.g. a party's relation) from a case; the officer loses access to it. */
export class RecuseDto {
  @ApiProperty()
  @IsInt()
  @Min(1)
  expectedVersion!: number;

  @ApiProperty()
  @IsUUID('all', { message: 'must be a UUID' })
  officerId!: string;

  @ApiProperty()
  @IsString()
  @MinLength(1)
  @MaxLength(2000)
  reason!: string;
}

type ActionField = Exclude<keyof CaseActionDto, 'expectedVersion'>;

/** The fields each action requires and the ones it may take. */
export const ACTION_FIELDS: Record<string, { required: ActionField[]; optional?: ActionField[] }> = {
  file: { required: [], optional: ['filedOn'] },
  decline: { required: ['reason'] },
  assign: { required: ['officerIds'] },
  schedule_hearing: { required: ['hearingOn'] },
  propose_decision: { required: ['decision'] },
  approve_decision: { required: [] },
  return_decision: { required: ['reason'] },
  serve: { required: ['servedOn', 'method'] },
  close: { required: [], optional: ['note'] },
  mediate: { required: ['agreementSummary'] },
  refer: { required: ['to', 'reason'] },
  suspend: { required: ['reason'] },
  resume: { required: [] },
  request_extension: { required: ['days', 'reason'] },
  approve_extension: { required: [] },
  reject_extension: { required: ['reason'] },
  withdraw: { required: ['reason'] },
};
