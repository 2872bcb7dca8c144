import { TERMINAL_STATUSES } from '../domain/case-types';

// SQL forms of the rules in domain/ (deadline-in-force.ts, case-types.ts), built from the same constants, so the
// TypeScript and the SQL cannot drift apart. `a` is the alias of the cases table in the query (or '' for none).

const col = (a: string, name: string) => (a ? `${a}.${name}` : name);

/** `('not_filed', 'closed', 'transferred_out')`: the statuses a case never leaves. */
export const TERMINAL_STATUSES_SQL = `(${TERMINAL_STATUSES.map((s) => `'${s}'`).join(', ')})`;

/** The statuses whose closing deadline runs: open and filed (everything but received and the terminal ones). */
export const FILED_OPEN_STATUSES_EXCLUDED_SQL = `(${['received', ...TERMINAL_STATUSES].map((s) => `'${s}'`).join(', ')})`;

/** closingDueInForce: the extended closing deadline when there is one. */
export function closingDueInForceSql(a: string): string {
  return `coalesce(${col(a, 'extended_closing_due')}, ${col(a, 'closing_due')})`;
}

/** deadlineInForce: filing decision while received, closing (extended) while open, NULL once ended. */
export function deadlineInForceSql(a: string): string {
  return `(CASE WHEN ${col(a, 'status')} = 'received' THEN ${col(a, 'filing_decision_due')}
     WHEN ${col(a, 'status')} IN ${TERMINAL_STATUSES_SQL} THEN NULL
     ELSE ${closingDueInForceSql(a)} END)`;
}

/** isCaseOverdue against the date parameter `today` (an SQL expression, e.g. `$1` or `:today`). */
export function overdueSql(a: string, today: string): string {
  return `(NOT ${col(a, 'suspended')} AND coalesce(${deadlineInForceSql(a)} < ${today}, false))`;
}
