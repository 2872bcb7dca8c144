import { WorkingDayCalendar } from '@app/kernel/calendar';
import { monthlyProfile, projectYearEnd, targetProgress, WorkingDays, workingDaysByMonth } from './target-progress';

/** Monday–Friday only: easy to count by hand. */
const weekdays: WorkingDays = { isWorkingDay: (d) => ![0, 6].includes(new Date(`${d}T00:00:00Z`).getUTCDay()) };
const zeros = () => Array<number>(12).fill(0);

describe('expected-to-date', () => {
  it('linear: the target times working days elapsed over working days in the year (statutory calendar)', () => {
    const cal = new WorkingDayCalendar();
    const wd = workingDaysByMonth(cal, 2026, '2026-06-30');
    const year = wd.total.reduce((s, n) => s + n, 0);
    const elapsed = wd.elapsed.reduce((s, n) => s + n, 0);
    expect(year).toBeGreaterThan(240);
    expect(year).toBeLessThan(255);
    const p = targetProgress({ year: 2026, today: '2026-06-30', target: 630, filedByMonth: zeros(), pastYears: [], calendar: cal });
    expect(p.model).toBe('linear');
    expect(p.expectedToDate).toBe(Math.round(((630 * elapsed) / year) * 10) / 10);
  });

  it('linear with weekdays: 2026 has 261 weekdays; through 2026-01-31 there are 22', () => {
    const p = targetProgress({
      year: 2026,
      today: '2026-01-31',
      target: 261,
      filedByMonth: [30, ...zeros().slice(1)],
      pastYears: [],
      calendar: weekdays,
    });
    expect(p.expectedToDate).toBe(22);
    expect(p.pace).toBe(1.36);
    expect(p.onTrack).toBe(true);
    expect(p.remaining).toBe(231);
    expect(p.byMonth[0]).toEqual({ month: '2026-01', filed: 30, cumulative: 30, expectedCumulative: 22 });
    expect(p.byMonth[1]).toMatchObject({ month: '2026-02', filed: 0, cumulative: null, expectedCumulative: 42 });
    expect(p.byMonth[11].expectedCumulative).toBe(261);
  });

  it('seasonal: with two past years of filings, the pooled monthly shares shape the expectation', () => {
    // past years filed everything in the second half: 0 expected by the end of June
    const past = [
      [0, 0, 0, 0, 0, 0, 10, 10, 10, 10, 10, 10],
      [0, 0, 0, 0, 0, 0, 20, 20, 20, 20, 20, 20],
    ];
    const p = targetProgress({ year: 2026, today: '2026-06-30', target: 600, filedByMonth: zeros(), pastYears: past, calendar: weekdays });
    expect(p.model).toBe('seasonal');
    expect(p.expectedToDate).toBe(0);
    expect(p.byMonth[6].expectedCumulative).toBe(100);
    expect(p.byMonth[11].expectedCumulative).toBe(600);
  });

  it('one past year is not enough for a profile; empty years do not count', () => {
    expect(monthlyProfile([[1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1], zeros()], Array(12).fill(20)).model).toBe('linear');
    const s = monthlyProfile(
      [
        [3, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0],
        [1, 3, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0],
      ],
      Array(12).fill(20),
    );
    expect(s).toEqual({ model: 'seasonal', shares: [0.5, 0.5, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0] });
  });

  it('a past year is complete (share 1, projection = filed), a future one has not begun', () => {
    const past = targetProgress({
      year: 2025,
      today: '2026-03-01',
      target: 100,
      filedByMonth: Array(12).fill(9),
      pastYears: [],
      calendar: weekdays,
    });
    expect(past).toMatchObject({
      filed: 108,
      expectedToDate: 100,
      projectedYearEnd: 108,
      projectedInterval: { low: 108, high: 108 },
      onTrack: true,
    });
    const future = targetProgress({
      year: 2027,
      today: '2026-03-01',
      target: 100,
      filedByMonth: zeros(),
      pastYears: [],
      calendar: weekdays,
    });
    expect(future).toMatchObject({ expectedToDate: 0, pace: null, projectedYearEnd: null, projectedInterval: null });
    expect(future.byMonth.every((m) => m.cumulative === null)).toBe(true);
  });

  it('without a target: counts and projection, but no remaining/expected/on-track', () => {
    const p = targetProgress({
      year: 2026,
      today: '2026-12-31',
      target: null,
      filedByMonth: Array(12).fill(5),
      pastYears: [],
      calendar: weekdays,
    });
    expect(p).toMatchObject({ filed: 60, remaining: null, expectedToDate: null, pace: null, onTrack: null, projectedYearEnd: 60 });
  });
});

describe('projection', () => {
  it('filed / elapsed share, with a Poisson interval of ±1.96·sqrt(filed·(1−f))/f', () => {
    // 300 filed at half the year: 600 expected, sd = sqrt(150)/0.5 = 24.49 → ±48.0
    expect(projectYearEnd(300, 0.5)).toEqual({ value: 600, low: 551, high: 649 });
    expect(projectYearEnd(0, 0.5)).toEqual({ value: 0, low: 0, high: 0 });
    expect(projectYearEnd(10, 0)).toBeNull();
    expect(projectYearEnd(10, 1)).toEqual({ value: 10, low: 10, high: 10 });
  });

  it('the interval never goes below what is already filed', () => {
    expect(projectYearEnd(2, 0.9)!.low).toBe(2);
  });

  it('on track exactly when the projection reaches the target', () => {
    const behind = targetProgress({
      year: 2026,
      today: '2026-01-31',
      target: 261,
      filedByMonth: [21, ...zeros().slice(1)],
      pastYears: [],
      calendar: weekdays,
    });
    expect(behind.onTrack).toBe(false);
    expect(behind.projectedYearEnd!).toBeLessThan(261);
    const ahead = targetProgress({
      year: 2026,
      today: '2026-01-31',
      target: 261,
      filedByMonth: [22, ...zeros().slice(1)],
      pastYears: [],
      calendar: weekdays,
    });
    expect(ahead.onTrack).toBe(true);
    expect(ahead.projectedYearEnd!).toBeGreaterThanOrEqual(261);
  });
});
