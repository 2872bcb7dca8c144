import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { TimelineEventResponse } from '@app/kernel';
import {
  CASE_ACTIONS,
  CASE_SOURCES,
  CASE_STATUSES,
  CASE_TYPES,
  PARTY_KINDS,
  type CaseAction,
  type CaseSource,
  type CaseStatus,
  type CaseType,
  type PartyKind,
} from '../../domain/case-types';
import { ENFORCEMENT_OUTCOMES, SERVICE_DOCUMENTS, type EnforcementOutcome, type ServiceDocument } from '../../domain/penalty-procedure';

export class PartyResponse {
  @ApiProperty({ enum: PARTY_KINDS, enumName: 'PartyKind' })
  kind!: PartyKind;

  @ApiProperty()
  name!: string;

  @ApiProperty({ type: String, nullable: true })
  role!: string | null;

  @ApiProperty({ type: String, nullable: true })
  uscc!: string | null;

  /** masked: 120101********123X */
  @ApiProperty({ type: String, nullable: true, description: 'masked: 120101********123X' })
  idNumber!: string | null;

  @ApiProperty({ type: String, nullable: true })
  legalRepresentative!: string | null;

  @ApiProperty({ type: String, nullable: true })
  address!: string | null;

  /** masked: 138****5678 */
  @ApiProperty({ type: String, nullable: true, description: 'masked: 138****5678' })
  phone!: string | null;
}

/** a step of the timeline */
export type CaseEventResponse = TimelineEventResponse;

export class CaseDeadlinesResponse {
  @ApiProperty({ format: 'date' })
  filingDecisionDue!: string;

  @ApiProperty({ type: String, format: 'date', nullable: true })
  closingDue!: string | null;

  @ApiProperty({ type: String, format: 'date', nullable: true })
  extendedClosingDue!: string | null;
}

export class CaseEcommerceResponse {
  @ApiProperty()
  platform!: string;

  @ApiPropertyOptional()
  storeName?: string;

  @ApiPropertyOptional()
  listingUrl?: string;
}

export class CasePatentResponse {
  @ApiProperty()
  number!: string;

  @ApiProperty()
  normalized!: string;

  @ApiProperty()
  kind!: string;

  @ApiProperty({ type: String, nullable: true })
  title!: string | null;
}

export class ServiceRecordResponse {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({ enum: SERVICE_DOCUMENTS, enumName: 'ServiceDocument' })
  document!: ServiceDocument;

  @ApiProperty({ description: 'direct, mail, electronic, left_at_address or public_notice' })
  method!: string;

  @ApiProperty({ format: 'date' })
  servedOn!: string;

  @ApiProperty({ type: String, nullable: true })
  trackingNo!: string | null;

  @ApiProperty({ type: Boolean, nullable: true })
  consent!: boolean | null;

  @ApiProperty({ type: String, nullable: true })
  receiptNote!: string | null;

  @ApiProperty({ format: 'uuid' })
  recordedBy!: string;

  @ApiProperty({ format: 'date-time' })
  recordedAt!: string;
}

export class CasePaymentResponse {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({ format: 'date' })
  paidOn!: string;

  @ApiProperty()
  amountFen!: number;

  @ApiProperty()
  receiptNo!: string;
}

/** Where a penalty stands on payment (行政处罚法 Art. 67, 72), as of today in Shanghai. */
export class CasePaymentStateResponse {
  @ApiProperty({ format: 'date' })
  dueOn!: string;

  @ApiProperty({ description: 'fine plus confiscated gains, fen' })
  principalFen!: number;

  @ApiProperty()
  paidFen!: number;

  @ApiProperty({ description: '加处罚款: 3 % of the fine a day after dueOn, at most the fine' })
  surchargeFen!: number;

  @ApiProperty()
  paidInFull!: boolean;

  @ApiProperty({ type: [CasePaymentResponse] })
  payments!: CasePaymentResponse[];
}

/** The penalty procedure (and the dispute's service and answer) of a case; null parts have not happened. */
export class CaseProcedureResponse {
  @ApiProperty({
    type: 'object',
    additionalProperties: true,
    nullable: true,
    description: '事先告知: servedOn, method, amounts, hearingRight, periodEndsOn',
  })
  notice!: Record<string, unknown> | null;

  @ApiProperty({ type: 'object', additionalProperties: true, nullable: true, description: '陈述申辩: receivedOn, summary, waived' })
  statement!: Record<string, unknown> | null;

  @ApiProperty({
    type: 'object',
    additionalProperties: true,
    nullable: true,
    description: '听证: requestedOn, scheduledOn, notifiedOn, heldOn, recordSummary',
  })
  hearing!: Record<string, unknown> | null;

  @ApiProperty({
    type: 'object',
    additionalProperties: true,
    nullable: true,
    description: '法制审核: reviewedOn, reviewerId, opinion, conclusion',
  })
  legalReview!: Record<string, unknown> | null;

  @ApiProperty({ description: 'the proposed or approved decision needs the legal review (Art. 58)' })
  legalReviewRequired!: boolean;

  @ApiProperty({
    type: 'object',
    additionalProperties: true,
    nullable: true,
    description: '行政裁决: requestServedOn, answerDueOn, answer, requesterNotifiedOn',
  })
  dispute!: Record<string, unknown> | null;

  @ApiProperty({ type: String, format: 'date', nullable: true, description: 'Art. 61: the decision is served by this day' })
  serviceDueOn!: string | null;

  @ApiProperty()
  serviceRecordCount!: number;

  @ApiProperty({ type: CasePaymentStateResponse, nullable: true })
  payment!: CasePaymentStateResponse | null;

  @ApiProperty({ type: Number, nullable: true, description: 'a served penalty: what is owed today (Shanghai), surcharge included' })
  amountOwedTodayFen!: number | null;

  @ApiProperty({ enum: ENFORCEMENT_OUTCOMES, enumName: 'EnforcementOutcome', nullable: true })
  enforcement!: EnforcementOutcome | null;
}

export class CaseResponse {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty()
  receiptNo!: string;

  @ApiProperty({ type: String, nullable: true })
  caseNo!: string | null;

  @ApiProperty({ enum: CASE_TYPES, enumName: 'CaseType' })
  type!: CaseType;

  @ApiProperty({ enum: CASE_SOURCES, enumName: 'CaseSource' })
  source!: CaseSource;

  @ApiProperty({ enum: CASE_STATUSES, enumName: 'CaseStatus' })
  status!: CaseStatus;

  @ApiProperty()
  suspended!: boolean;

  @ApiProperty()
  extensionPending!: boolean;

  @ApiProperty()
  orgUnitCode!: string;

  @ApiProperty({ format: 'date' })
  receivedOn!: string;

  @ApiProperty({ type: String, format: 'date', nullable: true })
  filedOn!: string | null;

  @ApiProperty({ type: String, format: 'date', nullable: true })
  closedOn!: string | null;

  @ApiProperty({ type: CaseDeadlinesResponse })
  deadlines!: CaseDeadlinesResponse;

  @ApiProperty()
  overdue!: boolean;

  @ApiProperty()
  pausedDays!: number;

  @ApiProperty()
  summary!: string;

  @ApiProperty()
  ftz!: boolean;

  @ApiProperty()
  fastTrack!: boolean;

  @ApiProperty()
  reportReceived!: boolean;

  @ApiProperty({ type: CaseEcommerceResponse, nullable: true })
  ecommerce!: CaseEcommerceResponse | null;

  @ApiProperty({ type: [String] })
  assignedOfficerIds!: string[];

  @ApiProperty({ type: [PartyResponse] })
  requesters!: PartyResponse[];

  @ApiProperty({ type: [PartyResponse] })
  respondents!: PartyResponse[];

  @ApiProperty({ type: [CasePatentResponse] })
  patents!: CasePatentResponse[];

  @ApiProperty({ type: 'object', additionalProperties: true, nullable: true })
  decision!: Record<string, unknown> | null;

  @ApiProperty({ type: 'object', additionalProperties: true, nullable: true })
  outcome!: Record<string, unknown> | null;

  @ApiProperty({ type: CaseProcedureResponse })
  procedure!: CaseProcedureResponse;

  @ApiProperty({ format: 'date-time' })
  createdAt!: string;

  @ApiProperty({ format: 'date-time' })
  updatedAt!: string;

  @ApiProperty()
  version!: number;

  @ApiProperty({ enum: CASE_ACTIONS, enumName: 'CaseAction', isArray: true })
  allowedActions!: CaseAction[];
}

export class CaseCountResponse {
  @ApiProperty()
  key!: string;

  @ApiProperty()
  n!: number;
}

/** `GET /cases/counts`: kept counts in the caller's scope, largest first. */
export class CaseCountsResponse {
  @ApiProperty({ enum: ['status', 'type', 'orgUnit'], enumName: 'CaseCountGroup' })
  groupBy!: 'status' | 'type' | 'orgUnit';

  @ApiProperty()
  total!: number;

  @ApiProperty({ type: [CaseCountResponse] })
  counts!: CaseCountResponse[];
}

/** `GET /cases/:id/parties/:role/:ordinal/contact`: a party's contact in clear. */
export class PartyContactResponse {
  @ApiProperty()
  name!: string;

  @ApiProperty({ type: String, nullable: true })
  idNumber!: string | null;

  @ApiProperty({ type: String, nullable: true })
  phone!: string | null;
}
