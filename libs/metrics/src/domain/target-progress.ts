import { addDays } from '@app/kernel/calendar';

/** What the arithmetic needs from the working-day calendar. */
export interface WorkingDays {
  isWorkingDay(date: string): boolean;
}

/** A seasonal profile needs at least this many past years with filings; fewer → linear by working days. */
export const MIN_SEASONAL_YEARS = 2;
/** How many past years the seasonal profile looks back at most. */
export const SEASONAL_LOOKBACK_YEARS = 5;
/** z for a 95 % interval. */
const Z95 = 1.96;

export type ExpectationModel = 'linear' | 'seasonal';

export interface ProgressInput {
  year: number;
  /** Shanghai date the progress is computed at */
  today: string;
  target: number | null;
  /** filed cases by month, January first (12 entries) */
  filedByMonth: readonly number[];
  /** monthly filings of past years (12 entries each); years without any filing are ignored */
  pastYears: readonly (readonly number[])[];
  calendar: WorkingDays;
}

export interface MonthProgress {
  month: string;
  filed: number;
  /** filed up to the end of this month; null for months not begun yet */
  cumulative: number | null;
  /** the target's share expected by the end of this month; null without a target */
  expectedCumulative: number | null;
}

export interface ProgressResult {
  filed: number;
  remaining: number | null;
  expectedToDate: number | null;
  /** filed / expectedToDate */
  pace: number | null;
  projectedYearEnd: number | null;
  projectedInterval: { low: number; high: number } | null;
  onTrack: boolean | null;
  model: ExpectationModel;
  /** share of the year's expected filings that falls before the end of `today` (0…1) */
  elapsedShare: number;
  byMonth: MonthProgress[];
}

const round1 = (n: number) => Math.round(n * 10) / 10;
const pad2 = (n: number) => String(n).padStart(2, '0');

// The working days of a year, per calendar (a reloaded calendar is a new object, so its years are recomputed).
const workingDatesCache = new WeakMap<WorkingDays, Map<number, string[]>>();

function workingDates(cal: WorkingDays, year: number): string[] {
  let years = workingDatesCache.get(cal);
  if (!years) {
    years = new Map<number, string[]>();
    workingDatesCache.set(cal, years);
  }
  let dates = years.get(year);
  if (!dates) {
    dates = [];
    for (let d = `${year}-01-01`; d <= `${year}-12-31`; d = addDays(d, 1)) if (cal.isWorkingDay(d)) dates.push(d);
    years.set(year, dates);
  }
  return dates;
}

/** Working days of each month of `year` (index 0 = January), and how many of them are on or before `today`. */
export function workingDaysByMonth(cal: WorkingDays, year: number, today: string): { total: number[]; elapsed: number[] } {
  const total = Array<number>(12).fill(0);
  const elapsed = Array<number>(12).fill(0);
  for (const d of workingDates(cal, year)) {
    const m = Number(d.slice(5, 7)) - 1;
    total[m]++;
    if (d <= today) elapsed[m]++;
  }
  return { total, elapsed };
}

/**
 * The share of a year's filings expected in each month. Linear: proportional to working days. Seasonal: the pooled
 * monthly shares of past years (at least {@link MIN_SEASONAL_YEARS} with filings), so a January holiday or a
 * year-end rush of past years shapes this year's expectation.
 */
export function monthlyProfile(
  pastYears: readonly (readonly number[])[],
  workingDays: readonly number[],
): { model: ExpectationModel; shares: number[] } {
  const usable = pastYears.filter((y) => y.length === 12 && y.reduce((s, n) => s + n, 0) > 0);
  if (usable.length >= MIN_SEASONAL_YEARS) {
    const pooled = Array.from({ length: 12 }, (_, m) => usable.reduce((s, y) => s + y[m], 0));
    const all = pooled.reduce((s, n) => s + n, 0);
    return { model: 'seasonal', shares: pooled.map((n) => n / all) };
  }
  const all = workingDays.reduce((s, n) => s + n, 0);
  return { model: 'linear', shares: workingDays.map((n) => (all > 0 ? n / all : 1 / 12)) };
}

/**
 * Year-end projection from filings so far: the year's rate estimated as filed / elapsed share, with a simple 95 %
 * interval treating counts as Poisson. The rest of the year R has mean filed·(1−f)/f; its variance is that (the count
 * itself) plus the rate's estimation error filed·(1−f)²/f², which adds up to filed·(1−f)/f². Never below `filed`.
 */
export function projectYearEnd(filed: number, elapsedShare: number): { value: number; low: number; high: number } | null {
  if (elapsedShare <= 0) return null;
  if (elapsedShare >= 1) return { value: filed, low: filed, high: filed };
  const value = filed / elapsedShare;
  const sd = Math.sqrt(filed * (1 - elapsedShare)) / elapsedShare;
  return { value: Math.round(value), low: Math.max(filed, Math.floor(value - Z95 * sd)), high: Math.ceil(value + Z95 * sd) };
}

/** Target progress of one year (GET /metrics/target-progress), from monthly counts only. */
export function targetProgress(input: ProgressInput): ProgressResult {
  const { year, today, target } = input;
  const wd = workingDaysByMonth(input.calendar, year, today);
  const { model, shares } = monthlyProfile(input.pastYears, wd.total);
  // the share of the year behind us: whole months before today's, plus the working-day fraction of today's month
  let elapsedShare = 0;
  for (let m = 0; m < 12; m++) {
    const fraction = wd.total[m] > 0 ? wd.elapsed[m] / wd.total[m] : `${year}-${pad2(m + 1)}-31` <= today ? 1 : 0;
    elapsedShare += shares[m] * fraction;
  }
  elapsedShare = Math.min(1, Math.max(0, elapsedShare));
  if (today > `${year}-12-31`) elapsedShare = 1;

  const filed = input.filedByMonth.reduce((s, n) => s + n, 0);
  const currentMonth = today < `${year}-01-01` ? -1 : today > `${year}-12-31` ? 11 : Number(today.slice(5, 7)) - 1;
  let cumulative = 0;
  let expectedShare = 0;
  const byMonth = input.filedByMonth.map((n, m) => {
    cumulative += n;
    expectedShare += shares[m];
    return {
      month: `${year}-${pad2(m + 1)}`,
      filed: n,
      cumulative: m <= currentMonth ? cumulative : null,
      expectedCumulative: target === null ? null : round1(target * Math.min(1, expectedShare)),
    };
  });

  const expectedToDate = target === null ? null : round1(target * elapsedShare);
  const projection = projectYearEnd(filed, elapsedShare);
  return {
    filed,
    remaining: target === null ? null : Math.max(0, target - filed),
    expectedToDate,
    pace: expectedToDate ? Math.round((filed / expectedToDate) * 100) / 100 : null,
    projectedYearEnd: projection?.value ?? null,
    projectedInterval: projection ? { low: projection.low, high: projection.high } : null,
    // filed ≥ expected-to-date ⇔ the projection reaches the target (projection = filed / elapsed share)
    onTrack: target === null || expectedToDate === null ? null : filed >= expectedToDate,
    model,
    elapsedShare: Math.round(elapsedShare * 10_000) / 10_000,
    byMonth,
  };
}
