import { WorkingDayCalendar } from '@app/kernel/calendar';
import { fenToWanYuan } from '@app/kernel';
import { DEFAULT_DISPLAY_PERIOD_RULE, displayMonths, needsPublication, publicationDates } from './publication-rules';
import { allowedPublicationActions, isOverdue, PUBLICATION_STATUSES } from './publication-status';

const calendar = new WorkingDayCalendar();

describe('publication rules', () => {
  it('publishes fines and confiscations, not a warning alone', () => {
    expect(needsPublication({ fineFen: 1 })).toBe(true);
    expect(needsPublication({ fineFen: 0, confiscatedFen: 5 })).toBe(true);
    expect(needsPublication({ fineFen: 0 })).toBe(false);
    expect(needsPublication({})).toBe(false);
  });

  it('shows small fines 3 months and everything else 3 years, by the configured threshold', () => {
    const rule = DEFAULT_DISPLAY_PERIOD_RULE;
    expect(displayMonths({ fineFen: 300_000 }, rule)).toBe(3);
    expect(displayMonths({ fineFen: 300_001 }, rule)).toBe(36);
    expect(displayMonths({ fineFen: 100, confiscatedFen: 1 }, rule)).toBe(36);
    expect(displayMonths({ fineFen: 500_000 }, { ...rule, smallFineMaxFen: 500_000 })).toBe(3);
  });

  it('is due 7 working days after the decision, skipping the National Day holiday', () => {
    // 2026-09-30 (Wed); Oct 1–7 off; 2026-10-10 (Sat) a make-up working day
    const { dueOn } = publicationDates(calendar, '2026-09-30', { fineFen: 1 }, DEFAULT_DISPLAY_PERIOD_RULE);
    expect(calendar.workingDaysBetween('2026-09-30', dueOn)).toBe(7);
    expect(dueOn > '2026-10-08').toBe(true);
    // 2017 worked example of product.md: 5 working days after 2017-09-28 is 2017-10-11
    expect(calendar.addWorkingDays('2017-09-28', 5)).toBe('2017-10-11');
  });

  it('ends the display period on the same date N months later, rolled to a working day', () => {
    // 2026-11-10 + 3 months = 2027-02-10, inside the 2027 Spring Festival holiday → the next working day
    const { displayUntil } = publicationDates(calendar, '2026-11-10', { fineFen: 1 }, DEFAULT_DISPLAY_PERIOD_RULE);
    expect(displayUntil >= '2027-02-10').toBe(true);
    expect(calendar.isWorkingDay(displayUntil)).toBe(true);
    expect(publicationDates(calendar, '2026-11-11', { fineFen: 10_000_000 }, DEFAULT_DISPLAY_PERIOD_RULE).displayUntil).toBe('2029-11-12');
  });

  it('converts fen to 万元 exactly at six places', () => {
    expect(fenToWanYuan(1, 6)).toBe('0.000001');
    expect(fenToWanYuan(25_000_000, 6)).toBe('25.000000');
    expect(fenToWanYuan(123_456_789, 6)).toBe('123.456789');
  });

  it('allows actions by status and flags undelivered publications past due', () => {
    const table = Object.fromEntries(PUBLICATION_STATUSES.map((s) => [s, allowedPublicationActions(s)]));
    expect(table).toEqual({
      pending: ['withdraw', 'correct'],
      submitted: ['withdraw'],
      published: ['withdraw'],
      rejected: ['retry', 'withdraw', 'correct'],
      failed: ['retry', 'withdraw', 'correct'],
      withdrawn: [],
      expired: [],
    });
    expect(isOverdue({ status: 'failed', dueOn: '2026-11-10' }, '2026-11-11')).toBe(true);
    expect(isOverdue({ status: 'published', dueOn: '2026-11-10' }, '2026-11-11')).toBe(false);
    expect(isOverdue({ status: 'pending', dueOn: '2026-11-10' }, '2026-11-10')).toBe(false);
  });
});
