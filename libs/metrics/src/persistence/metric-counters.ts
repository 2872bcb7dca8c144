import { Injectable } from '@nestjs/common';
import { runStatement, statement } from '@app/kernel';
import { EntityManager } from 'typeorm';
import { CountCell, CountDelta, foldDeltas, GaugeName, MetricName } from '../domain/metric-names';

/** Rows per cell: a writer adds to the row of its connection, so concurrent transactions rarely wait on one row. */
export const COUNTER_SHARDS = 16;

const ADD_CELLS = statement(
  `INSERT INTO metric_counts (metric, org_unit_code, period, dimension, value, shard)
   SELECT *, pg_backend_pid() % ${COUNTER_SHARDS} FROM unnest($1::text[], $2::text[], $3::date[], $4::text[], $5::bigint[])
   ON CONFLICT (metric, period, org_unit_code, dimension, shard) DO UPDATE SET value = metric_counts.value + EXCLUDED.value`,
);

/**
 * The write side of the counts. `add` runs inside the caller's business transaction, so a count exists exactly when
 * the change it counts does (a rollback takes both). A cell is kept in shards (the row of the writer's connection,
 * `pg_backend_pid() % 16`; readers sum): every intake of a unit in a month counts into the same cell, and with one row
 * per cell concurrent intakes or deliveries queued on its lock until each COMMIT. Within one transaction cells are
 * locked in key order, so two transactions on the same shard wait for each other instead of deadlocking.
 */
@Injectable()
export class MetricCounters {
  async add(em: EntityManager, deltas: readonly CountDelta[]): Promise<void> {
    await this.addCells(em, foldDeltas(deltas));
  }

  async addCells(em: EntityManager, cells: readonly CountCell[]): Promise<void> {
    if (cells.length === 0) return;
    await runStatement(em, ADD_CELLS, [
      cells.map((c) => c.metric),
      cells.map((c) => c.orgUnitCode),
      cells.map((c) => c.period),
      cells.map((c) => c.dimension),
      cells.map((c) => c.value),
    ]);
  }
}

/**
 * Live states recomputed by roll-ups (open overdue cases; the credit library's publication backlog, registered with MetricsRollup): `replace` swaps
 * a gauge's per-unit values and stamps them with the time computed (the '' row carries the city total and the time).
 */
@Injectable()
export class MetricGauges {
  async replace(em: EntityManager, metric: GaugeName, perUnit: ReadonlyMap<string, number>, computedAt: Date): Promise<void> {
    const units = [...perUnit.keys()];
    const total = [...perUnit.values()].reduce((s, n) => s + n, 0);
    await em.query('DELETE FROM metric_gauges WHERE metric = $1', [metric]);
    await em.query(
      `INSERT INTO metric_gauges (metric, org_unit_code, value, computed_at)
       SELECT $1, u, v, $4 FROM unnest($2::text[], $3::bigint[]) AS t(u, v)`,
      [metric, ['', ...units], [total, ...units.map((u) => perUnit.get(u) ?? 0)], computedAt],
    );
  }
}

/** Reads counter cells from any query with the columns of metric_counts (the kept cells, or a recomputation). */
export async function queryCells(em: EntityManager, cellsSql: string, params: unknown[] = []): Promise<CountCell[]> {
  const rows = await em.query<{ metric: MetricName; org_unit_code: string; period: string; dimension: string; value: string }[]>(
    `SELECT metric, org_unit_code, to_char(period, 'YYYY-MM-DD') AS period, dimension, value::bigint AS value FROM (${cellsSql}) c`,
    params,
  );
  return rows.map((r) => ({
    metric: r.metric,
    orgUnitCode: r.org_unit_code,
    period: r.period,
    dimension: r.dimension,
    value: Number(r.value),
  }));
}
