import {
  IN_STATUSES,
  InStatus,
  OUT_STATUSES,
  OutStatus,
  Role,
  SystemEvent,
  TransferDirection,
  TransferKind,
  TransferStatus,
  USER_ACTIONS,
  UserAction,
} from './transfer-types';

export interface TransferRule<S extends string> {
  from: readonly S[];
  to: S;
  /** who may take it; system events have no roles */
  roles: readonly Role[];
  /** which kinds it applies to; absent: every kind */
  kinds?: readonly TransferKind[];
}

const WORKERS = ['officer', 'supervisor'] as const satisfies readonly Role[];
const SUPERVISORS = ['supervisor'] as const satisfies readonly Role[];
const ASSISTANCE = ['assist_investigation', 'assist_service', 'assist_enforcement'] as const satisfies readonly TransferKind[];

/** User actions on an outbound transfer. Officers request (POST /cases/:id/transfers); supervisors decide. */
export const OUT_ACTIONS: { readonly [A in UserAction]?: TransferRule<OutStatus> } = {
  approve: { from: ['requested'], to: 'approved', roles: SUPERVISORS },
  return: { from: ['requested'], to: 'returned', roles: SUPERVISORS },
  retry: { from: ['failed'], to: 'approved', roles: SUPERVISORS },
};

/** User actions on an inbound transfer: a transfer is accepted (a local case) or declined; assistance is answered. */
export const IN_ACTIONS: { readonly [A in UserAction]?: TransferRule<InStatus> } = {
  accept: { from: ['received'], to: 'accepted', roles: WORKERS, kinds: ['transfer'] },
  decline: { from: ['received'], to: 'declined', roles: WORKERS },
  answer: { from: ['received'], to: 'answered', roles: WORKERS, kinds: ASSISTANCE },
};

/**
 * What the worker and the partner move. A reply may overtake our own bookkeeping (the partner stored the dossier
 * but our answer was lost, and the retry was still pending or had given up), so replies are taken from `sending`
 * and `failed` as well as `delivered`.
 */
export const OUT_EVENTS: { readonly [E in SystemEvent]: TransferRule<OutStatus> } = {
  dispatch: { from: ['approved'], to: 'sending', roles: [] },
  deliver: { from: ['sending', 'failed'], to: 'delivered', roles: [] },
  fail: { from: ['approved', 'sending'], to: 'failed', roles: [] },
  partner_accept: { from: ['sending', 'delivered', 'failed'], to: 'accepted', roles: [], kinds: ['transfer'] },
  partner_decline: { from: ['sending', 'delivered', 'failed'], to: 'declined', roles: [] },
  partner_answer: { from: ['sending', 'delivered', 'failed'], to: 'answered', roles: [], kinds: ASSISTANCE },
};

export const TERMINAL_OUT: readonly OutStatus[] = ['returned', 'accepted', 'declined', 'answered'];
export const TERMINAL_IN: readonly InStatus[] = ['accepted', 'declined', 'answered'];

export interface TransferState {
  direction: TransferDirection;
  kind: TransferKind;
  status: TransferStatus;
}

export type TransferTransition =
  | { ok: true; next: TransferStatus }
  | { ok: false; code: 'ILLEGAL_TRANSITION' | 'FORBIDDEN'; allowedActions: UserAction[] };

function tableOf(direction: TransferDirection): { readonly [A in UserAction]?: TransferRule<TransferStatus> } {
  return direction === 'out' ? OUT_ACTIONS : IN_ACTIONS;
}

function applies(rule: TransferRule<TransferStatus>, s: TransferState): boolean {
  return (rule.from as readonly string[]).includes(s.status) && (!rule.kinds || rule.kinds.includes(s.kind));
}

/** The actions these roles may take now, in USER_ACTIONS order (the API's `allowedActions`). */
export function allowedTransferActions(s: TransferState, roles: readonly Role[]): UserAction[] {
  const table = tableOf(s.direction);
  return USER_ACTIONS.filter((a) => {
    const rule = table[a];
    return !!rule && applies(rule, s) && roles.some((r) => rule.roles.includes(r));
  });
}

/**
 * A user action: a role that can never take it here → FORBIDDEN (403); the wrong state or kind → ILLEGAL_TRANSITION
 * (422); both carry the allowed actions.
 */
export function transferTransition(s: TransferState, action: UserAction, roles: readonly Role[]): TransferTransition {
  const rule = tableOf(s.direction)[action];
  const allowedActions = allowedTransferActions(s, roles);
  if (!rule) return { ok: false, code: 'ILLEGAL_TRANSITION', allowedActions };
  if (!roles.some((r) => rule.roles.includes(r))) return { ok: false, code: 'FORBIDDEN', allowedActions };
  if (!applies(rule, s)) return { ok: false, code: 'ILLEGAL_TRANSITION', allowedActions };
  return { ok: true, next: rule.to };
}

/** A system event on an outbound transfer: the next status, or null when it does not apply (a duplicate, a late reply). */
export function outEvent(s: Omit<TransferState, 'direction'>, event: SystemEvent): OutStatus | null {
  const rule = OUT_EVENTS[event];
  return applies(rule, { ...s, direction: 'out' }) ? rule.to : null;
}

export const isTerminal = (direction: TransferDirection, status: TransferStatus): boolean =>
  direction === 'out' ? (TERMINAL_OUT as readonly string[]).includes(status) : (TERMINAL_IN as readonly string[]).includes(status);

export const statusesOf = (direction: TransferDirection): readonly TransferStatus[] => (direction === 'out' ? OUT_STATUSES : IN_STATUSES);
export { IN_STATUSES, OUT_STATUSES };
