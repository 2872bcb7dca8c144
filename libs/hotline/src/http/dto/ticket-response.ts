import { ApiProperty } from '@nestjs/swagger';
import type { TimelineEventResponse } from '@app/kernel';
import {
  DUPLICATE_REASONS,
  TICKET_ACTIONS,
  TICKET_CATEGORIES,
  TICKET_CHANNELS,
  TICKET_STATUSES,
  WARNING_KINDS,
  type DuplicateReason,
  type PossibleDuplicate,
  type TicketAction,
  type TicketCategory,
  type TicketChannel,
  type TicketStatus,
  type WarningKind,
} from '../../domain';

export class TicketCallerMaskedResponse {
  @ApiProperty({ type: String, nullable: true })
  name!: string | null;

  @ApiProperty({ type: String, nullable: true, description: 'masked: 138****5678' })
  phoneMasked!: string | null;

  @ApiProperty({ type: String, nullable: true })
  idNumberMasked!: string | null;

  @ApiProperty({ type: String, nullable: true })
  organization!: string | null;

  @ApiProperty()
  anonymous!: boolean;
}

export class TicketDueResponse {
  @ApiProperty({ format: 'date-time' })
  firstResponse!: string;

  @ApiProperty({ format: 'date-time' })
  resolution!: string;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  callback!: string | null;
}

export class PossibleDuplicateResponse implements PossibleDuplicate {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty()
  ticketNo!: string;

  @ApiProperty({ enum: DUPLICATE_REASONS, enumName: 'DuplicateReason', description: 'the first of reasons' })
  reason!: DuplicateReason;

  @ApiProperty({ enum: DUPLICATE_REASONS, enumName: 'DuplicateReason', isArray: true, description: 'every reason it matched' })
  reasons!: DuplicateReason[];
}

/** the linked case's number and status: all an operator sees of a case */
export class TicketCaseResponse {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty()
  receiptNo!: string;

  @ApiProperty({ type: String, nullable: true })
  caseNo!: string | null;

  @ApiProperty()
  status!: string;

  @ApiProperty()
  orgUnitCode!: string;
}

export class TicketResponse {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty()
  ticketNo!: string;

  @ApiProperty({ enum: TICKET_CHANNELS, enumName: 'TicketChannel' })
  channel!: TicketChannel;

  @ApiProperty({ enum: TICKET_CATEGORIES, enumName: 'TicketCategory' })
  category!: TicketCategory;

  @ApiProperty({ enum: TICKET_STATUSES, enumName: 'TicketStatus' })
  status!: TicketStatus;

  @ApiProperty({ type: TicketCallerMaskedResponse })
  caller!: TicketCallerMaskedResponse;

  @ApiProperty()
  subject!: string;

  @ApiProperty()
  description!: string;

  @ApiProperty({ type: String, nullable: true })
  respondentName!: string | null;

  @ApiProperty({ type: String, nullable: true })
  industry!: string | null;

  @ApiProperty({ type: [String] })
  patentNumbers!: string[];

  @ApiProperty({ type: String, nullable: true })
  orgUnitCode!: string | null;

  @ApiProperty({ type: TicketDueResponse })
  due!: TicketDueResponse;

  @ApiProperty()
  overdue!: boolean;

  @ApiProperty({ type: [PossibleDuplicateResponse] })
  possibleDuplicates!: PossibleDuplicate[];

  @ApiProperty({ type: String, format: 'uuid', nullable: true })
  caseId!: string | null;

  /** the linked case's number and status: all an operator sees of a case (product.md "Data scope") */
  @ApiProperty({ type: TicketCaseResponse, nullable: true })
  case!: TicketCaseResponse | null;

  @ApiProperty({ type: String, nullable: true })
  response!: string | null;

  @ApiProperty({ type: 'object', additionalProperties: true, nullable: true })
  outcome!: Record<string, unknown> | null;

  @ApiProperty({ type: Number, nullable: true })
  satisfaction!: number | null;

  @ApiProperty({ type: String, nullable: true })
  callbackNote!: string | null;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  firstRespondedAt!: string | null;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  closedAt!: string | null;

  @ApiProperty()
  reopenCount!: number;

  @ApiProperty({ format: 'date-time' })
  createdAt!: string;

  @ApiProperty({ format: 'date-time' })
  updatedAt!: string;

  @ApiProperty()
  version!: number;

  @ApiProperty({ enum: TICKET_ACTIONS, enumName: 'TicketAction', isArray: true })
  allowedActions!: TicketAction[];
}

export class TicketCallerResponse {
  @ApiProperty({ type: String, nullable: true })
  name!: string | null;

  @ApiProperty({ type: String, nullable: true })
  phone!: string | null;

  @ApiProperty({ type: String, nullable: true })
  idNumber!: string | null;

  @ApiProperty({ type: String, nullable: true })
  organization!: string | null;

  @ApiProperty()
  anonymous!: boolean;
}

/** a step of the timeline */
export type TicketEventResponse = TimelineEventResponse;

export class AlertTicketResponse {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty()
  ticketNo!: string;

  @ApiProperty({ format: 'date-time' })
  createdAt!: string;
}

export class AlertResponse {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({ enum: WARNING_KINDS, enumName: 'WarningKind' })
  kind!: WarningKind;

  @ApiProperty()
  key!: string;

  @ApiProperty()
  label!: string;

  @ApiProperty()
  windowDays!: number;

  @ApiProperty()
  threshold!: number;

  @ApiProperty()
  ticketCount!: number;

  @ApiProperty({ type: [AlertTicketResponse] })
  tickets!: AlertTicketResponse[];

  @ApiProperty({ format: 'date-time' })
  raisedAt!: string;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  clearedAt!: string | null;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  acknowledgedAt!: string | null;

  @ApiProperty({ type: String, format: 'uuid', nullable: true })
  acknowledgedBy!: string | null;

  @ApiProperty()
  version!: number;
}
