import type { WorkingDayCalendar } from '@app/kernel/calendar';

/** Reply deadlines in working days on this office's calendar (docs/product.md "Cross-region transfers"). */
export const DEFAULT_REPLY_DUE_WORKING_DAYS = 10;
/** A reminder goes out this many working days before a reply (transfer or liaison) is due; escalation after it. */
export const REMIND_WORKING_DAYS_BEFORE = 1;

type Calendar = Pick<WorkingDayCalendar, 'addWorkingDays' | 'workingDaysBetween'>;

/** The day a reply is due: `workingDays` working days after the day the request reached the other side. */
export function replyDue(calendar: Calendar, deliveredOn: string, workingDays: number): string {
  if (!Number.isInteger(workingDays) || workingDays < 1) throw new RangeError(`reply due needs ≥ 1 working day, got ${workingDays}`);
  return calendar.addWorkingDays(deliveredOn, workingDays);
}

/** Working days the partner took to reply (what transfer_median_reply_days is the median of); never negative. */
export function replyWorkingDays(calendar: Calendar, deliveredOn: string, repliedOn: string): number {
  return Math.max(0, calendar.workingDaysBetween(deliveredOn, repliedOn));
}

export type DueAlert = 'remind' | 'escalate' | null;

/**
 * What the sweep owes a request waiting for a reply due on `due`, given what it already sent for that due date:
 * an escalation once the day has passed, else a reminder from REMIND_WORKING_DAYS_BEFORE working days before it;
 * each once per due date (a new due date starts again).
 */
export function dueAlert(
  calendar: Calendar,
  s: { due: string; today: string; remindedFor: string | null; escalatedFor: string | null },
): DueAlert {
  if (s.today > s.due) return s.escalatedFor === s.due ? null : 'escalate';
  const remindFrom = calendar.addWorkingDays(s.due, -REMIND_WORKING_DAYS_BEFORE);
  if (s.today >= remindFrom && s.remindedFor !== s.due) return 'remind';
  return null;
}

export const isOverdueOn = (due: string | null, today: string): boolean => due !== null && today > due;
