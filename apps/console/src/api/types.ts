// Response shapes of the api (docs/api.md and the server's *Response interfaces). The OpenAPI document describes
// requests (paths, query parameters, bodies: schema.d.ts) but not responses yet, so these are written by hand; the
// request side is checked against the server in CI by regenerating schema.d.ts.
import type { components } from './schema';

export type Role = 'officer' | 'hotline_operator' | 'supervisor' | 'admin';
export type OrgUnitKind = 'bureau' | 'district' | 'hotline_center' | 'partner';

export interface Me {
  id: string;
  username: string;
  displayName: string;
  roles: Role[];
  orgUnit: { code: string; name: string; kind: OrgUnitKind };
}

export interface TokenPair {
  accessToken: string;
  refreshToken: string;
  expiresIn: number;
  user: Me;
}

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

export interface ErrorBody {
  statusCode: number;
  code: string;
  message: string;
  details?: unknown;
  requestId?: string;
}

export interface OrgUnit {
  code: string;
  name: string;
  abbr: string;
  kind: OrgUnitKind;
  parentCode: string | null;
  uscc: string | null;
}

export interface User extends Me {
  active: boolean;
  lockedUntil: string | null;
  createdAt: string;
  updatedAt: string;
  version: number;
}

export const CASE_TYPES = ['infringement_dispute', 'passing_off', 'dispute_mediation'] as const;
export type CaseType = (typeof CASE_TYPES)[number];
export const CASE_SOURCES = [
  'complaint',
  'report',
  'hotline',
  'inspection',
  'ecommerce',
  'transfer_in',
  'referral',
  'customs',
  'ex_officio',
] as const;
export type CaseSource = (typeof CASE_SOURCES)[number];
export const CASE_STATUSES = [
  'received',
  'not_filed',
  'filed',
  'investigating',
  'hearing',
  'pending_decision',
  'decided',
  'served',
  'closed',
  'transferred_out',
] as const;
export type CaseStatus = (typeof CASE_STATUSES)[number];
export const OPEN_CASE_STATUSES: readonly CaseStatus[] = CASE_STATUSES.filter(
  (s) => s !== 'not_filed' && s !== 'closed' && s !== 'transferred_out',
);
export type CaseAction =
  | 'file'
  | 'decline'
  | 'assign'
  | 'schedule_hearing'
  | 'propose_decision'
  | 'approve_decision'
  | 'return_decision'
  | 'serve'
  | 'close'
  | 'mediate'
  | 'refer'
  | 'suspend'
  | 'resume'
  | 'request_extension'
  | 'approve_extension'
  | 'reject_extension'
  | 'withdraw'
  | 'transfer_out'
  | 'notify_penalty'
  | 'record_statement'
  | 'request_penalty_hearing'
  | 'schedule_penalty_hearing'
  | 'record_penalty_hearing'
  | 'record_legal_review'
  | 'serve_dispute_request'
  | 'record_answer';

export interface Party {
  kind: 'organization' | 'individual';
  name: string;
  role: string | null;
  uscc: string | null;
  idNumber: string | null;
  legalRepresentative: string | null;
  address: string | null;
  phone: string | null;
}

export interface Case {
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
  requesters: Party[];
  respondents: Party[];
  patents: { number: string; normalized: string; kind: string; title: string | null }[];
  decision: Record<string, unknown> | null;
  outcome: Record<string, unknown> | null;
  /** the penalty / dispute procedure's record (notice, statement, hearing, legal review, service due, payment) */
  procedure: components['schemas']['CaseProcedureResponse'];
  createdAt: string;
  updatedAt: string;
  version: number;
  allowedActions: CaseAction[];
}

export interface TimelineEvent {
  id: string;
  at: string;
  actorId: string | null;
  /** who acted, by name; null for the system */
  actor: { id: string; displayName: string } | null;
  action: string;
  fromStatus: string | null;
  toStatus: string;
  payload: Record<string, unknown> | null;
}

export interface Evidence {
  id: string;
  fileName: string;
  contentType: string;
  size: number;
  sha256: string;
  description: string;
  uploadedBy: string;
  uploadedAt: string;
  version: number;
  preservation: {
    preservedOn: string;
    decisionDue: string;
    decision: string | null;
    note: string | null;
    decidedOn: string | null;
    decidedBy: string | null;
    overdue: boolean;
  } | null;
}

export const TICKET_CHANNELS = ['phone', 'web', 'email', 'letter', 'visit'] as const;
export type TicketChannel = (typeof TICKET_CHANNELS)[number];
export const TICKET_CATEGORIES = ['consultation', 'complaint', 'report', 'assistance'] as const;
export type TicketCategory = (typeof TICKET_CATEGORIES)[number];
export const TICKET_STATUSES = ['new', 'triaged', 'assigned', 'in_progress', 'responded', 'closed', 'reopened', 'converted'] as const;
export type TicketStatus = (typeof TICKET_STATUSES)[number];
export type TicketAction = 'triage' | 'assign' | 'start' | 'respond' | 'close' | 'reopen' | 'convert' | 'forward' | 'callback';

export interface PossibleDuplicate {
  id: string;
  ticketNo: string;
  reason: 'respondent' | 'patent' | 'caller_phone';
}

export interface Ticket {
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

export interface TicketCaller {
  name: string | null;
  phone: string | null;
  idNumber: string | null;
  organization: string | null;
  anonymous: boolean;
}

export interface Alert {
  id: string;
  kind: 'respondent' | 'patent' | 'industry';
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

export const PUBLICATION_STATUSES = ['pending', 'submitted', 'published', 'rejected', 'failed', 'withdrawn', 'expired'] as const;
export type PublicationStatus = (typeof PUBLICATION_STATUSES)[number];
export type PublicationAction = 'retry' | 'withdraw' | 'correct';

export interface Publication {
  id: string;
  caseId: string;
  orgUnitCode: string;
  status: PublicationStatus;
  decidedOn: string;
  dueOn: string;
  overdue: boolean;
  displayUntil: string;
  record: Record<string, string | null>;
  mappingErrors: { field: string; message: string }[];
  platformReceiptId: string | null;
  attempts: number;
  lastError: string | null;
  publishedAt: string | null;
  withdrawReason: string | null;
  removalDueOn: string | null;
  removedAt: string | null;
  allowedActions: PublicationAction[];
  version: number;
}

export interface AuditEntry {
  seq: string | null;
  id: string;
  at: string;
  actorId: string | null;
  onBehalfOfId: string | null;
  action: string;
  entityType: string;
  entityId: string;
  orgUnitCode: string | null;
  before: unknown;
  after: unknown;
  requestId: string | null;
  ip: string | null;
  prevHash: string | null;
  hash: string | null;
}

export interface AuditVerify {
  ok: boolean;
  checked: number;
  headSeq: string | null;
  headHash: string | null;
  firstBrokenSeq: string | null;
  problem?: string | null;
  unsealed?: number;
}

export interface TargetProgress {
  year: number;
  orgUnitCode: string;
  orgUnitName: string;
  asOf: string;
  target: number | null;
  filed: number;
  remaining: number | null;
  expectedToDate: number | null;
  pace: number | null;
  projectedYearEnd: number | null;
  projectedInterval: { low: number; high: number } | null;
  onTrack: boolean | null;
  expectation: string;
  byMonth: { month: string; filed: number; cumulative: number | null; expectedCumulative: number | null }[];
  byOrgUnit: { code: string; name: string; target: number | null; filed: number }[];
  byType: Record<CaseType, number>;
  ftz: { filed: number; share: number | null };
  ecommerce: { filed: number; share: number | null };
}

export interface Kpi {
  key: string;
  label: string;
  unit: string;
  source: string;
  available: boolean;
  value: number | null;
  detail?: Record<string, number | null>;
  definition: string;
}

export interface Kpis {
  orgUnitCode: string;
  from: string;
  to: string;
  months: { from: string; to: string };
  kpis: Kpi[];
  liveStatesAsOf: string | null;
}

export interface Targets {
  year: number;
  targets: { orgUnitCode: string; target: number; setBy: string | null; setAt: string }[];
  history: { orgUnitCode: string; target: number; setBy: string | null; setAt: string }[];
}

export interface Notification {
  id: string;
  kind: string;
  title: string;
  body: string;
  entityType: string | null;
  entityId: string | null;
  createdAt: string;
  readAt: string | null;
}

export interface CaseCounts {
  groupBy: 'status' | 'type' | 'orgUnit';
  total: number;
  counts: { key: string; n: number }[];
}

export interface ApprovalItem {
  kind: 'decision' | 'extension' | (string & {});
  entityType: string;
  entityId: string;
  label: string;
  orgUnit: { code: string; name: string };
  requestedAt: string | null;
  requestedBy: { id: string; displayName: string } | null;
  summary: string;
  detail: Record<string, unknown> | null;
  version: number;
}

export interface Approvals {
  items: ApprovalItem[];
  counts: Record<string, number>;
  total: number;
}

export interface PartyContact {
  name: string;
  idNumber: string | null;
  phone: string | null;
}

export const TRANSFER_KINDS = ['transfer', 'assist_investigation', 'assist_service', 'assist_enforcement'] as const;
export type TransferKind = (typeof TRANSFER_KINDS)[number];
export const TRANSFER_OUT_STATUSES = [
  'requested',
  'returned',
  'approved',
  'sending',
  'delivered',
  'accepted',
  'declined',
  'answered',
  'failed',
] as const;
export const TRANSFER_IN_STATUSES = ['received', 'accepted', 'declined', 'answered'] as const;
export type TransferStatus = (typeof TRANSFER_OUT_STATUSES)[number] | (typeof TRANSFER_IN_STATUSES)[number];
export type TransferAction = 'approve' | 'return' | 'retry' | 'accept' | 'decline' | 'answer';

export interface Transfer {
  id: string;
  direction: 'in' | 'out';
  status: TransferStatus;
  partnerCode: string;
  kind: TransferKind;
  orgUnitCode: string;
  caseId: string | null;
  exchangeId: string;
  reason: string;
  requestedItems: string[];
  originCaseNo: string | null;
  partnerCaseNo: string | null;
  returnReason: string | null;
  declineReason: string | null;
  result: string | null;
  deliveredOn: string | null;
  replyDue: string | null;
  repliedOn: string | null;
  overdue: boolean;
  attempts: number;
  lastError: string | null;
  keyId: string | null;
  integrityProblem: unknown;
  dossier: { case: unknown; parties: { role: string; kind: string; name: string; uscc: string | null }[]; patents: unknown } | null;
  version: number;
  allowedActions: TransferAction[];
  createdAt: string;
  updatedAt: string;
}

export interface TransferFile {
  id: string;
  role: 'evidence' | 'answer';
  source: 'local' | 'remote';
  fileName: string;
  contentType: string;
  size: number;
  sha256: string;
  fetched: boolean;
  verified: boolean | null;
}

export interface PartnerKey {
  keyId: string;
  algorithm: 'ed25519' | 'sm2-sm3';
  publicKey: string;
}

export interface Partner {
  code: string;
  name: string;
  endpoint: string | null;
  keys: PartnerKey[];
  active: boolean;
  replyDueWorkingDays: number;
  version: number;
}

export interface Liaison {
  id: string;
  caseId: string;
  orgUnitCode: string;
  channel: 'ecommerce' | 'customs';
  kind: 'takedown' | 'information_request' | 'joint_action' | 'detention';
  status: 'open' | 'replied' | 'closed';
  platform: string | null;
  storeName: string | null;
  listingUrls: string[];
  port: string | null;
  reference: string | null;
  actionOn: string | null;
  note: string | null;
  sentOn: string;
  replyDue: string;
  reply: string | null;
  repliedOn: string | null;
  outcome: string | null;
  overdue: boolean;
  version: number;
  allowedActions: string[];
}

export interface Referral {
  id: string;
  caseId: string;
  orgUnitCode: string;
  route: string;
  status: 'referred' | 'acknowledged' | 'concluded';
  ftz: boolean;
  reason: string;
  referredOn: string;
  receivingBody: string | null;
  reference: string | null;
  outcome: string | null;
  outcomeOn: string | null;
  outcomeSummary: string | null;
  version: number;
  allowedActions: string[];
}

export interface ReferralSummary {
  from: string;
  to: string;
  rows: { route: string; ftz: boolean; outcome: string | null; n: number }[];
}

/** Request bodies, straight from the generated schema (so a server change shows up as a type error here). */
export type CreateCaseBody = components['schemas']['CreateCaseDto'];
export type PartyBody = components['schemas']['PartyDto'];
export type CaseActionBody = components['schemas']['CaseActionDto'];
export type DecisionBody = components['schemas']['DecisionDto'];
export type CreateTicketBody = components['schemas']['CreateTicketDto'];
export type TicketActionBody = components['schemas']['TicketActionDto'];
export type CreateUserBody = components['schemas']['CreateUserDto'];
export type UpdateUserBody = components['schemas']['UpdateUserDto'];
export type PublicationActionBody = components['schemas']['PublicationActionDto'];
export type SetTargetsBody = components['schemas']['SetTargetsDto'];
export type AmendCaseBody = components['schemas']['AmendCaseDto'];
export type RequestTransferBody = components['schemas']['RequestTransferDto'];
export type PutPartnerBody = components['schemas']['PutPartnerDto'];
export type CalendarYear = components['schemas']['CalendarYearDto'];
export type ServiceRecord = components['schemas']['ServiceRecordResponse'];
export type CalendarDay = components['schemas']['CalendarDayDto'];
export type CalendarLoadResult = components['schemas']['CalendarLoadResultDto'];
export type DocumentKind = components['schemas']['DocumentKind'];
export type CaseDocument = components['schemas']['CaseDocumentResponse'];
export type DocumentTemplate = components['schemas']['DocumentTemplateResponse'];
export const DOCUMENT_KINDS: readonly DocumentKind[] = [
  'acceptance_notice',
  'refusal_notice',
  'answer_notice',
  'filing_approval',
  'oral_hearing_notice',
  'penalty_advance_notice',
  'penalty_hearing_notice',
  'legal_review_opinion',
  'penalty_decision',
  'dispute_ruling',
  'service_receipt',
  'closing_report',
];

/**
 * What each route answers, by method and path (the generated document has no response schemas). The client's
 * `api.get('/api/v1/cases/{id}')` returns `Promise<Case>` from this table; a path missing from the server's document
 * fails the type-check through the `satisfies` below.
 */
export interface Responses {
  get: {
    '/api/v1/auth/me': { user: Me };
    '/api/v1/users': Page<User>;
    '/api/v1/users/{id}': User;
    '/api/v1/org-units': OrgUnit[];
    '/api/v1/notifications': Page<Notification>;
    '/api/v1/cases': Page<Case>;
    '/api/v1/cases/{id}': Case;
    '/api/v1/cases/{id}/events': TimelineEvent[];
    '/api/v1/cases/{id}/evidence': Evidence[];
    '/api/v1/cases/counts': CaseCounts;
    '/api/v1/cases/{id}/parties/{role}/{ordinal}/contact': PartyContact;
    '/api/v1/approvals': Approvals;
    '/api/v1/partners': Partner[];
    '/api/v1/transfers': Page<Transfer>;
    '/api/v1/transfers/{id}': Transfer;
    '/api/v1/transfers/{id}/events': TimelineEvent[];
    '/api/v1/transfers/{id}/files': TransferFile[];
    '/api/v1/liaisons': Page<Liaison>;
    '/api/v1/cases/{id}/liaisons': Page<Liaison>;
    '/api/v1/referrals': Page<Referral>;
    '/api/v1/referrals/summary': ReferralSummary;
    '/api/v1/credit/publications': Page<Publication>;
    '/api/v1/credit/publications/{id}': Publication;
    '/api/v1/hotline/tickets': Page<Ticket>;
    '/api/v1/hotline/tickets/{id}': Ticket;
    '/api/v1/hotline/tickets/{id}/events': TimelineEvent[];
    '/api/v1/hotline/tickets/{id}/caller': TicketCaller;
    '/api/v1/hotline/alerts': Page<Alert>;
    '/api/v1/metrics/target-progress': TargetProgress;
    '/api/v1/metrics/kpis': Kpis;
    '/api/v1/metrics/targets/{year}': Targets;
    '/api/v1/audit': Page<AuditEntry>;
    '/api/v1/audit/verify': AuditVerify;
    '/api/v1/calendar/{year}': CalendarYear;
    '/api/v1/cases/{id}/service-records': ServiceRecord[];
    '/api/v1/cases/{id}/documents': CaseDocument[];
    '/api/v1/document-templates': DocumentTemplate[];
  };
  post: {
    '/api/v1/auth/login': TokenPair;
    '/api/v1/auth/refresh': TokenPair;
    '/api/v1/auth/logout': void;
    '/api/v1/users': User;
    '/api/v1/cases': Case;
    '/api/v1/cases/{id}/actions/{action}': Case;
    '/api/v1/hotline/tickets': Ticket;
    '/api/v1/hotline/tickets/{id}/actions/{action}': Ticket;
    '/api/v1/hotline/alerts/{id}/acknowledge': Alert;
    '/api/v1/credit/publications/{id}/actions/{action}': Publication;
    '/api/v1/cases/{id}/transfers': Transfer;
    '/api/v1/transfers/{id}/actions/{action}': Transfer;
    '/api/v1/cases/{id}/service-records': ServiceRecord;
    '/api/v1/cases/{id}/payments': Case;
    '/api/v1/cases/{id}/documents': CaseDocument;
  };
  put: {
    '/api/v1/metrics/targets/{year}': Targets;
    '/api/v1/partners/{code}': Partner;
    '/api/v1/calendar/{year}': CalendarLoadResult;
    '/api/v1/document-templates/{kind}': DocumentTemplate;
  };
  patch: { '/api/v1/users/{id}': User; '/api/v1/cases/{id}': Case };
}
