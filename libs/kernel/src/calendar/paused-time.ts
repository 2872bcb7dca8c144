import { assertCalendarDate, daysBetween } from './calendar-date';

/** A span of paused time (中止, 公告, 鉴定): `from` is the first paused day, `to` the day work resumed (null: still paused). */
export interface PauseInterval {
  from: string;
  to: string | null;
}

/**
 * Calendar days paused up to `asOf`. Each interval covers the days [from, to): the resumption day is not paused, so
 * a suspension from 2026-03-02 resumed 2026-03-05 paused 3 days; an open one counts up to `asOf` (exclusive) and any
 * interval is cut at `asOf`. Overlapping intervals (a suspension during an appraisal) count each day once.
 */
export function pausedDaysBetween(intervals: readonly PauseInterval[], asOf: string): number {
  assertCalendarDate(asOf);
  const spans: [string, string][] = [];
  for (const { from, to } of intervals) {
    assertCalendarDate(from);
    if (to !== null) {
      assertCalendarDate(to);
      if (to < from) throw new RangeError(`pause resumed (${to}) before it started (${from})`);
    }
    const end = to === null || to > asOf ? asOf : to;
    if (from < end) spans.push([from, end]);
  }
  spans.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
  let total = 0;
  let covered: string | null = null;
  for (const [from, end] of spans) {
    const start = covered !== null && covered > from ? covered : from;
    if (start < end) total += daysBetween(start, end);
    if (covered === null || end > covered) covered = end;
  }
  return total;
}
