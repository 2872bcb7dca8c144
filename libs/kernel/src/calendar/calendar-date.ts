/**
 * Arithmetic on calendar dates written `YYYY-MM-DD`. Computed on UTC midnights so the result never depends on the
 * process time zone (a date is a label, not an instant).
 */

const CALENDAR_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DAY_MS = 86_400_000;

function parse(value: string): { year: number; month: number; day: number } | null {
  const m = CALENDAR_DATE.exec(value);
  if (!m) return null;
  const year = Number(m[1]);
  const month = Number(m[2]);
  const day = Number(m[3]);
  if (year < 1 || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return null;
  return { year, month, day };
}

const MONTH_DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

function daysInMonth(year: number, month: number): number {
  return month === 2 && isLeapYear(year) ? 29 : MONTH_DAYS[month - 1];
}

function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

function toUtcMs(year: number, month: number, day: number): number {
  // setUTCFullYear, unlike Date.UTC, does not map years 0–99 to 1900–1999.
  const d = new Date(0);
  d.setUTCFullYear(year, month - 1, day);
  return d.getTime();
}

function msOf(date: string): number {
  const p = parse(date);
  if (!p) throw new RangeError(`not a calendar date (YYYY-MM-DD): ${JSON.stringify(date)}`);
  return toUtcMs(p.year, p.month, p.day);
}

function fromUtcMs(ms: number): string {
  const d = new Date(ms);
  const year = d.getUTCFullYear();
  if (!(year >= 1 && year <= 9999)) throw new RangeError('date arithmetic left the years 0001–9999');
  const pad = (n: number, w: number): string => String(n).padStart(w, '0');
  return `${pad(year, 4)}-${pad(d.getUTCMonth() + 1, 2)}-${pad(d.getUTCDate(), 2)}`;
}

function assertInteger(n: number, what: string): void {
  if (!Number.isSafeInteger(n)) throw new RangeError(`${what} must be an integer, got ${n}`);
}

/** Whether `value` is an existing date written `YYYY-MM-DD` (2026-02-29 is not). */
export function isCalendarDate(value: unknown): value is string {
  return typeof value === 'string' && parse(value) !== null;
}

/** Throws a RangeError unless `value` is an existing `YYYY-MM-DD` date. */
export function assertCalendarDate(value: string): void {
  msOf(value);
}

export function yearOf(date: string): number {
  assertCalendarDate(date);
  return Number(date.slice(0, 4));
}

/** 0 = Sunday … 6 = Saturday. */
export function dayOfWeek(date: string): number {
  return new Date(msOf(date)).getUTCDay();
}

export function addDays(date: string, days: number): string {
  assertInteger(days, 'days');
  return fromUtcMs(msOf(date) + days * DAY_MS);
}

/** Same day-of-month `months` later, clamped to the month's last day: 2026-01-31 + 1 month = 2026-02-28. */
export function addMonths(date: string, months: number): string {
  assertInteger(months, 'months');
  const p = parse(date);
  if (!p) throw new RangeError(`not a calendar date (YYYY-MM-DD): ${JSON.stringify(date)}`);
  const index = p.year * 12 + (p.month - 1) + months;
  const year = Math.floor(index / 12);
  const month = index - year * 12 + 1;
  if (year < 1 || year > 9999) throw new RangeError('date arithmetic left the years 0001–9999');
  return fromUtcMs(toUtcMs(year, month, Math.min(p.day, daysInMonth(year, month))));
}

/** Calendar days from `from` to `to` (negative when `to` is earlier): daysBetween('2026-03-02', '2026-03-05') = 3. */
export function daysBetween(from: string, to: string): number {
  return Math.round((msOf(to) - msOf(from)) / DAY_MS);
}
