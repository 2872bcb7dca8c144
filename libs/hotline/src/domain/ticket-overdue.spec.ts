import { isTicketOverdue, nextSlaDue } from './ticket-overdue';

const open = {
  status: 'in_progress' as const,
  firstRespondedAt: null,
  firstResponseDue: '2026-03-10',
  resolutionDue: '2026-03-20',
  callbackDue: null,
  callbackRecorded: false,
};

describe('ticket overdue rule', () => {
  it('is overdue once the first-response due date has passed without an answer', () => {
    expect(isTicketOverdue(open, '2026-03-10')).toBe(false);
    expect(isTicketOverdue(open, '2026-03-11')).toBe(true);
    expect(isTicketOverdue({ ...open, firstRespondedAt: new Date('2026-03-09T02:00:00Z') }, '2026-03-11')).toBe(false);
  });

  it('is overdue once the resolution due date has passed while open', () => {
    expect(isTicketOverdue({ ...open, firstRespondedAt: new Date() }, '2026-03-21')).toBe(true);
  });

  it('counts only the missing callback once closed, and nothing once converted', () => {
    const closed = { ...open, status: 'closed' as const, callbackDue: '2026-03-23' };
    expect(isTicketOverdue(closed, '2026-03-23')).toBe(false);
    expect(isTicketOverdue(closed, '2026-03-24')).toBe(true);
    expect(isTicketOverdue({ ...closed, callbackRecorded: true }, '2026-03-24')).toBe(false);
    expect(isTicketOverdue({ ...open, status: 'converted' as const }, '2027-01-01')).toBe(false);
  });
});

describe('next SLA date (the sort=sla worklist)', () => {
  it('is the first response until given, then the resolution; the callback once closed; none when done or converted', () => {
    expect(nextSlaDue(open)).toBe(open.firstResponseDue);
    expect(nextSlaDue({ ...open, firstRespondedAt: new Date('2026-03-09T02:00:00Z') })).toBe(open.resolutionDue);
    const closed = { ...open, status: 'closed' as const, callbackDue: '2026-03-23' };
    expect(nextSlaDue(closed)).toBe('2026-03-23');
    expect(nextSlaDue({ ...closed, callbackRecorded: true })).toBeNull();
    expect(nextSlaDue({ ...open, status: 'converted' as const })).toBeNull();
  });
});
