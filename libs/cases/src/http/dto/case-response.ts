import type { TimelineEventResponse } from '@app/kernel';
import type { CaseAction, CaseSource, CaseStatus, CaseType, PartyKind } from '../../domain/case-types';

export interface PartyResponse {
  kind: PartyKind;
  name: string;
  role: string | null;
  uscc: string | null;
  /** masked: 120101********123X */
  idNumber: string | null;
  legalRepresentative: string | null;
  address: string | null;
  /** masked: 138****5678 */
  phone: string | null;
}

/** a step of the timeline */
export type CaseEventResponse = TimelineEventResponse;

export interface CaseResponse {
  id: string;
  receiptNo: string;
  caseNo: string | null;
  type: CaseType;
  source: CaseSource;
  status: CaseStatus;
  suspended: boolean;
  extensionPending: boolean;
  orgUnitCode: string;
  receivedOn: string;
  filedOn: string | null;
  closedOn: string | null;
  deadlines: { filingDecisionDue: string; closingDue: string | null; extendedClosingDue: string | null };
  overdue: boolean;
  pausedDays: number;
  summary: string;
  ftz: boolean;
  fastTrack: boolean;
  reportReceived: boolean;
  ecommerce: { platform: string; storeName?: string; listingUrl?: string } | null;
  assignedOfficerIds: string[];
  requesters: PartyResponse[];
  respondents: PartyResponse[];
  patents: { number: string; normalized: string; kind: string; title: string | null }[];
  decision: Record<string, unknown> | null;
  outcome: Record<string, unknown> | null;
  createdAt: string;
  updatedAt: string;
  version: number;
  allowedActions: CaseAction[];
}

/** `GET /cases/counts`: kept counts in the caller's scope, largest first. */
export interface CaseCountsResponse {
  groupBy: 'status' | 'type' | 'orgUnit';
  total: number;
  counts: { key: string; n: number }[];
}
