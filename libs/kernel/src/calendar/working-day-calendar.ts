import { addDays, addMonths, assertCalendarDate, yearOf } from './calendar-date';
import { chineseDaysClassifier, DayClassifier, isWeekday } from './chinese-days-classifier';

export type DayKind = 'workday' | 'holiday';

export interface WorkingDayCalendarOptions {
  /** The statutory schedule; default: the `chinese-days` package. */
  base?: DayClassifier;
  /**
   * Days an admin loaded (a newer year's official schedule, or a correction); they beat the base. A year with at
   * least one override counts as official.
   */
  overrides?: ReadonlyMap<string, DayKind>;
}

export interface CalendarPeriod {
  months?: number;
  days?: number;
}

// A run of non-working days longer than a year means the overrides are wrong; fail instead of looping forever.
const MAX_NON_WORKING_RUN = 366;

let defaultBase: DayClassifier | undefined;

/**
 * Working days (工作日) of the mainland statutory calendar with make-up working days (调休), and the deadline
 * arithmetic built on them. Dates are Shanghai calendar dates written `YYYY-MM-DD`; a malformed date is a
 * programming error (RangeError): validate input at the edges. For a year neither the base nor the overrides know,
 * Monday–Friday are working days and `isYearOfficial` says false, so callers can mark such deadlines provisional.
 */
export class WorkingDayCalendar {
  /** Years with an official schedule (base data or overrides), ascending. */
  readonly coveredYears: readonly number[];
  private readonly base: DayClassifier;
  private readonly baseYears: ReadonlySet<number>;
  private readonly overrides: ReadonlyMap<string, DayKind>;
  private readonly officialYears: ReadonlySet<number>;

  constructor(options: WorkingDayCalendarOptions = {}) {
    this.base = options.base ?? (defaultBase ??= chineseDaysClassifier());
    this.baseYears = new Set(this.base.officialYears);
    const overrides = new Map<string, DayKind>();
    for (const [date, kind] of options.overrides ?? []) {
      assertCalendarDate(date);
      if (kind !== 'workday' && kind !== 'holiday') throw new RangeError(`override for ${date} must be 'workday' or 'holiday'`);
      overrides.set(date, kind);
    }
    this.overrides = overrides;
    const official = new Set(this.baseYears);
    for (const date of overrides.keys()) official.add(yearOf(date));
    this.officialYears = official;
    this.coveredYears = [...official].sort((a, b) => a - b);
  }

  /** Whether `year`'s working days come from an official schedule rather than the weekends-only fallback. */
  isYearOfficial(year: number): boolean {
    return this.officialYears.has(year);
  }

  /** Whether every year from `from` to `to` (either order) is official: a deadline computed across them is final. */
  isRangeOfficial(from: string, to: string): boolean {
    const [a, b] = [yearOf(from), yearOf(to)].sort((x, y) => x - y);
    for (let y = a; y <= b; y++) if (!this.officialYears.has(y)) return false;
    return true;
  }

  isWorkingDay(date: string): boolean {
    const override = this.overrides.get(date);
    if (override) return override === 'workday';
    // yearOf validates the date, so the base is only asked about well-formed dates of the years it knows.
    return this.baseYears.has(yearOf(date)) ? this.base.isWorkingDay(date) : isWeekday(date);
  }

  /** `date` itself when it is a working day, else the first working day after it. */
  nextWorkingDayOnOrAfter(date: string): string {
    let d = date;
    for (let run = 0; !this.isWorkingDay(d); run++) {
      if (run >= MAX_NON_WORKING_RUN) throw new Error(`no working day within ${MAX_NON_WORKING_RUN} days after ${date}`);
      d = addDays(d, 1);
    }
    return d;
  }

  /**
   * The `n`-th working day after `date`, not counting `date` itself (5 working days after 2017-09-28 is 2017-10-11).
   * `n` = 0 returns `date` unchanged, working day or not; a negative `n` counts back (the `|n|`-th working day
   * before `date`, e.g. the last day to send a notice "≥3 working days before" a hearing).
   */
  addWorkingDays(date: string, n: number): string {
    if (!Number.isSafeInteger(n)) throw new RangeError(`n must be an integer, got ${n}`);
    assertCalendarDate(date);
    const step = n < 0 ? -1 : 1;
    let d = date;
    let run = 0;
    for (let left = Math.abs(n); left > 0; ) {
      d = addDays(d, step);
      if (this.isWorkingDay(d)) {
        left--;
        run = 0;
      } else if (++run > MAX_NON_WORKING_RUN) {
        throw new Error(`no working day within ${MAX_NON_WORKING_RUN} days of ${d}`);
      }
    }
    return d;
  }

  /**
   * Working days stepped onto going from `from` to `to`, not counting `from`: those in (from, to] when `to` is later,
   * minus those in [to, from) when it is earlier. So `workingDaysBetween(d, addWorkingDays(d, n)) === n`, and "decided
   * within 5 working days of receipt" is `workingDaysBetween(received, decided) <= 5`.
   */
  workingDaysBetween(from: string, to: string): number {
    assertCalendarDate(from);
    assertCalendarDate(to);
    if (to < from) {
      let count = 0;
      for (let d = to; d < from; d = addDays(d, 1)) if (this.isWorkingDay(d)) count++;
      return -count;
    }
    let count = 0;
    for (let d = addDays(from, 1); d <= to; d = addDays(d, 1)) if (this.isWorkingDay(d)) count++;
    return count;
  }

  /**
   * End of a calendar-day period ("3 months", "15 days") starting on `date`: the same date `months` later (clamped to
   * the month's end: 2026-01-31 + 1 month = 2026-02-28), plus `days`; when that is not a working day, the next working
   * day. Paused days belong in `days` (`{ months: 3, days: paused }`), so the roll to a working day happens once.
   */
  addCalendarPeriod(date: string, period: CalendarPeriod): string {
    const months = period.months ?? 0;
    const days = period.days ?? 0;
    if (!Number.isSafeInteger(months) || months < 0) throw new RangeError(`months must be a non-negative integer, got ${months}`);
    if (!Number.isSafeInteger(days) || days < 0) throw new RangeError(`days must be a non-negative integer, got ${days}`);
    return this.nextWorkingDayOnOrAfter(addDays(addMonths(date, months), days));
  }

  /**
   * A deadline moved by `pausedDays` calendar days of paused time (中止, 公告, 鉴定), then rolled to a working day.
   * Moving an already rolled deadline can land later than recomputing the period with the paused days in it
   * (`addCalendarPeriod`); prefer that when the period's start is at hand.
   */
  extendByPause(deadline: string, pausedDays: number): string {
    if (!Number.isSafeInteger(pausedDays) || pausedDays < 0) {
      throw new RangeError(`pausedDays must be a non-negative integer, got ${pausedDays}`);
    }
    return this.nextWorkingDayOnOrAfter(addDays(deadline, pausedDays));
  }
}
