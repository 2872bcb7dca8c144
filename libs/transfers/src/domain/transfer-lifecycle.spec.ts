import { allowedTransferActions, IN_ACTIONS, OUT_ACTIONS, OUT_EVENTS, outEvent, transferTransition } from './transfer-lifecycle';
import { IN_STATUSES, OUT_STATUSES, Role, SYSTEM_EVENTS, TRANSFER_KINDS, USER_ACTIONS } from './transfer-types';

const ROLES: Role[][] = [['officer'], ['supervisor'], ['admin'], ['hotline_operator']];

describe('transfer lifecycle: every direction × status × kind × action × role', () => {
  for (const direction of ['out', 'in'] as const) {
    const statuses = direction === 'out' ? OUT_STATUSES : IN_STATUSES;
    const table = direction === 'out' ? OUT_ACTIONS : IN_ACTIONS;
    for (const status of statuses)
      for (const kind of TRANSFER_KINDS)
        for (const action of USER_ACTIONS)
          for (const roles of ROLES) {
            it(`${direction} ${kind} ${status} ${action} by ${roles.join()}`, () => {
              const rule = table[action];
              const r = transferTransition({ direction, kind, status }, action, roles);
              const roleOk = !!rule && roles.some((x) => rule.roles.includes(x));
              const stateOk = !!rule && (rule.from as readonly string[]).includes(status) && (!rule.kinds || rule.kinds.includes(kind));
              if (roleOk && stateOk) expect(r).toEqual({ ok: true, next: rule.to });
              else expect(r).toMatchObject({ ok: false, code: rule && !roleOk ? 'FORBIDDEN' : 'ILLEGAL_TRANSITION' });
              if (!r.ok) expect(r.allowedActions).toEqual(allowedTransferActions({ direction, kind, status }, roles));
            });
          }
  }

  it('supervisors approve, return and retry outbound requests; officers cannot', () => {
    expect(allowedTransferActions({ direction: 'out', kind: 'transfer', status: 'requested' }, ['supervisor'])).toEqual([
      'approve',
      'return',
    ]);
    expect(allowedTransferActions({ direction: 'out', kind: 'transfer', status: 'requested' }, ['officer'])).toEqual([]);
    expect(allowedTransferActions({ direction: 'out', kind: 'transfer', status: 'failed' }, ['supervisor'])).toEqual(['retry']);
  });

  it('an inbound transfer is accepted or declined; assistance is answered or declined', () => {
    expect(allowedTransferActions({ direction: 'in', kind: 'transfer', status: 'received' }, ['officer'])).toEqual(['accept', 'decline']);
    expect(allowedTransferActions({ direction: 'in', kind: 'assist_service', status: 'received' }, ['officer'])).toEqual([
      'decline',
      'answer',
    ]);
    expect(allowedTransferActions({ direction: 'in', kind: 'transfer', status: 'accepted' }, ['supervisor'])).toEqual([]);
  });

  for (const status of OUT_STATUSES)
    for (const kind of TRANSFER_KINDS)
      for (const event of SYSTEM_EVENTS)
        it(`out ${kind} ${status} on ${event}`, () => {
          const rule = OUT_EVENTS[event];
          const applies = (rule.from as readonly string[]).includes(status) && (!rule.kinds || rule.kinds.includes(kind));
          expect(outEvent({ kind, status }, event)).toBe(applies ? rule.to : null);
        });

  it('a partner accepts only a transfer and answers only assistance', () => {
    expect(outEvent({ kind: 'transfer', status: 'delivered' }, 'partner_answer')).toBeNull();
    expect(outEvent({ kind: 'assist_enforcement', status: 'delivered' }, 'partner_accept')).toBeNull();
    expect(outEvent({ kind: 'transfer', status: 'accepted' }, 'partner_accept')).toBeNull();
  });
});
