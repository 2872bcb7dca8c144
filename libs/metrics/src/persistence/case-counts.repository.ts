import { closingDueInForceSql } from '@app/cases';
import { EntityManager } from 'typeorm';
import { CountCell } from '../domain/metric-names';
import { queryCells } from './metric-counters';

/**
 * The cases' counts from the source tables, for `metrics:rebuild`: the same definitions as `caseCountDeltas`
 * (domain/case-counts.ts) in SQL. `metrics:rebuild --dry-run` reporting zero drift is the proof they agree.
 */
const RECOMPUTE_SQL = `
WITH decided AS (
  SELECT org_unit_code, coalesce(filed_on, closed_on) AS decided_on, filing_decision_due
    FROM cases WHERE filed_on IS NOT NULL OR (status = 'not_filed' AND closed_on IS NOT NULL)
), closed AS (
  SELECT org_unit_code, closed_on, filed_on, closed_on <= ${closingDueInForceSql('')} AS on_time
    FROM cases WHERE status = 'closed' AND filed_on IS NOT NULL AND closed_on IS NOT NULL
), ev AS (
  SELECT c.org_unit_code, e.action, e.payload, date_trunc('month', e.at AT TIME ZONE 'Asia/Shanghai')::date AS period
    FROM case_events e JOIN cases c ON c.id = e.case_id
   WHERE e.action IN ('resume', 'request_extension', 'approve_extension')
)
SELECT 'case.received' AS metric, org_unit_code, date_trunc('month', received_on)::date AS period, '' AS dimension, count(*) AS value
  FROM cases GROUP BY 2, 3
UNION ALL
SELECT 'case.filed', c.org_unit_code, date_trunc('month', c.filed_on)::date, d.dim, count(*)
  FROM cases c
  CROSS JOIN LATERAL (VALUES (''), ('type:' || c.type), (CASE WHEN c.ftz THEN 'ftz' END),
                             (CASE WHEN c.source = 'ecommerce' OR c.ecommerce IS NOT NULL THEN 'ecommerce' END)) AS d(dim)
 WHERE c.filed_on IS NOT NULL AND d.dim IS NOT NULL GROUP BY 2, 3, 4
UNION ALL
SELECT 'case.filing_decided', org_unit_code, date_trunc('month', decided_on)::date, '', count(*) FROM decided GROUP BY 2, 3
UNION ALL
SELECT 'case.filing_decided_on_time', org_unit_code, date_trunc('month', decided_on)::date, '', count(*)
  FROM decided WHERE decided_on <= filing_decision_due GROUP BY 2, 3
UNION ALL
SELECT 'case.closed', org_unit_code, date_trunc('month', closed_on)::date, '', count(*) FROM closed GROUP BY 2, 3
UNION ALL
SELECT 'case.closed_on_time', org_unit_code, date_trunc('month', closed_on)::date, '', count(*) FROM closed WHERE on_time GROUP BY 2, 3
UNION ALL
SELECT 'case.days_to_close', org_unit_code, date_trunc('month', closed_on)::date, (closed_on - filed_on)::text, count(*)
  FROM closed GROUP BY 2, 3, 4
UNION ALL
SELECT 'case.pauses', org_unit_code, period, '', count(*) FROM ev WHERE action = 'resume' GROUP BY 2, 3
UNION ALL
SELECT 'case.paused_days', org_unit_code, period, '', sum((payload->>'pausedDays')::int) FROM ev WHERE action = 'resume' GROUP BY 2, 3
UNION ALL
SELECT 'case.extensions_requested', org_unit_code, period, '', count(*) FROM ev WHERE action = 'request_extension' GROUP BY 2, 3
UNION ALL
SELECT 'case.extensions_approved', org_unit_code, period, '', count(*) FROM ev WHERE action = 'approve_extension' GROUP BY 2, 3
UNION ALL
SELECT 'case.extension_days', org_unit_code, period, '', sum((payload->>'days')::int) FROM ev WHERE action = 'approve_extension' GROUP BY 2, 3`;

/** The cases' metric cells recomputed from the cases and their timeline (metrics:rebuild). */
export function recomputeCaseCounts(em: EntityManager): Promise<CountCell[]> {
  return queryCells(em, RECOMPUTE_SQL);
}
