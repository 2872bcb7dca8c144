import { addDays, addMonths, daysBetween, type WorkingDayCalendar } from '@app/kernel/calendar';
import type { CaseSource, CaseType } from './case-types';

/**
 * The statutory time limits of product.md ("Cases", 专利行政执法办法 2015), as data: filing decision in working
 * days, closing period in calendar months, and the extension a supervisor may grant.
 */
export const TIME_LIMITS = {
  infringement_dispute: { filingWorkingDays: 5, closeMonths: 3, extensionMonths: 1 },
  passing_off: { filingWorkingDays: 5, closeMonths: 1, extensionDays: 15 },
  dispute_mediation: { filingWorkingDays: 5, closeMonths: 3, extensionMonths: 1 },
} as const satisfies Record<CaseType, { filingWorkingDays: number; closeMonths: number; extensionMonths?: number; extensionDays?: number }>;

/** A passing-off report (举报) gives 10 working days to decide on filing instead of 5. */
export const PASSING_OFF_REPORT_FILING_WORKING_DAYS = 10;
/** The respondent of a mediation request has 15 days to agree; filing is decided within 5 working days after. */
export const MEDIATION_ANSWER_DAYS = 15;

export interface FilingDeadlineInput {
  type: CaseType;
  source: CaseSource;
  receivedOn: string;
  reportReceived?: boolean;
  fastTrack?: boolean;
  /** mediation only: when the respondent agreed; until then the outer bound (15 days + 5 working days) applies */
  respondentAgreedOn?: string | null;
}

/** Fast-track (快速协同保护) halves internal limits, rounding up so a limit never becomes zero. */
const halve = (n: number, fastTrack?: boolean) => (fastTrack ? Math.ceil(n / 2) : n);

export function filingDecisionDue(cal: WorkingDayCalendar, c: FilingDeadlineInput): string {
  if (c.type === 'dispute_mediation') {
    const start = c.respondentAgreedOn ?? addDays(c.receivedOn, MEDIATION_ANSWER_DAYS);
    return cal.addWorkingDays(start, halve(TIME_LIMITS.dispute_mediation.filingWorkingDays, c.fastTrack));
  }
  const isReport = c.type === 'passing_off' && (c.reportReceived === true || c.source === 'report');
  const days = isReport ? PASSING_OFF_REPORT_FILING_WORKING_DAYS : TIME_LIMITS[c.type].filingWorkingDays;
  return cal.addWorkingDays(c.receivedOn, halve(days, c.fastTrack));
}

export interface ClosingDeadlineInput {
  type: CaseType;
  filedOn: string;
  fastTrack?: boolean;
  /** calendar days the case was suspended (中止), under public notice or appraisal: they do not count */
  pausedDays: number;
  /** days granted by approved extensions */
  extensionDays: number;
}

export interface ClosingDeadlines {
  /** the limit from filing, moved by paused time */
  closingDue: string;
  /** with approved extensions; null when none were granted */
  extendedClosingDue: string | null;
}

/** The end of the closing period before it is rolled to a working day (fast track: half the days, rounded up). */
function rawPeriodEnd(type: CaseType, filedOn: string, fastTrack?: boolean): string {
  const end = addMonths(filedOn, TIME_LIMITS[type].closeMonths);
  return fastTrack ? addDays(filedOn, Math.ceil(daysBetween(filedOn, end) / 2)) : end;
}

/**
 * "3 months from filing" ends on the same date 3 months later; paused days push it out; a deadline that falls on a
 * non-working day moves to the next working day. Computed from the raw period end each time (not by shifting an
 * already-rolled date), so pauses and extensions never compound a holiday roll.
 */
export function closingDeadlines(cal: WorkingDayCalendar, c: ClosingDeadlineInput): ClosingDeadlines {
  const raw = addDays(rawPeriodEnd(c.type, c.filedOn, c.fastTrack), c.pausedDays);
  return {
    closingDue: cal.nextWorkingDayOnOrAfter(raw),
    extendedClosingDue: c.extensionDays > 0 ? cal.nextWorkingDayOnOrAfter(addDays(raw, c.extensionDays)) : null,
  };
}

/** The most extension days a supervisor may grant in total (1 month after the closing date; 15 days for passing off). */
export function maxExtensionDays(type: CaseType, filedOn: string, pausedDays: number, fastTrack?: boolean): number {
  const limit = TIME_LIMITS[type];
  if ('extensionDays' in limit) return halve(limit.extensionDays, fastTrack);
  const raw = addDays(rawPeriodEnd(type, filedOn, fastTrack), pausedDays);
  return halve(daysBetween(raw, addMonths(raw, limit.extensionMonths)), fastTrack);
}

/** Whether a deadline has passed: overdue from the day after it, in Shanghai dates. */
/** 口头审理: the hearing notice must reach the parties at least 3 working days before the hearing (专利行政执法办法). */
export const HEARING_NOTICE_WORKING_DAYS = 3;

/** The earliest hearing date a notice sent today allows. */
export function earliestHearingDate(calendar: WorkingDayCalendar, today: string): string {
  return calendar.addWorkingDays(today, HEARING_NOTICE_WORKING_DAYS);
}

export function isOverdue(due: string | null, today: string): boolean {
  return due !== null && today > due;
}

/** 登记保存: a decision on evidence registered for preservation is due within 7 days (行政处罚法 Art. 56). */
export const PRESERVATION_DECISION_DAYS = 7;

/** The day by which a preservation decision is due: 7 calendar days, rolled to the next working day. */
export function preservationDecisionDue(cal: WorkingDayCalendar, preservedOn: string): string {
  return cal.addCalendarPeriod(preservedOn, { days: PRESERVATION_DECISION_DAYS });
}

/** What may become of evidence under registration-and-preservation (登记保存处理决定). */
export const PRESERVATION_DECISIONS = ['release', 'copy_and_release', 'appraisal', 'confiscate', 'transfer'] as const;
export type PreservationDecision = (typeof PRESERVATION_DECISIONS)[number];
