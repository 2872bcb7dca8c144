import { allowedActions, CASE_TRANSITIONS, CaseLifecycleState, transition } from './case-lifecycle';
import { CASE_ACTIONS, CASE_STATUSES, CaseAction, CaseStatus, OPEN_STATUSES, Role } from './case-types';

// The expectation below is written by hand from docs/product.md "Cases", independently of CASE_TRANSITIONS, so that a
// slip in the table shows up as a disagreement instead of being read back.
const STATUSES: CaseStatus[] = [
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
];
const ACTIONS: CaseAction[] = [
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
  'notify_penalty',
  'record_statement',
  'request_penalty_hearing',
  'schedule_penalty_hearing',
  'record_penalty_hearing',
  'record_legal_review',
  'serve_dispute_request',
  'record_answer',
];
const ROLES: Role[] = ['officer', 'hotline_operator', 'supervisor', 'admin'];
const OPEN: CaseStatus[] = ['received', 'filed', 'investigating', 'hearing', 'pending_decision', 'decided', 'served'];
const TERMINAL: CaseStatus[] = ['not_filed', 'closed', 'transferred_out'];
const SUPERVISOR_ONLY: CaseAction[] = [
  'approve_decision',
  'return_decision',
  'approve_extension',
  'reject_extension',
  'record_legal_review',
];

// The procedure steps (docs/product.md "Penalty procedure"): recorded without a status change, from these statuses,
// on a case that is not suspended.
const RECORDED_IN: Partial<Record<CaseAction, CaseStatus[]>> = {
  notify_penalty: ['investigating', 'hearing'],
  record_statement: ['investigating', 'hearing', 'pending_decision'],
  request_penalty_hearing: ['investigating', 'hearing', 'pending_decision'],
  schedule_penalty_hearing: ['investigating', 'hearing', 'pending_decision'],
  record_penalty_hearing: ['investigating', 'hearing', 'pending_decision'],
  record_legal_review: ['pending_decision'],
  serve_dispute_request: ['filed', 'investigating', 'hearing'],
  record_answer: ['filed', 'investigating', 'hearing', 'pending_decision'],
};

// "status action → status", the moves of the lifecycle list in docs/product.md.
const MOVES = `
  received          file              filed
  received          decline           not_filed
  filed             assign            investigating
  investigating     schedule_hearing  hearing
  investigating     propose_decision  pending_decision
  investigating     mediate           closed
  investigating     refer             closed
  investigating     transfer_out      transferred_out
  hearing           propose_decision  pending_decision
  hearing           mediate           closed
  hearing           refer             closed
  pending_decision  approve_decision  decided
  pending_decision  return_decision   investigating
  decided           serve             served
  served            close             closed
`
  .trim()
  .split('\n')
  .map((line) => line.trim().split(/\s+/) as [CaseStatus, CaseAction, CaseStatus]);

type Expected = { ok: true; next: CaseLifecycleState } | { ok: false; code: 'ILLEGAL_TRANSITION' | 'FORBIDDEN' };

function expectedOutcome(state: CaseLifecycleState, action: CaseAction, roles: Role[]): Expected {
  const { status, suspended, extensionPending } = state;
  const permitted = SUPERVISOR_ONLY.includes(action)
    ? roles.includes('supervisor')
    : roles.includes('officer') || roles.includes('supervisor');
  if (!permitted) return { ok: false, code: 'FORBIDDEN' };

  const open = OPEN.includes(status);
  const extendable = open && status !== 'received';
  const illegal: Expected = { ok: false, code: 'ILLEGAL_TRANSITION' };
  switch (action) {
    case 'suspend':
      return open && !suspended ? { ok: true, next: { status, suspended: true, extensionPending } } : illegal;
    case 'resume':
      return open && suspended ? { ok: true, next: { status, suspended: false, extensionPending } } : illegal;
    case 'request_extension':
      return extendable && !suspended && !extensionPending ? { ok: true, next: { status, suspended, extensionPending: true } } : illegal;
    case 'approve_extension':
    case 'reject_extension':
      return extendable && !suspended && extensionPending ? { ok: true, next: { status, suspended, extensionPending: false } } : illegal;
    case 'withdraw':
      return open ? { ok: true, next: { status: 'closed', suspended: false, extensionPending: false } } : illegal;
    case 'file':
    case 'decline':
    case 'assign':
    case 'schedule_hearing':
    case 'propose_decision':
    case 'approve_decision':
    case 'return_decision':
    case 'serve':
    case 'close':
    case 'mediate':
    case 'refer':
    case 'transfer_out': {
      const move = MOVES.find(([from, a]) => from === status && a === action);
      if (!move || suspended) return illegal;
      const to = move[2];
      return { ok: true, next: { status: to, suspended: false, extensionPending: TERMINAL.includes(to) ? false : extensionPending } };
    }
    case 'notify_penalty':
    case 'record_statement':
    case 'request_penalty_hearing':
    case 'schedule_penalty_hearing':
    case 'record_penalty_hearing':
    case 'record_legal_review':
    case 'serve_dispute_request':
    case 'record_answer':
      return RECORDED_IN[action]?.includes(status) && !suspended ? { ok: true, next: { status, suspended, extensionPending } } : illegal;
  }
}

function expectedAllowed(state: CaseLifecycleState, roles: Role[]): CaseAction[] {
  return ACTIONS.filter((a) => expectedOutcome(state, a, roles).ok);
}

// Every combination of roles, including none and several at once.
const ROLE_SETS: Role[][] = Array.from({ length: 1 << ROLES.length }, (_, mask) => ROLES.filter((_r, i) => mask & (1 << i)));
const FLAGS = [false, true].flatMap((suspended) => [false, true].map((extensionPending) => ({ suspended, extensionPending })));

describe('case vocabulary', () => {
  it('has exactly the statuses and actions of docs/product.md and docs/api.md, in that order', () => {
    expect([...CASE_STATUSES]).toEqual(STATUSES);
    expect([...CASE_ACTIONS]).toEqual(ACTIONS);
    expect([...OPEN_STATUSES]).toEqual(OPEN);
  });
});

describe('case lifecycle: every status × action × role set × flags', () => {
  describe.each(STATUSES)('from %s', (status) => {
    it.each(ACTIONS)('%s', (action) => {
      const mismatches: string[] = [];
      for (const flags of FLAGS) {
        for (const roles of ROLE_SETS) {
          const state = { status, ...flags };
          const want = expectedOutcome(state, action, roles);
          const got = transition(state, action, roles);
          const expected = want.ok ? want : { ...want, allowedActions: expectedAllowed(state, roles) };
          if (JSON.stringify(got) !== JSON.stringify(expected)) {
            mismatches.push(`${JSON.stringify(state)} [${roles.join(',')}]: want ${JSON.stringify(expected)}, got ${JSON.stringify(got)}`);
          }
        }
      }
      expect(mismatches).toEqual([]);
    });

    it('allowedActions agrees with the expectation for every role set and flags', () => {
      for (const flags of FLAGS) {
        for (const roles of ROLE_SETS) {
          const state = { status, ...flags };
          expect({ state, roles, actions: allowedActions(state, roles) }).toEqual({ state, roles, actions: expectedAllowed(state, roles) });
        }
      }
    });
  });
});

describe('case lifecycle: readable cases', () => {
  const fresh = (status: CaseStatus): CaseLifecycleState => ({ status, suspended: false, extensionPending: false });

  it('walks a penalty case from receipt to closing', () => {
    const path: [CaseAction, Role][] = [
      ['file', 'officer'],
      ['assign', 'officer'],
      ['notify_penalty', 'officer'],
      ['request_penalty_hearing', 'officer'],
      ['schedule_penalty_hearing', 'officer'],
      ['record_penalty_hearing', 'officer'],
      ['propose_decision', 'officer'],
      ['record_legal_review', 'supervisor'],
      ['approve_decision', 'supervisor'],
      ['serve', 'officer'],
      ['close', 'officer'],
    ];
    let state = fresh('received');
    const seen: CaseStatus[] = [state.status];
    for (const [action, role] of path) {
      const r = transition(state, action, [role]);
      if (!r.ok) throw new Error(`${action} refused: ${r.code}`);
      state = r.next;
      seen.push(state.status);
    }
    expect(seen).toEqual([
      'received',
      'filed',
      'investigating',
      ...Array<CaseStatus>(4).fill('investigating'),
      'pending_decision',
      'pending_decision',
      'decided',
      'served',
      'closed',
    ]);
  });

  it('reaches every status from received', () => {
    const reached = new Set<CaseStatus>(['received']);
    const queue: CaseLifecycleState[] = [fresh('received')];
    for (let s = queue.shift(); s; s = queue.shift()) {
      for (const a of ACTIONS) {
        const r = transition(s, a, ['supervisor']);
        if (r.ok && !reached.has(r.next.status)) {
          reached.add(r.next.status);
          queue.push(r.next);
        }
      }
    }
    expect([...reached].sort()).toEqual([...STATUSES].sort());
  });

  it('lets an officer propose but not approve or return a decision', () => {
    expect(transition(fresh('pending_decision'), 'approve_decision', ['officer'])).toEqual({
      ok: false,
      code: 'FORBIDDEN',
      allowedActions: [
        'suspend',
        'request_extension',
        'withdraw',
        'record_statement',
        'request_penalty_hearing',
        'schedule_penalty_hearing',
        'record_penalty_hearing',
        'record_answer',
      ],
    });
    expect(transition(fresh('pending_decision'), 'return_decision', ['supervisor'])).toEqual({ ok: true, next: fresh('investigating') });
  });

  it('gives hotline operators and admins no case action at all', () => {
    for (const status of STATUSES) {
      expect(allowedActions(fresh(status), ['hotline_operator', 'admin'])).toEqual([]);
      expect(transition(fresh(status), 'file', ['admin'])).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    }
  });

  it('answers ILLEGAL_TRANSITION with the allowed actions for a permitted role in the wrong state', () => {
    expect(transition(fresh('filed'), 'serve', ['officer'])).toEqual({
      ok: false,
      code: 'ILLEGAL_TRANSITION',
      allowedActions: ['assign', 'suspend', 'request_extension', 'withdraw', 'serve_dispute_request', 'record_answer'],
    });
  });

  it('freezes a suspended case: only resume and withdraw', () => {
    const suspended = { status: 'investigating' as const, suspended: true, extensionPending: true };
    expect(allowedActions(suspended, ['supervisor'])).toEqual(['resume', 'withdraw']);
    expect(transition(suspended, 'resume', ['officer'])).toEqual({
      ok: true,
      next: { status: 'investigating', suspended: false, extensionPending: true },
    });
    expect(transition(suspended, 'withdraw', ['officer'])).toEqual({ ok: true, next: fresh('closed') });
  });

  it('takes one extension request at a time, decided by a supervisor', () => {
    const requested = transition(fresh('investigating'), 'request_extension', ['officer']);
    expect(requested).toEqual({ ok: true, next: { status: 'investigating', suspended: false, extensionPending: true } });
    if (!requested.ok) return;
    expect(transition(requested.next, 'request_extension', ['officer'])).toMatchObject({ ok: false, code: 'ILLEGAL_TRANSITION' });
    expect(transition(requested.next, 'approve_extension', ['officer'])).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    expect(transition(requested.next, 'reject_extension', ['supervisor'])).toEqual({ ok: true, next: fresh('investigating') });
    expect(transition(fresh('investigating'), 'approve_extension', ['supervisor'])).toMatchObject({
      ok: false,
      code: 'ILLEGAL_TRANSITION',
    });
    expect(allowedActions(fresh('received'), ['officer'])).not.toContain('request_extension');
  });

  it('clears the flags when a case ends', () => {
    const pending = { status: 'investigating' as const, suspended: false, extensionPending: true };
    expect(transition(pending, 'transfer_out', ['officer'])).toEqual({ ok: true, next: fresh('transferred_out') });
    expect(transition(pending, 'propose_decision', ['officer'])).toEqual({ ok: true, next: { ...pending, status: 'pending_decision' } });
  });

  it('treats an unknown action as an illegal transition', () => {
    expect(transition(fresh('received'), 'reopen' as CaseAction, ['supervisor'])).toEqual({
      ok: false,
      code: 'ILLEGAL_TRANSITION',
      allowedActions: ['file', 'decline', 'suspend', 'withdraw'],
    });
  });

  it("uses 'same' only for the flag actions", () => {
    const same = ACTIONS.filter((a) => CASE_TRANSITIONS[a].to === 'same');
    expect(same).toEqual([
      'suspend',
      'resume',
      'request_extension',
      'approve_extension',
      'reject_extension',
      'notify_penalty',
      'record_statement',
      'request_penalty_hearing',
      'schedule_penalty_hearing',
      'record_penalty_hearing',
      'record_legal_review',
      'serve_dispute_request',
      'record_answer',
    ]);
  });
});
