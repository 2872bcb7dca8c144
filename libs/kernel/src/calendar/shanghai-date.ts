import { assertCalendarDate } from './calendar-date';

// China has kept UTC+8 without daylight saving since 1992 (tzdata's Asia/Shanghai differs only for 1986–1991 summers
// and earlier), so a fixed offset is exact for anything this system stores and does not depend on the process TZ.
const SHANGHAI_OFFSET_MS = 8 * 3_600_000;

function assertValidInstant(instant: Date): void {
  if (!(instant instanceof Date) || Number.isNaN(instant.getTime())) throw new RangeError('not a valid instant');
}

/** The calendar date (`YYYY-MM-DD`) in Asia/Shanghai at `instant`: 2026-12-31T16:00:00Z is 2027-01-01. */
export function shanghaiDate(instant: Date): string {
  assertValidInstant(instant);
  return new Date(instant.getTime() + SHANGHAI_OFFSET_MS).toISOString().slice(0, 10);
}

/** The Shanghai wall-clock time at `instant`, as people read it: `2026-12-02 11:45:14` (exports, documents). */
export function shanghaiDateTime(instant: Date): string {
  assertValidInstant(instant);
  return new Date(instant.getTime() + SHANGHAI_OFFSET_MS).toISOString().slice(0, 19).replace('T', ' ');
}

/** Today's date in Shanghai; `now` comes from the injectable Clock so that callers stay testable. */
export function todayInShanghai(now: Date): string {
  return shanghaiDate(now);
}

/** The instant a Shanghai calendar day starts (00:00 +08:00), for range queries on timestamptz columns. */
export function shanghaiDayStart(date: string): Date {
  assertCalendarDate(date);
  return new Date(Date.parse(`${date}T00:00:00.000Z`) - SHANGHAI_OFFSET_MS);
}
