import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { inTransaction } from '@app/kernel';
import { closingDueInForceSql, FILED_OPEN_STATUSES_EXCLUDED_SQL } from '@app/cases';
import { DataSource, EntityManager } from 'typeorm';

/**
 * Open overdue cases per unit: the same rule as the case list's `overdue` filter (not suspended; past the filing
 * decision deadline while received, past the closing deadline with extensions once filed), in two branches so each
 * reads its partial deadline index (ix_cases_filing_due, ix_cases_closing_due) rather than the table.
 */
const OPEN_OVERDUE_SQL = `
SELECT org_unit_code, count(*)::bigint AS n FROM (
  SELECT org_unit_code FROM cases WHERE status = 'received' AND NOT suspended AND filing_decision_due < $1
  UNION ALL
  SELECT org_unit_code FROM cases
   WHERE status NOT IN ${FILED_OPEN_STATUSES_EXCLUDED_SQL} AND NOT suspended
     AND ${closingDueInForceSql('')} < $1
) o GROUP BY 1`;

/** The roll-up's statements. */
@Injectable()
export class MetricsRollupRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  transaction<T>(work: (em: EntityManager) => Promise<T>): Promise<T> {
    return inTransaction(this.dataSource, work);
  }

  /** One replica rolls up at a time (transaction-level advisory lock); false: another is at it. */
  async tryRollupLock(em: EntityManager): Promise<boolean> {
    const [{ locked }] = await em.query<{ locked: boolean }[]>(
      "SELECT pg_try_advisory_xact_lock(hashtext('ped.metrics.rollup')) AS locked",
    );
    return locked;
  }

  async openOverdueByUnit(em: EntityManager, today: string): Promise<Map<string, number>> {
    const rows = await em.query<{ org_unit_code: string; n: string }[]>(OPEN_OVERDUE_SQL, [today]);
    return new Map(rows.map((r) => [r.org_unit_code, Number(r.n)]));
  }
}
