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
