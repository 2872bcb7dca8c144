import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { inTransaction } from '@app/kernel';
import { DataSource, EntityManager } from 'typeorm';
import { CountCell, GaugeName, MetricName } from '../domain/metric-names';
import { queryCells } from './metric-counters';

/** The counts of some metrics, per unit, month and dimension. */
export interface CountRow {
  metric: MetricName;
  org_unit_code: string;
  month: number;
  dimension: string;
  n: string;
}

export interface GaugeRow {
  metric: GaugeName;
  org_unit_code: string;
  value: string;
  computed_at: Date;
}

/** null: every unit (the city); otherwise the units whose counts are summed (domain/metrics-scope.ts selectionUnits). */
type Units = string[] | null;

const unitFilter = (units: Units, param: number) => (units ? ` AND org_unit_code = ANY($${param})` : '');
const unitParams = (units: Units) => (units ? [units] : []);

/**
 * The read side of `metric_counts` and `metric_gauges` (a few hundred rows per year, never the cases), and the
 * rebuild's replacement of the kept cells. Every read for an answer takes the units its selection sums.
 */
@Injectable()
export class MetricCountsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  transaction<T>(work: (em: EntityManager) => Promise<T>): Promise<T> {
    return inTransaction(this.dataSource, work);
  }

  /** Filings per month of the years [fromYear, toYear). */
  filedByYearMonth(units: Units, fromYear: number, toYear: number): Promise<{ y: number; m: number; n: string }[]> {
    return this.dataSource.query<{ y: number; m: number; n: string }[]>(
      `SELECT extract(year FROM period)::int AS y, extract(month FROM period)::int AS m, sum(value)::bigint AS n
         FROM metric_counts WHERE metric = 'case.filed' AND dimension = '' AND period >= $1 AND period < $2${unitFilter(units, 3)}
        GROUP BY 1, 2`,
      [`${fromYear}-01-01`, `${toYear}-01-01`, ...unitParams(units)],
    );
  }

  /**
   * A year's filings already rolled up the three ways target-progress shows them (by month, by unit, by dimension)
   * in one statement: a few dozen rows instead of every unit × month × dimension cell.
   */
  filedRollups(units: Units, year: number) {
    return this.dataSource.query<
      { month: number | null; org_unit_code: string | null; dimension: string | null; n_all: string | null; n: string }[]
    >(
      `SELECT extract(month FROM period)::int AS month, org_unit_code, dimension,
              sum(value) FILTER (WHERE dimension = '')::bigint AS n_all, sum(value)::bigint AS n
         FROM metric_counts WHERE metric = 'case.filed' AND period >= $1 AND period <= $2${unitFilter(units, 3)}
        GROUP BY GROUPING SETS ((extract(month FROM period)), (org_unit_code), (dimension))`,
      [`${year}-01-01`, `${year}-12-01`, ...unitParams(units)],
    );
  }

  /** Sums of these metrics over [fromMonth, toMonth], per dimension. */
  sums(
    units: Units,
    metrics: string[],
    fromMonth: string,
    toMonth: string,
  ): Promise<{ metric: MetricName; dimension: string; n: string }[]> {
    return this.dataSource.query<{ metric: MetricName; dimension: string; n: string }[]>(
      `SELECT metric, dimension, sum(value)::bigint AS n FROM metric_counts
        WHERE metric = ANY($1) AND period >= $2 AND period <= $3${unitFilter(units, 4)} GROUP BY 1, 2`,
      [metrics, fromMonth, toMonth, ...unitParams(units)],
    );
  }

  /** The rolled-up gauges of the city ('' row) and of these units. */
  gauges(units: Units): Promise<GaugeRow[]> {
    return this.dataSource.query<GaugeRow[]>(
      `SELECT metric, org_unit_code, value, computed_at FROM metric_gauges WHERE org_unit_code = ANY($1)`,
      [['', ...(units ?? [])]],
    );
  }

  /** Every row of one gauge (the '' row: the city total). */
  gauge(metric: GaugeName): Promise<{ org_unit_code: string; value: string }[]> {
    return this.dataSource.query<{ org_unit_code: string; value: string }[]>(
      'SELECT org_unit_code, value FROM metric_gauges WHERE metric = $1',
      [metric],
    );
  }

  /** The counts of some metrics in one year through `throughMonth`, per unit, month and dimension. */
  yearCounts(units: Units, year: number, metrics: MetricName[], throughMonth = 12): Promise<CountRow[]> {
    return this.dataSource.query<CountRow[]>(
      `SELECT metric, org_unit_code, extract(month FROM period)::int AS month, dimension, sum(value)::bigint AS n
         FROM metric_counts WHERE metric = ANY($1) AND period >= $2 AND period <= $3${unitFilter(units, 4)}
        GROUP BY 1, 2, 3, 4`,
      [metrics, `${year}-01-01`, `${year}-${String(throughMonth).padStart(2, '0')}-01`, ...unitParams(units)],
    );
  }

  /** Cases filed in a year per unit (every unit: the Prometheus gauge). */
  filedPerUnit(year: number): Promise<{ org_unit_code: string; n: string }[]> {
    return this.dataSource.query<{ org_unit_code: string; n: string }[]>(
      `SELECT org_unit_code, sum(value)::bigint AS n FROM metric_counts
        WHERE metric = 'case.filed' AND dimension = '' AND period >= $1 AND period <= $2 GROUP BY 1`,
      [`${year}-01-01`, `${year}-12-01`],
    );
  }

  /** Seconds since the live states were rolled up (null before the first roll-up). */
  async rollupAgeSeconds(): Promise<number | null> {
    const [row] = await this.dataSource.query<{ age: number }[]>(
      `SELECT extract(epoch FROM now() - computed_at)::float8 AS age FROM metric_gauges WHERE metric = 'case.open_overdue' AND org_unit_code = ''`,
    );
    return row ? row.age : null;
  }

  /** The rebuild's lock: writers that counted are waited for, later ones wait for the rebuild. */
  async lockForRebuild(em: EntityManager): Promise<void> {
    await em.query('LOCK TABLE metric_counts IN SHARE ROW EXCLUSIVE MODE');
  }

  storedCells(em: EntityManager, metrics: readonly MetricName[]): Promise<CountCell[]> {
    return queryCells(
      em,
      'SELECT metric, org_unit_code, period, dimension, sum(value) AS value FROM metric_counts WHERE metric = ANY($1) GROUP BY 1, 2, 3, 4',
      [metrics],
    );
  }

  async deleteCells(em: EntityManager, metrics: readonly MetricName[]): Promise<void> {
    await em.query('DELETE FROM metric_counts WHERE metric = ANY($1)', [metrics]);
  }
}
