import { CASE_ACTIONS, CaseAction, CaseStatus, isCaseAction, isTerminalStatus, OPEN_STATUSES, Role } from './case-types';

/** What the state machine looks at: the status plus two flags that some actions flip without moving the status. */
export interface CaseLifecycleState {
  status: CaseStatus;
  suspended: boolean;
  extensionPending: boolean;
}

export interface TransitionRule {
  from: readonly CaseStatus[];
  /** 'same': the action only changes flags. */
  to: CaseStatus | 'same';
  roles: readonly Role[];
  /** Flag values the case must have; an absent key means "either". */
  requires: Partial<Pick<CaseLifecycleState, 'suspended' | 'extensionPending'>>;
  /** Flag values after the action (applied before the terminal-status reset). */
  sets: Partial<Pick<CaseLifecycleState, 'suspended' | 'extensionPending'>>;
}

export type TransitionResult =
  | { ok: true; next: CaseLifecycleState }
  | { ok: false; code: 'ILLEGAL_TRANSITION' | 'FORBIDDEN'; allowedActions: CaseAction[] };

// Supervisors may do everything an officer does (they run cases too); operators and admins touch no case action.
const CASE_WORKERS = ['officer', 'supervisor'] as const satisfies readonly Role[];
const SUPERVISORS = ['supervisor'] as const satisfies readonly Role[];

const OPEN = OPEN_STATUSES;
// An extension lengthens the closing limit, which only exists once the case is filed; `received` has none to extend.
const HAS_CLOSING_LIMIT = OPEN.filter((s) => s !== 'received');

// A suspended case (中止) is frozen: its clock is paused, so nothing may progress until `resume`. `withdraw` stays
// possible because the requester can drop the case at any time (often the reason a suspension ends). A pending
// extension request waits for `resume`: with the clock paused there is no deadline pressure to decide it.
const NOT_SUSPENDED = { suspended: false } as const;

const PENALTY_NOTICE_FROM = ['investigating', 'hearing'] as const satisfies readonly CaseStatus[];
const PARTY_ANSWER_FROM = ['investigating', 'hearing', 'pending_decision'] as const satisfies readonly CaseStatus[];
// the dispute request is served once the case is filed (before or while the officers investigate)
const DISPUTE_SERVICE_FROM = ['filed', 'investigating', 'hearing'] as const satisfies readonly CaseStatus[];
const PARTY_ANSWER_FROM_FILED = ['filed', ...PARTY_ANSWER_FROM] as const satisfies readonly CaseStatus[];

/** The case lifecycle (docs/product.md "Cases"). Data scope (whose case it is) is checked by the service, not here. */
export const CASE_TRANSITIONS: { readonly [A in CaseAction]: TransitionRule } = {
  file: { from: ['received'], to: 'filed', roles: CASE_WORKERS, requires: NOT_SUSPENDED, sets: {} },
  decline: { from: ['received'], to: 'not_filed', roles: CASE_WORKERS, requires: NOT_SUSPENDED, sets: {} },
  assign: { from: ['filed'], to: 'investigating', roles: CASE_WORKERS, requires: NOT_SUSPENDED, sets: {} },
  schedule_hearing: { from: ['investigating'], to: 'hearing', roles: CASE_WORKERS, requires: NOT_SUSPENDED, sets: {} },
  propose_decision: {
    from: ['investigating', 'hearing'],
    to: 'pending_decision',
    roles: CASE_WORKERS,
    requires: NOT_SUSPENDED,
    sets: {},
  },
  approve_decision: { from: ['pending_decision'], to: 'decided', roles: SUPERVISORS, requires: NOT_SUSPENDED, sets: {} },
  return_decision: { from: ['pending_decision'], to: 'investigating', roles: SUPERVISORS, requires: NOT_SUSPENDED, sets: {} },
  serve: { from: ['decided'], to: 'served', roles: CASE_WORKERS, requires: NOT_SUSPENDED, sets: {} },
  close: { from: ['served'], to: 'closed', roles: CASE_WORKERS, requires: NOT_SUSPENDED, sets: {} },
  mediate: { from: ['investigating', 'hearing'], to: 'closed', roles: CASE_WORKERS, requires: NOT_SUSPENDED, sets: {} },
  refer: { from: ['investigating', 'hearing'], to: 'closed', roles: CASE_WORKERS, requires: NOT_SUSPENDED, sets: {} },
  suspend: { from: OPEN, to: 'same', roles: CASE_WORKERS, requires: { suspended: false }, sets: { suspended: true } },
  resume: { from: OPEN, to: 'same', roles: CASE_WORKERS, requires: { suspended: true }, sets: { suspended: false } },
  // One request at a time: a second one waits until the supervisor has answered the first.
  request_extension: {
    from: HAS_CLOSING_LIMIT,
    to: 'same',
    roles: CASE_WORKERS,
    requires: { suspended: false, extensionPending: false },
    sets: { extensionPending: true },
  },
  approve_extension: {
    from: HAS_CLOSING_LIMIT,
    to: 'same',
    roles: SUPERVISORS,
    requires: { suspended: false, extensionPending: true },
    sets: { extensionPending: false },
  },
  reject_extension: {
    from: HAS_CLOSING_LIMIT,
    to: 'same',
    roles: SUPERVISORS,
    requires: { suspended: false, extensionPending: true },
    sets: { extensionPending: false },
  },
  withdraw: { from: OPEN, to: 'closed', roles: CASE_WORKERS, requires: {}, sets: {} },
  // Applied by the transfers flow once the partner accepts; only from investigation (docs/product.md).
  transfer_out: { from: ['investigating'], to: 'transferred_out', roles: CASE_WORKERS, requires: NOT_SUSPENDED, sets: {} },
  // The penalty procedure records steps without moving the status. The advance notice goes out once the investigation
  // has found the facts and before the decision is proposed (it announces the intended penalty); what the party does
  // in answer may arrive while the decision already waits for approval. The order of the steps themselves (no
  // statement before a notice, …) is checked by the service against the case's procedure record.
  notify_penalty: { from: PENALTY_NOTICE_FROM, to: 'same', roles: CASE_WORKERS, requires: NOT_SUSPENDED, sets: {} },
  record_statement: { from: PARTY_ANSWER_FROM, to: 'same', roles: CASE_WORKERS, requires: NOT_SUSPENDED, sets: {} },
  request_penalty_hearing: { from: PARTY_ANSWER_FROM, to: 'same', roles: CASE_WORKERS, requires: NOT_SUSPENDED, sets: {} },
  schedule_penalty_hearing: { from: PARTY_ANSWER_FROM, to: 'same', roles: CASE_WORKERS, requires: NOT_SUSPENDED, sets: {} },
  record_penalty_hearing: { from: PARTY_ANSWER_FROM, to: 'same', roles: CASE_WORKERS, requires: NOT_SUSPENDED, sets: {} },
  // 法制审核 reviews the decision as proposed; a supervisor (the office's reviewer) records it
  record_legal_review: { from: ['pending_decision'], to: 'same', roles: SUPERVISORS, requires: NOT_SUSPENDED, sets: {} },
  serve_dispute_request: { from: DISPUTE_SERVICE_FROM, to: 'same', roles: CASE_WORKERS, requires: NOT_SUSPENDED, sets: {} },
  record_answer: { from: PARTY_ANSWER_FROM_FILED, to: 'same', roles: CASE_WORKERS, requires: NOT_SUSPENDED, sets: {} },
};

function roleMayAct(rule: TransitionRule, roles: readonly Role[]): boolean {
  return roles.some((r) => rule.roles.includes(r));
}

function stateAllows(rule: TransitionRule, state: CaseLifecycleState): boolean {
  if (!rule.from.includes(state.status)) return false;
  const { suspended, extensionPending } = rule.requires;
  if (suspended !== undefined && suspended !== state.suspended) return false;
  if (extensionPending !== undefined && extensionPending !== state.extensionPending) return false;
  return true;
}

/** The actions these roles may take on a case in this state, in CASE_ACTIONS order (the API's `allowedActions`). */
export function allowedActions(state: CaseLifecycleState, roles: readonly Role[]): CaseAction[] {
  return CASE_ACTIONS.filter((a) => {
    const rule = CASE_TRANSITIONS[a];
    return roleMayAct(rule, roles) && stateAllows(rule, state);
  });
}

/**
 * Applies an action. A role that can never take the action gets FORBIDDEN whatever the state (403 "role lacks the
 * action"); a permitted role in the wrong state gets ILLEGAL_TRANSITION (422). Both carry the allowed actions.
 */
export function transition(state: CaseLifecycleState, action: CaseAction, roles: readonly Role[]): TransitionResult {
  // Actions arrive as route params: an unknown one is simply not a legal transition.
  if (!isCaseAction(action)) return { ok: false, code: 'ILLEGAL_TRANSITION', allowedActions: allowedActions(state, roles) };
  const rule = CASE_TRANSITIONS[action];
  if (!roleMayAct(rule, roles)) return { ok: false, code: 'FORBIDDEN', allowedActions: allowedActions(state, roles) };
  if (!stateAllows(rule, state)) return { ok: false, code: 'ILLEGAL_TRANSITION', allowedActions: allowedActions(state, roles) };

  const status = rule.to === 'same' ? state.status : rule.to;
  const next: CaseLifecycleState = { status, suspended: state.suspended, extensionPending: state.extensionPending, ...rule.sets };
  // A finished case carries no suspension and no open extension request.
  if (isTerminalStatus(status)) return { ok: true, next: { status, suspended: false, extensionPending: false } };
  return { ok: true, next };
}
