// The vocabulary of cases (docs/product.md "Cases", docs/api.md "Cases"); plain TypeScript, no framework.

/** Re-declared here so the domain stays free of imports; it must match ROLES in @app/kernel. */
export type Role = 'officer' | 'hotline_operator' | 'supervisor' | 'admin';

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

/** Statuses a case never leaves; everything else is "open". */
export const TERMINAL_STATUSES = ['not_filed', 'closed', 'transferred_out'] as const satisfies readonly CaseStatus[];
export type TerminalStatus = (typeof TERMINAL_STATUSES)[number];

export const OPEN_STATUSES = CASE_STATUSES.filter((s): s is Exclude<CaseStatus, TerminalStatus> => !isTerminalStatus(s));
export type OpenStatus = Exclude<CaseStatus, TerminalStatus>;

/**
 * `transfer_out` is not a POST /cases/:id/actions route in docs/api.md: the transfers flow applies it when a partner
 * accepts an outbound transfer. It is listed here so that every status change goes through one table.
 */
export const CASE_ACTIONS = [
  'file',
  'decline',
  'assign',
  'schedule_hearing',
  'propose_decision',
  'approve_decision',
  'return_decision',
  'serve',
  'close',
  'mediate',
  'refer',
  'suspend',
  'resume',
  'request_extension',
  'approve_extension',
  'reject_extension',
  'withdraw',
  'transfer_out',
  // 行政处罚法 2021: advance notice, statement, hearing, legal review (docs/product.md "Penalty procedure")
  'notify_penalty',
  'record_statement',
  'request_penalty_hearing',
  'schedule_penalty_hearing',
  'record_penalty_hearing',
  'record_legal_review',
  // 行政裁决: the respondent is served the request and answers
  'serve_dispute_request',
  'record_answer',
] as const;
export type CaseAction = (typeof CASE_ACTIONS)[number];

/** The "four-in-one" routes and other agencies a case can be referred to. */
export const REFER_TARGETS = ['court', 'arbitration', 'people_mediation', 'police', 'market_regulation'] as const;
export type ReferTarget = (typeof REFER_TARGETS)[number];

/** Kinds of a decision. `mediation_agreement` and `referral` are recorded by `mediate` and `refer`, not proposed. */
export const DECISION_KINDS = ['ruling', 'penalty', 'no_penalty', 'dismissal', 'mediation_agreement', 'referral'] as const;
export type DecisionKind = (typeof DECISION_KINDS)[number];

/** The kinds a `propose_decision` payload may carry (docs/api.md). */
export const PROPOSABLE_DECISION_KINDS = ['ruling', 'penalty', 'no_penalty', 'dismissal'] as const satisfies readonly DecisionKind[];
export type ProposableDecisionKind = (typeof PROPOSABLE_DECISION_KINDS)[number];

export const PARTY_KINDS = ['organization', 'individual'] as const;
export type PartyKind = (typeof PARTY_KINDS)[number];

/** A requester of an infringement dispute must be one of these (专利权人 or 利害关系人). */
export const QUALIFYING_REQUESTER_ROLES = ['patentee', 'interested_party'] as const;
export type QualifyingRequesterRole = (typeof QUALIFYING_REQUESTER_ROLES)[number];

// Type guards for values arriving as plain strings (route params, stored rows).
function member<T extends string>(list: readonly T[]): (value: unknown) => value is T {
  return (value: unknown): value is T => typeof value === 'string' && (list as readonly string[]).includes(value);
}

export const isCaseType = member(CASE_TYPES);
export const isCaseAction = member(CASE_ACTIONS);
export const isPartyKind = member(PARTY_KINDS);

export function isTerminalStatus(status: CaseStatus): status is TerminalStatus {
  return (TERMINAL_STATUSES as readonly CaseStatus[]).includes(status);
}
