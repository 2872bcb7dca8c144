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
import { ENFORCEMENT_OUTCOMES, EnforcementOutcome, SERVICE_DOCUMENTS, ServiceDocument } from '../../domain/penalty-procedure';

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

  @ApiPropertyOptional({ description: '重大执法决定: needs the legal review (法制审核, 行政处罚法 Art. 58) before approval' })
  @IsOptional()
  @IsBoolean()
  major?: boolean;
}

/** notify_penalty: what the advance notice (行政处罚事先告知书) announces. */
export class IntendedPenaltyDto {
  @ApiProperty({ description: 'the intended penalty, facts and reasons as the notice states them' })
  @IsString()
  @MinLength(1)
  @MaxLength(5000)
  summary!: string;

  @ApiProperty({ example: '《专利法》第六十八条' })
  @IsString()
  @MinLength(1)
  @MaxLength(1000)
  legalBasis!: string;

  @ApiPropertyOptional({ description: 'intended fine in fen (the decision may not exceed it)' })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(Number.MAX_SAFE_INTEGER)
  fineFen?: number;

  @ApiPropertyOptional({ description: 'intended confiscation of illegal gains in fen' })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(Number.MAX_SAFE_INTEGER)
  confiscatedFen?: number;
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

  @ApiPropertyOptional({
    enum: ENFORCEMENT_OUTCOMES,
    enumName: 'EnforcementOutcome',
    description: 'close of a penalty case: paid (in full), court_enforced (申请法院强制执行) or exempted (减免)',
  })
  @IsOptional()
  @IsIn(ENFORCEMENT_OUTCOMES)
  enforcement?: EnforcementOutcome;

  @ApiPropertyOptional({ type: IntendedPenaltyDto })
  @IsOptional()
  @ValidateNested()
  @IsObject({ message: 'must be an object' })
  @Type(() => IntendedPenaltyDto)
  intendedPenalty?: IntendedPenaltyDto;

  @ApiPropertyOptional({ description: "when the party's statement, hearing request or answer was received" })
  @IsOptional()
  @IsCalendarDate()
  receivedOn?: string;

  @ApiPropertyOptional({ description: 'the statement, the hearing record or the answer, in short' })
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(5000)
  summary?: string;

  @ApiPropertyOptional({ description: 'record_statement: the party waived stating a defence and a hearing' })
  @IsOptional()
  @IsBoolean()
  waived?: boolean;

  @ApiPropertyOptional()
  @IsOptional()
  @IsCalendarDate()
  heldOn?: string;

  @ApiPropertyOptional({ description: "record_legal_review: the reviewer's opinion" })
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(5000)
  opinion?: string;

  @ApiPropertyOptional({ enum: ['approve', 'revise'], enumName: 'LegalReviewConclusion' })
  @IsOptional()
  @IsIn(['approve', 'revise'])
  conclusion?: 'approve' | 'revise';

  @ApiPropertyOptional({ description: 'file/decline of a dispute: when the requester was told of acceptance or refusal' })
  @IsOptional()
  @IsCalendarDate()
  requesterNotifiedOn?: string;

  @ApiPropertyOptional({ description: 'serve by mail: the tracking number' })
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(100)
  trackingNo?: string;

  @ApiPropertyOptional({ description: 'serve electronically: the party agreed to electronic service (Art. 61(2))' })
  @IsOptional()
  @IsBoolean()
  consent?: boolean;

  @ApiPropertyOptional({ description: 'serve: who signed the receipt (送达回证), or why none' })
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(2000)
  receiptNote?: string;
}

/** `POST /cases/:id/service-records`: one 送达记录 of a document of the case. */
export class CreateServiceRecordDto {
  @ApiProperty({ enum: SERVICE_DOCUMENTS, enumName: 'ServiceDocument' })
  @IsIn(SERVICE_DOCUMENTS)
  document!: ServiceDocument;

  @ApiProperty({ enum: SERVICE_METHODS, enumName: 'ServiceMethod' })
  @IsIn(SERVICE_METHODS)
  method!: (typeof SERVICE_METHODS)[number];

  @ApiProperty({ format: 'date' })
  @IsCalendarDate()
  servedOn!: string;

  @ApiPropertyOptional({ description: 'required for mail' })
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(100)
  trackingNo?: string;

  @ApiPropertyOptional({ description: 'required (true) for electronic service' })
  @IsOptional()
  @IsBoolean()
  consent?: boolean;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(2000)
  receiptNote?: string;
}

/** `POST /cases/:id/payments`: a payment of the fine (and confiscated gains, and any surcharge). */
export class CreatePaymentDto {
  @ApiProperty({ format: 'date' })
  @IsCalendarDate()
  paidOn!: string;

  @ApiProperty({ description: 'in fen' })
  @IsInt()
  @Min(1)
  @Max(Number.MAX_SAFE_INTEGER)
  amountFen!: number;

  @ApiProperty({ description: 'the receipt (缴款书 / 票据) number' })
  @IsString()
  @MinLength(1)
  @MaxLength(100)
  receiptNo!: string;
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
  file: { required: [], optional: ['filedOn', 'requesterNotifiedOn'] },
  decline: { required: ['reason'], optional: ['requesterNotifiedOn'] },
  assign: { required: ['officerIds'] },
  schedule_hearing: { required: ['hearingOn'] },
  propose_decision: { required: ['decision'] },
  approve_decision: { required: [] },
  return_decision: { required: ['reason'] },
  serve: { required: ['servedOn', 'method'], optional: ['trackingNo', 'consent', 'receiptNote'] },
  close: { required: [], optional: ['note', 'enforcement'] },
  mediate: { required: ['agreementSummary'] },
  refer: { required: ['to', 'reason'] },
  suspend: { required: ['reason'] },
  resume: { required: [] },
  request_extension: { required: ['days', 'reason'] },
  approve_extension: { required: [] },
  reject_extension: { required: ['reason'] },
  withdraw: { required: ['reason'] },
  notify_penalty: { required: ['servedOn', 'method', 'intendedPenalty'], optional: ['trackingNo', 'consent', 'receiptNote'] },
  record_statement: { required: ['receivedOn'], optional: ['summary', 'waived'] },
  request_penalty_hearing: { required: ['receivedOn'] },
  schedule_penalty_hearing: { required: ['hearingOn'] },
  record_penalty_hearing: { required: ['heldOn', 'summary'] },
  record_legal_review: { required: ['opinion', 'conclusion'] },
  serve_dispute_request: { required: ['servedOn'], optional: ['method', 'trackingNo', 'consent', 'receiptNote'] },
  record_answer: { required: ['receivedOn', 'summary'] },
};
