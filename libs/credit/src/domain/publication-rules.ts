// When a penalty is published, by when, and for how long. Plain TypeScript over the kernel's calendar.
import type { WorkingDayCalendar } from '@app/kernel/calendar';

/** A publication must reach the platform within this many working days of the decision date. */
export const PUBLICATION_DUE_WORKING_DAYS = 7;
/** A withdrawn (revoked or changed) decision must be off the platform within this many working days. */
export const WITHDRAWAL_DUE_WORKING_DAYS = 3;

/** The display-period rule (configuration): short for small fines, long otherwise. */
export interface DisplayPeriodRule {
  /** fines at or below this (in fen), with nothing confiscated, count as small */
  smallFineMaxFen: number;
  smallFineMonths: number;
  otherMonths: number;
}

export const DEFAULT_DISPLAY_PERIOD_RULE: DisplayPeriodRule = { smallFineMaxFen: 300_000, smallFineMonths: 3, otherMonths: 36 };

/** The parts of a case decision (cases' `decision` jsonb) that decide publication. */
export interface PenaltyAmounts {
  fineFen?: number | null;
  confiscatedFen?: number | null;
}

/**
 * Only penalties with a fine or a confiscation are published: a warning alone (or an order to correct) is not
 * (行政处罚信息公示: warnings are not put on the platform).
 */
export function needsPublication(d: PenaltyAmounts): boolean {
  return (d.fineFen ?? 0) > 0 || (d.confiscatedFen ?? 0) > 0;
}

/** Months the record stays on the platform under `rule`. */
export function displayMonths(d: PenaltyAmounts, rule: DisplayPeriodRule): number {
  const small = (d.confiscatedFen ?? 0) === 0 && (d.fineFen ?? 0) <= rule.smallFineMaxFen;
  return small ? rule.smallFineMonths : rule.otherMonths;
}

/** Due date, display end and their inputs for a decision taken on `decidedOn` (a Shanghai date). */
export function publicationDates(
  calendar: WorkingDayCalendar,
  decidedOn: string,
  d: PenaltyAmounts,
  rule: DisplayPeriodRule,
): { dueOn: string; displayUntil: string } {
  return {
    dueOn: calendar.addWorkingDays(decidedOn, PUBLICATION_DUE_WORKING_DAYS),
    // a calendar period: same date N months later, rolled to the next working day (product.md "Time and calendar")
    displayUntil: calendar.addCalendarPeriod(decidedOn, { months: displayMonths(d, rule) }),
  };
}
