import { Inject, Injectable, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { APP_CONFIG, AppConfig, Clock, IntervalLoop, shanghaiDate } from '@app/kernel';
import { DataSource, EntityManager } from 'typeorm';
import { closingDueInForceSql, FILED_OPEN_STATUSES_EXCLUDED_SQL } from '@app/cases';
import { GaugeName } from './domain/metric-names';
import { MetricGauges } from './metric-counters';

/** Computes one live state per org unit (units without a row count 0), inside the roll-up's transaction. */
export type GaugeComputation = (em: EntityManager, now: Date) => Promise<ReadonlyMap<string, number>>;

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

/**
 * Recomputes the live metric states; one replica at a time (transaction-level advisory lock), idempotent. Open overdue
 * cases are computed here; another library adds its own live state with `register` in its onModuleInit (libs/credit:
 * the publication backlog), so every state is rolled up in the same run and carries the same time.
 */
@Injectable()
export class MetricsRollup {
  private readonly computations = new Map<GaugeName, GaugeComputation>();

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly gauges: MetricGauges,
    private readonly clock: Clock,
  ) {}

  register(metric: GaugeName, compute: GaugeComputation): void {
    if (metric === 'case.open_overdue' || this.computations.has(metric)) throw new Error(`gauge ${metric} registered twice`);
    this.computations.set(metric, compute);
  }

  /** Returns false when another replica was rolling up at the same moment. */
  async run(): Promise<boolean> {
    return this.dataSource.transaction(async (em) => {
      const [{ locked }] = await em.query<{ locked: boolean }[]>(
        "SELECT pg_try_advisory_xact_lock(hashtext('ped.metrics.rollup')) AS locked",
      );
      if (!locked) return false;
      const now = this.clock.now();
      const rows = await em.query<{ org_unit_code: string; n: string }[]>(OPEN_OVERDUE_SQL, [shanghaiDate(now)]);
      await this.gauges.replace(em, 'case.open_overdue', new Map(rows.map((r) => [r.org_unit_code, Number(r.n)])), now);
      for (const [metric, compute] of this.computations) await this.gauges.replace(em, metric, await compute(em, now), now);
      return true;
    });
  }
}

/** The roll-up every METRICS_ROLLUP_INTERVAL_MS in worker processes: the staleness bound of `open_overdue`. */
@Injectable()
export class MetricsRollupTask implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly loop: IntervalLoop;

  constructor(rollup: MetricsRollup, @Inject(APP_CONFIG) config: AppConfig) {
    this.loop = new IntervalLoop(MetricsRollupTask.name, config.metricsRollupIntervalMs, async () => {
      await rollup.run();
    });
  }

  onApplicationBootstrap(): void {
    this.loop.start(5_000);
  }

  onApplicationShutdown(): Promise<void> {
    return this.loop.stop();
  }
}
