import { CountCell, queryCells } from '@app/metrics';
import { EntityManager } from 'typeorm';
import { UNDELIVERED_STATUSES_SQL } from './publication-sql';

/** `publicationCountDeltas` (credit-counts.ts) in SQL, for `metrics:rebuild`: `published_at` is set once and kept. */
const RECOMPUTE_SQL = `
WITH published AS (
  SELECT org_unit_code, (published_at AT TIME ZONE 'Asia/Shanghai')::date AS on_day, due_on
    FROM credit_publications WHERE published_at IS NOT NULL
)
SELECT 'credit.published' AS metric, org_unit_code, date_trunc('month', on_day)::date AS period, '' AS dimension,
       count(*) AS value
  FROM published GROUP BY 2, 3
UNION ALL
SELECT 'credit.published_on_time', org_unit_code, date_trunc('month', on_day)::date, '', count(*)
  FROM published WHERE on_day <= due_on GROUP BY 2, 3`;

// the statuses as literals, so the planner can read the partial index ix_credit_publications_undelivered
const BACKLOG_SQL = `SELECT org_unit_code, count(*)::bigint AS n FROM credit_publications
  WHERE status IN ${UNDELIVERED_STATUSES_SQL} GROUP BY 1`;

export function recomputeCreditCounts(em: EntityManager): Promise<CountCell[]> {
  return queryCells(em, RECOMPUTE_SQL);
}

/** Publications per unit not yet on the platform. */
export async function publicationBacklog(em: EntityManager): Promise<Map<string, number>> {
  const rows = await em.query<{ org_unit_code: string; n: string }[]>(BACKLOG_SQL);
  return new Map(rows.map((r) => [r.org_unit_code, Number(r.n)]));
}
