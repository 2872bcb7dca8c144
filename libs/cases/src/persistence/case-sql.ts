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

/**
 * One batch of the deadline sweep, in one statement: $1 = reminder horizon, $2 = today, $3 = batch size. Exported
 * for the benchmark, which times it at a million cases.
 */
export const CASE_SWEEP_SQL = `WITH due AS (
   -- two branches, each on its own partial index of running cases not yet escalated for their due date
   SELECT c.id, c.org_unit_code, c.assigned_officer_ids, coalesce(c.case_no, c.receipt_no) AS label,
          c.filing_decision_due AS due_on, c.reminded_for
     FROM cases c
    WHERE c.status = 'received' AND NOT c.suspended AND c.escalated_for IS DISTINCT FROM c.filing_decision_due
      AND c.filing_decision_due <= $1
   UNION ALL
   SELECT c.id, c.org_unit_code, c.assigned_officer_ids, coalesce(c.case_no, c.receipt_no) AS label,
          ${closingDueInForceSql('c')} AS due_on, c.reminded_for
     FROM cases c
    WHERE c.status NOT IN ${FILED_OPEN_STATUSES_EXCLUDED_SQL} AND NOT c.suspended
      AND c.escalated_for IS DISTINCT FROM ${closingDueInForceSql('c')}
      AND ${closingDueInForceSql('c')} <= $1
 ), fresh AS (
   SELECT d.*, CASE WHEN d.due_on < $2 THEN 'overdue' ELSE 'reminder' END AS kind FROM due d
    WHERE d.due_on < $2 OR d.reminded_for IS DISTINCT FROM d.due_on
    LIMIT $3
 ), marked AS (
   -- the case leaves the sweep's view for this due date even when another sweeper sent the alert first
   UPDATE cases c
      SET reminded_for = CASE WHEN f.kind = 'reminder' THEN f.due_on ELSE c.reminded_for END,
          escalated_for = CASE WHEN f.kind = 'overdue' THEN f.due_on ELSE c.escalated_for END
     FROM fresh f WHERE c.id = f.id
 ), inserted AS (
   INSERT INTO case_deadline_alerts (case_id, kind, due_on)
   SELECT id, kind, due_on FROM fresh ON CONFLICT DO NOTHING RETURNING case_id, kind, due_on
 )
 SELECT f.id AS case_id, f.kind, to_char(f.due_on, 'YYYY-MM-DD') AS due_on, f.org_unit_code, f.assigned_officer_ids,
        f.label, i.case_id IS NOT NULL AS sent
   FROM fresh f LEFT JOIN inserted i ON i.case_id = f.id AND i.kind = f.kind AND i.due_on = f.due_on`;
