import { WorkingDayCalendar } from '@app/kernel/calendar';
import { closingDeadlines, filingDecisionDue, isOverdue, maxExtensionDays, preservationDecisionDue } from './case-deadlines';

const cal = new WorkingDayCalendar();

describe('filing decision deadline', () => {
  it('is 5 working days after receipt, skipping the National Day week and counting make-up days (product.md example)', () => {
    expect(filingDecisionDue(cal, { type: 'infringement_dispute', source: 'complaint', receivedOn: '2017-09-28' })).toBe('2017-10-11');
  });

  it('gives a passing-off report 10 working days, a discovery 5', () => {
    expect(filingDecisionDue(cal, { type: 'passing_off', source: 'report', receivedOn: '2026-03-02' })).toBe('2026-03-16');
    expect(filingDecisionDue(cal, { type: 'passing_off', source: 'hotline', receivedOn: '2026-03-02', reportReceived: true })).toBe(
      '2026-03-16',
    );
    expect(filingDecisionDue(cal, { type: 'passing_off', source: 'inspection', receivedOn: '2026-03-02' })).toBe('2026-03-09');
  });

  it('waits for the mediation respondent: 5 working days after agreement, or after the 15-day answer window', () => {
    expect(
      filingDecisionDue(cal, {
        type: 'dispute_mediation',
        source: 'complaint',
        receivedOn: '2026-03-02',
        respondentAgreedOn: '2026-03-04',
      }),
    ).toBe('2026-03-11');
    // 2026-03-17 + 5 working days
    expect(filingDecisionDue(cal, { type: 'dispute_mediation', source: 'complaint', receivedOn: '2026-03-02' })).toBe('2026-03-24');
  });

  it('halves the limit on the fast track, rounding up', () => {
    expect(filingDecisionDue(cal, { type: 'infringement_dispute', source: 'complaint', receivedOn: '2026-03-02', fastTrack: true })).toBe(
      '2026-03-05',
    );
  });

  it('crosses the Spring Festival with its make-up Saturday (2026: Feb 15–23 off, Feb 14 worked)', () => {
    // 02-13 (1), Saturday 02-14 make-up day (2), 02-24 (3), 02-25 (4), 02-26 (5)
    expect(filingDecisionDue(cal, { type: 'infringement_dispute', source: 'complaint', receivedOn: '2026-02-12' })).toBe('2026-02-26');
  });
});

describe('closing deadline', () => {
  it('ends on the same date 3 months later, or the next working day', () => {
    expect(closingDeadlines(cal, { type: 'infringement_dispute', filedOn: '2026-03-10', pausedDays: 0, extensionDays: 0 })).toEqual({
      closingDue: '2026-06-10',
      extendedClosingDue: null,
    });
    // 2026-07-04 is a Saturday → Monday 2026-07-06
    expect(closingDeadlines(cal, { type: 'infringement_dispute', filedOn: '2026-04-04', pausedDays: 0, extensionDays: 0 }).closingDue).toBe(
      '2026-07-06',
    );
    // 1 month for passing off, clamped at month end: 2026-01-31 → 2026-02-28 (Saturday) → after the Spring Festival? no: 02-28 is a make-up working day
    expect(closingDeadlines(cal, { type: 'passing_off', filedOn: '2026-01-31', pausedDays: 0, extensionDays: 0 }).closingDue).toBe(
      '2026-02-28',
    );
  });

  it('moves by paused days, then rolls to a working day', () => {
    // 2026-07-01 + 3 months = 2026-10-01 (+3 paused) = 10-04, inside the National Day holiday (Oct 1–7) → 2026-10-08
    const d = closingDeadlines(cal, { type: 'infringement_dispute', filedOn: '2026-07-01', pausedDays: 3, extensionDays: 0 });
    expect(d.closingDue).toBe('2026-10-08');
  });

  it('adds approved extension days to the raw end, not to a rolled date', () => {
    const d = closingDeadlines(cal, { type: 'infringement_dispute', filedOn: '2026-03-10', pausedDays: 0, extensionDays: 30 });
    expect(d).toEqual({ closingDue: '2026-06-10', extendedClosingDue: '2026-07-10' });
  });

  it('halves the period on the fast track', () => {
    // 2026-03-10 → 06-10 is 92 days; half is 46 → 2026-04-25 (Saturday) → 2026-04-27
    expect(
      closingDeadlines(cal, { type: 'infringement_dispute', filedOn: '2026-03-10', pausedDays: 0, extensionDays: 0, fastTrack: true })
        .closingDue,
    ).toBe('2026-04-27');
  });
});

describe('extension caps', () => {
  it('allows one month for disputes and mediation, 15 days for passing off', () => {
    expect(maxExtensionDays('infringement_dispute', '2026-03-10', 0)).toBe(30); // 06-10 → 07-10
    expect(maxExtensionDays('dispute_mediation', '2026-01-31', 0)).toBe(30); // 04-30 → 05-30
    expect(maxExtensionDays('passing_off', '2026-03-10', 0)).toBe(15);
    expect(maxExtensionDays('passing_off', '2026-03-10', 0, true)).toBe(8);
  });
});

describe('overdue', () => {
  it('is overdue from the day after the deadline', () => {
    expect(isOverdue('2026-06-10', '2026-06-10')).toBe(false);
    expect(isOverdue('2026-06-10', '2026-06-11')).toBe(true);
    expect(isOverdue(null, '2030-01-01')).toBe(false);
  });
});

describe('登记保存 decision deadline', () => {
  it('is 7 calendar days after registration when that is a working day', () => {
    expect(preservationDecisionDue(cal, '2026-03-02')).toBe('2026-03-09');
  });

  it('rolls a weekend end to the Monday', () => {
    expect(preservationDecisionDue(cal, '2026-03-07')).toBe('2026-03-16');
  });

  it('rolls past the National Day holiday (2026-10-01 … 07) to the first working day', () => {
    expect(preservationDecisionDue(cal, '2026-09-28')).toBe('2026-10-08');
  });
});
