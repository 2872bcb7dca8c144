import { CaseStatus, isTerminalStatus } from './case-types';

/** The deadline fields of a case, as stored. */
export interface CaseDeadlineFields {
  status: CaseStatus;
  filingDecisionDue: string;
  closingDue: string | null;
  extendedClosingDue: string | null;
}

/**
 * The deadline in force (the one that makes a case overdue): the filing decision while the case is received, the
 * closing deadline (extended, when an extension was approved) once filed, none once the case has ended.
 * `deadlineInForceSql` in persistence/case-sql.ts is the same rule for SQL.
 */
export function deadlineInForce(c: CaseDeadlineFields): string | null {
  if (c.status === 'received') return c.filingDecisionDue;
  if (isTerminalStatus(c.status)) return null;
  return closingDueInForce(c);
}

/** The closing deadline that counts: the extended one when an extension was approved. */
export function closingDueInForce(c: Pick<CaseDeadlineFields, 'closingDue' | 'extendedClosingDue'>): string | null {
  return c.extendedClosingDue ?? c.closingDue;
}

/** Overdue: past the deadline in force, with the clock running (a suspended case's clock is stopped). */
export function isCaseOverdue(c: CaseDeadlineFields & { suspended: boolean }, today: string): boolean {
  const due = deadlineInForce(c);
  return !c.suspended && due !== null && today > due;
}
