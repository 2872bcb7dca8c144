import type { TimelineEventResponse } from '@app/kernel';
import type { PossibleDuplicate, TicketAction, TicketCategory, TicketChannel, TicketStatus, WarningKind } from '../../domain';

export interface TicketResponse {
  id: string;
  ticketNo: string;
  channel: TicketChannel;
  category: TicketCategory;
  status: TicketStatus;
  caller: {
    name: string | null;
    phoneMasked: string | null;
    idNumberMasked: string | null;
    organization: string | null;
    anonymous: boolean;
  };
  subject: string;
  description: string;
  respondentName: string | null;
  industry: string | null;
  patentNumbers: string[];
  orgUnitCode: string | null;
  due: { firstResponse: string; resolution: string; callback: string | null };
  overdue: boolean;
  possibleDuplicates: PossibleDuplicate[];
  caseId: string | null;
  /** the linked case's number and status: all an operator sees of a case (product.md "Data scope") */
  case: { id: string; receiptNo: string; caseNo: string | null; status: string; orgUnitCode: string } | null;
  response: string | null;
  outcome: Record<string, unknown> | null;
  satisfaction: number | null;
  callbackNote: string | null;
  firstRespondedAt: string | null;
  closedAt: string | null;
  reopenCount: number;
  createdAt: string;
  updatedAt: string;
  version: number;
  allowedActions: TicketAction[];
}

export interface TicketCallerResponse {
  name: string | null;
  phone: string | null;
  idNumber: string | null;
  organization: string | null;
  anonymous: boolean;
}

/** a step of the timeline */
export type TicketEventResponse = TimelineEventResponse;

export interface AlertResponse {
  id: string;
  kind: WarningKind;
  key: string;
  label: string;
  windowDays: number;
  threshold: number;
  ticketCount: number;
  tickets: { id: string; ticketNo: string; createdAt: string }[];
  raisedAt: string;
  clearedAt: string | null;
  acknowledgedAt: string | null;
  acknowledgedBy: string | null;
  version: number;
}
