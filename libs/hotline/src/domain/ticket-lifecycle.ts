import { Role, TICKET_ACTIONS, TicketAction, TicketStatus, isTicketAction } from './ticket-types';

/** What the state machine looks at: the status plus whether this round's callback has been recorded. */
export interface TicketLifecycleState {
  status: TicketStatus;
  callbackRecorded: boolean;
}

export interface TicketTransitionRule {
  from: readonly TicketStatus[];
  /** 'same': the action records something without moving the status (callback). */
  to: TicketStatus | 'same';
  roles: readonly Role[];
  requires: Partial<Pick<TicketLifecycleState, 'callbackRecorded'>>;
  sets: Partial<Pick<TicketLifecycleState, 'callbackRecorded'>>;
}

export type TicketTransitionResult =
  | { ok: true; next: TicketLifecycleState }
  | { ok: false; code: 'ILLEGAL_TRANSITION' | 'FORBIDDEN'; allowedActions: TicketAction[] };

// Operators run the 12330 centre's side (intake, triage, answer, close, call back); supervisors may do all of it.
// Officers of the unit a ticket is assigned to work it (start, respond) and may take it in as a case of their unit.
const CENTRE = ['hotline_operator', 'supervisor'] as const satisfies readonly Role[];
const HANDLERS = ['hotline_operator', 'officer', 'supervisor'] as const satisfies readonly Role[];

/** Statuses from which a ticket can still be taken forward (not yet answered, closed or converted). */
const OPEN_UNANSWERED = ['new', 'triaged', 'assigned', 'in_progress', 'reopened'] as const satisfies readonly TicketStatus[];

/**
 * The ticket lifecycle: new → triaged → assigned → in_progress → responded → closed, converted (became a case),
 * reopened (within 15 days of closing; the window is checked by the service). Data scope is checked by the service.
 */
export const TICKET_TRANSITIONS: { readonly [A in TicketAction]: TicketTransitionRule } = {
  triage: { from: ['new', 'reopened'], to: 'triaged', roles: CENTRE, requires: {}, sets: {} },
  // A reopened ticket may go straight back to a unit without a second triage.
  assign: { from: ['triaged', 'reopened'], to: 'assigned', roles: CENTRE, requires: {}, sets: {} },
  // The centre answers consultations itself (from triaged); a unit starts what it was assigned.
  start: { from: ['triaged', 'assigned', 'reopened'], to: 'in_progress', roles: HANDLERS, requires: {}, sets: {} },
  respond: { from: ['in_progress'], to: 'responded', roles: HANDLERS, requires: {}, sets: {} },
  close: { from: ['responded'], to: 'closed', roles: CENTRE, requires: {}, sets: {} },
  reopen: { from: ['closed'], to: 'reopened', roles: CENTRE, requires: {}, sets: { callbackRecorded: false } },
  convert: { from: OPEN_UNANSWERED, to: 'converted', roles: HANDLERS, requires: {}, sets: {} },
  forward: { from: OPEN_UNANSWERED, to: 'closed', roles: CENTRE, requires: {}, sets: {} },
  // One callback per round (a reopened ticket gets a new one), after the answer or the closing.
  callback: {
    from: ['responded', 'closed'],
    to: 'same',
    roles: CENTRE,
    requires: { callbackRecorded: false },
    sets: { callbackRecorded: true },
  },
};

function roleMayAct(rule: TicketTransitionRule, roles: readonly Role[]): boolean {
  return roles.some((r) => rule.roles.includes(r));
}

function stateAllows(rule: TicketTransitionRule, state: TicketLifecycleState): boolean {
  if (!rule.from.includes(state.status)) return false;
  const { callbackRecorded } = rule.requires;
  return callbackRecorded === undefined || callbackRecorded === state.callbackRecorded;
}

/** The actions these roles may take on a ticket in this state, in TICKET_ACTIONS order (`allowedActions`). */
export function allowedTicketActions(state: TicketLifecycleState, roles: readonly Role[]): TicketAction[] {
  return TICKET_ACTIONS.filter((a) => {
    const rule = TICKET_TRANSITIONS[a];
    return roleMayAct(rule, roles) && stateAllows(rule, state);
  });
}

/** FORBIDDEN when the role can never take the action (403); ILLEGAL_TRANSITION in the wrong state (422). */
export function ticketTransition(state: TicketLifecycleState, action: string, roles: readonly Role[]): TicketTransitionResult {
  if (!isTicketAction(action)) return { ok: false, code: 'ILLEGAL_TRANSITION', allowedActions: allowedTicketActions(state, roles) };
  const rule = TICKET_TRANSITIONS[action];
  if (!roleMayAct(rule, roles)) return { ok: false, code: 'FORBIDDEN', allowedActions: allowedTicketActions(state, roles) };
  if (!stateAllows(rule, state)) return { ok: false, code: 'ILLEGAL_TRANSITION', allowedActions: allowedTicketActions(state, roles) };
  return {
    ok: true,
    next: { status: rule.to === 'same' ? state.status : rule.to, callbackRecorded: state.callbackRecorded, ...rule.sets },
  };
}

/** Reopening is allowed up to and including the 15th calendar day (Shanghai) after the day the ticket was closed. */
export const REOPEN_WINDOW_DAYS = 15;
