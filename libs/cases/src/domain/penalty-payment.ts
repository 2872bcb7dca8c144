import { addDays, daysBetween, type WorkingDayCalendar } from '@app/kernel/calendar';
import { PAYMENT_DAYS } from './penalty-procedure';

/** Art. 72(1)1: 3 % of the fine for each day past the due date. */
export const SURCHARGE_PERCENT_PER_DAY = 3;

/**
 * The fine is due 15 days after service (Art. 67): the same reading as every calendar-day period here (product.md
 * "Time and calendar"), so a period ending on a rest day ends on the next working day.
 */
export function paymentDue(cal: WorkingDayCalendar, servedOn: string): string {
  return cal.addCalendarPeriod(servedOn, { days: PAYMENT_DAYS });
}

/**
 * 加处罚款 for paying on `paidOn` a fine due on `dueOn`: 3 % of the fine per day after the due date, in whole fen
 * (rounded down: never more than the law allows), and never more than the fine itself (Art. 72(1)1).
 */
export function lateSurchargeFen(fineFen: number, dueOn: string, paidOn: string): number {
  const daysLate = Math.max(0, daysBetween(dueOn, paidOn));
  if (daysLate === 0 || fineFen <= 0) return 0;
  // integer arithmetic: fine × 3 × days / 100 exceeds 2^53 only for fines beyond any the law allows; the cap comes first
  if (daysLate * SURCHARGE_PERCENT_PER_DAY >= 100) return fineFen;
  return Math.min(fineFen, Math.floor((fineFen * SURCHARGE_PERCENT_PER_DAY * daysLate) / 100));
}

export interface PaymentState {
  dueOn: string;
  /** fine plus confiscated gains: what the decision orders paid */
  principalFen: number;
  paidFen: number;
  /** the surcharge accrued up to `asOf` (it stops on the day the principal was paid in full) */
  surchargeFen: number;
  owedFen: number;
  /** the day payments covered the principal, or null */
  principalPaidOn: string | null;
  paidInFull: boolean;
}

/**
 * What a party owes on `asOf`: the principal (fine + confiscated gains) and the surcharge on the fine. Payments go to
 * the principal first; the surcharge runs until the day the principal is covered (a partial payment does not stop
 * it: the law counts 3 % of the fine, not of what is left), then it is owed on its own.
 */
export function paymentState(
  p: { fineFen: number; confiscatedFen: number; dueOn: string },
  payments: readonly { paidOn: string; amountFen: number }[],
  asOf: string,
): PaymentState {
  const principalFen = p.fineFen + p.confiscatedFen;
  const upTo = [...payments].filter((x) => x.paidOn <= asOf).sort((a, b) => (a.paidOn < b.paidOn ? -1 : a.paidOn > b.paidOn ? 1 : 0));
  let paid = 0;
  let principalPaidOn: string | null = principalFen === 0 ? p.dueOn : null;
  for (const x of upTo) {
    paid += x.amountFen;
    if (principalPaidOn === null && paid >= principalFen) principalPaidOn = x.paidOn;
  }
  const surchargeFen = lateSurchargeFen(p.fineFen, p.dueOn, principalPaidOn ?? asOf);
  const owedFen = Math.max(0, principalFen + surchargeFen - paid);
  return { dueOn: p.dueOn, principalFen, paidFen: paid, surchargeFen, owedFen, principalPaidOn, paidInFull: owedFen === 0 };
}

/** The first day the surcharge reaches the fine (the cap): 34 days after the due date at 3 % a day. */
export function surchargeCapReachedOn(dueOn: string): string {
  return addDays(dueOn, Math.ceil(100 / SURCHARGE_PERCENT_PER_DAY));
}
