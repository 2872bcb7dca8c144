import { allowedTicketActions, TICKET_TRANSITIONS, ticketTransition } from './ticket-lifecycle';
import { Role, TICKET_ACTIONS, TICKET_STATUSES, TicketAction, TicketStatus } from './ticket-types';

const ROLES: Role[] = ['officer', 'hotline_operator', 'supervisor', 'admin'];

/** The expected table, written out independently of TICKET_TRANSITIONS: action → [from statuses, to, roles]. */
const EXPECTED: Record<TicketAction, { from: TicketStatus[]; to: TicketStatus | 'same'; roles: Role[] }> = {
  triage: { from: ['new', 'reopened'], to: 'triaged', roles: ['hotline_operator', 'supervisor'] },
  assign: { from: ['triaged', 'reopened'], to: 'assigned', roles: ['hotline_operator', 'supervisor'] },
  start: { from: ['triaged', 'assigned', 'reopened'], to: 'in_progress', roles: ['hotline_operator', 'officer', 'supervisor'] },
  respond: { from: ['in_progress'], to: 'responded', roles: ['hotline_operator', 'officer', 'supervisor'] },
  close: { from: ['responded'], to: 'closed', roles: ['hotline_operator', 'supervisor'] },
  reopen: { from: ['closed'], to: 'reopened', roles: ['hotline_operator', 'supervisor'] },
  convert: {
    from: ['new', 'triaged', 'assigned', 'in_progress', 'reopened'],
    to: 'converted',
    roles: ['hotline_operator', 'officer', 'supervisor'],
  },
  forward: { from: ['new', 'triaged', 'assigned', 'in_progress', 'reopened'], to: 'closed', roles: ['hotline_operator', 'supervisor'] },
  callback: { from: ['responded', 'closed'], to: 'same', roles: ['hotline_operator', 'supervisor'] },
};

describe('ticket lifecycle: every status × action × role', () => {
  for (const status of TICKET_STATUSES)
    for (const callbackRecorded of [false, true])
      for (const action of TICKET_ACTIONS)
        for (const role of ROLES) {
          const e = EXPECTED[action];
          const roleOk = e.roles.includes(role);
          const stateOk = e.from.includes(status) && !(action === 'callback' && callbackRecorded);
          it(`${role} ${action} on ${status}${callbackRecorded ? ' (called back)' : ''} → ${roleOk ? (stateOk ? 'ok' : '422') : '403'}`, () => {
            const r = ticketTransition({ status, callbackRecorded }, action, [role]);
            if (!roleOk) expect(r).toMatchObject({ ok: false, code: 'FORBIDDEN' });
            else if (!stateOk) expect(r).toMatchObject({ ok: false, code: 'ILLEGAL_TRANSITION' });
            else {
              expect(r.ok).toBe(true);
              if (r.ok) {
                expect(r.next.status).toBe(e.to === 'same' ? status : e.to);
                const flag = action === 'callback' ? true : action === 'reopen' ? false : callbackRecorded;
                expect(r.next.callbackRecorded).toBe(flag);
              }
            }
          });
        }

  it('the table in the code is the table above', () => {
    for (const a of TICKET_ACTIONS) {
      expect([...TICKET_TRANSITIONS[a].from].sort()).toEqual([...EXPECTED[a].from].sort());
      expect(TICKET_TRANSITIONS[a].to).toBe(EXPECTED[a].to);
      expect([...TICKET_TRANSITIONS[a].roles].sort()).toEqual([...EXPECTED[a].roles].sort());
    }
  });

  it('lists the allowed actions in a stable order, none for admins or converted tickets', () => {
    expect(allowedTicketActions({ status: 'new', callbackRecorded: false }, ['hotline_operator'])).toEqual([
      'triage',
      'convert',
      'forward',
    ]);
    expect(allowedTicketActions({ status: 'assigned', callbackRecorded: false }, ['officer'])).toEqual(['start', 'convert']);
    expect(allowedTicketActions({ status: 'closed', callbackRecorded: false }, ['supervisor'])).toEqual(['reopen', 'callback']);
    expect(allowedTicketActions({ status: 'new', callbackRecorded: false }, ['admin'])).toEqual([]);
    for (const role of ROLES) expect(allowedTicketActions({ status: 'converted', callbackRecorded: false }, [role])).toEqual([]);
  });

  it('treats an unknown action as an illegal transition', () => {
    expect(ticketTransition({ status: 'new', callbackRecorded: false }, 'escalate', ['supervisor'])).toMatchObject({
      ok: false,
      code: 'ILLEGAL_TRANSITION',
    });
  });
});
