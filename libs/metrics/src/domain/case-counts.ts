import { closingDueInForce } from '@app/cases/domain';
import { daysBetween, shanghaiDate } from '@app/kernel/calendar';
import type { CountDelta } from './metric-names';

/** The fields of a case the counts read (a structural subset of CaseEntity). */
export interface CountedCase {
  type: string;
  source: string;
  status: string;
  orgUnitCode: string;
  receivedOn: string;
  filedOn: string | null;
  closedOn: string | null;
  filingDecisionDue: string;
  closingDue: string | null;
  extendedClosingDue: string | null;
  ftz: boolean;
  ecommerce: unknown;
}

/** A case change as the counts see it (CaseChange of @app/cases, structurally). */
export interface CountedChange {
  case: CountedCase;
  action: string;
  fromStatus: string | null;
  toStatus: string;
  at: Date;
  payload: Record<string, unknown>;
}

/**
 * The org unit a case counts for: the unit that owns it when the counted thing happens. A case transferred in is a
 * case of the receiving unit, so it counts there. This is the one place the rule lives: when a case can move between
 * units (a transfer or a re-assignment), that event subtracts the case's counts from the old unit and adds them to the
 * new one through this function (see README, "Metrics").
 */
export function countingUnit(c: Pick<CountedCase, 'orgUnitCode'>): string {
  return c.orgUnitCode;
}

/** An e-commerce case: one from an e-commerce platform, or one carrying platform details. */
export function isEcommerceCase(c: Pick<CountedCase, 'source' | 'ecommerce'>): boolean {
  return c.source === 'ecommerce' || (c.ecommerce !== null && c.ecommerce !== undefined);
}

/** The dimensions a filed case is counted under: all, its type, and the FTZ / e-commerce shares. */
export function filedDimensions(c: Pick<CountedCase, 'type' | 'ftz' | 'source' | 'ecommerce'>): string[] {
  return ['', `type:${c.type}`, ...(c.ftz ? ['ftz'] : []), ...(isEcommerceCase(c) ? ['ecommerce'] : [])];
}

/** A filing decision (立案 or 不予受理) is on time when taken on or before the filing-decision deadline. */
export function filingDecisionOnTime(decidedOn: string, filingDecisionDue: string): boolean {
  return decidedOn <= filingDecisionDue;
}

/** A filed case closed on or before its closing deadline (with approved extensions, moved by paused time) is on time. */
export function closedOnTime(c: Pick<CountedCase, 'closedOn' | 'closingDue' | 'extendedClosingDue'>): boolean {
  const due = closingDueInForce(c);
  return c.closedOn !== null && due !== null && c.closedOn <= due;
}

/** Calendar days from filing to closing (what median/p90 days-to-close are taken over). */
export function daysToClose(c: Pick<CountedCase, 'filedOn' | 'closedOn'>): number {
  return daysBetween(c.filedOn as string, c.closedOn as string);
}

const num = (v: unknown): number => (typeof v === 'number' && Number.isSafeInteger(v) ? v : 0);

/**
 * What one case change adds to the counters. Each case is one row however many hotline tickets were converted into
 * it, so counting case changes counts such a case once. Dates are Shanghai dates: filing and closing dates are
 * stored as such; an action's own instant is converted (an action at 2026-12-31T17:00Z counts in January 2027).
 */
export function caseCountDeltas(change: CountedChange): CountDelta[] {
  const c = change.case;
  const unit = countingUnit(c);
  const today = shanghaiDate(change.at);
  const out: CountDelta[] = [];
  const add = (metric: CountDelta['metric'], on: string, value = 1, dimension = '') =>
    out.push({ metric, orgUnitCode: unit, on, value, dimension });

  switch (change.action) {
    case 'receive':
      add('case.received', c.receivedOn);
      break;
    case 'file': {
      const filedOn = c.filedOn as string; // may be back-entered: it is the filing date that counts
      for (const dim of filedDimensions(c)) add('case.filed', filedOn, 1, dim);
      add('case.filing_decided', filedOn);
      if (filingDecisionOnTime(filedOn, c.filingDecisionDue)) add('case.filing_decided_on_time', filedOn);
      break;
    }
    case 'decline': {
      const decidedOn = c.closedOn ?? today;
      add('case.filing_decided', decidedOn);
      if (filingDecisionOnTime(decidedOn, c.filingDecisionDue)) add('case.filing_decided_on_time', decidedOn);
      break;
    }
    case 'resume': {
      add('case.pauses', today);
      add('case.paused_days', today, num(change.payload.pausedDays));
      break;
    }
    case 'amend': {
      // a filed case whose FTZ / e-commerce / type dimensions were corrected moves between them in its filing month
      const was = change.payload.counted as Pick<CountedCase, 'type' | 'source' | 'ftz' | 'ecommerce'> | undefined;
      if (!c.filedOn || !was) break;
      const before = filedDimensions(was);
      const now = filedDimensions(c);
      for (const dim of before) if (!now.includes(dim)) add('case.filed', c.filedOn, -1, dim);
      for (const dim of now) if (!before.includes(dim)) add('case.filed', c.filedOn, 1, dim);
      break;
    }
    case 'request_extension':
      add('case.extensions_requested', today);
      break;
    case 'approve_extension':
      add('case.extensions_approved', today);
      add('case.extension_days', today, num(change.payload.days));
      break;
    default:
      break;
  }
  // Closing (close, mediate, refer, withdraw) of a filed case; a case withdrawn before filing was never in the flow.
  if (change.toStatus === 'closed' && change.fromStatus !== 'closed' && c.filedOn && c.closedOn) {
    add('case.closed', c.closedOn);
    if (closedOnTime(c)) add('case.closed_on_time', c.closedOn);
    add('case.days_to_close', c.closedOn, 1, String(daysToClose(c)));
  }
  return out.filter((d) => d.value !== 0);
}
