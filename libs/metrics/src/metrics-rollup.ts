import { Inject, Injectable, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { APP_CONFIG, AppConfig, Clock, IntervalLoop, shanghaiDate } from '@app/kernel';
import { EntityManager } from 'typeorm';
import { GaugeName } from './domain/metric-names';
import { MetricGauges } from './persistence/metric-counters';
import { MetricsRollupRepository } from './persistence/metrics-rollup.repository';

/** Computes one live state per org unit (units without a row count 0), inside the roll-up's transaction. */
export type GaugeComputation = (em: EntityManager, now: Date) => Promise<ReadonlyMap<string, number>>;

/**
 * Recomputes the live metric states; one replica at a time (transaction-level advisory lock), idempotent. Open overdue
 * cases are computed here; another library adds its own live state with `register` in its onModuleInit (libs/credit:
 * the publication backlog), so every state is rolled up in the same run and carries the same time.
 */
@Injectable()
export class MetricsRollup {
  private readonly computations = new Map<GaugeName, GaugeComputation>();

  constructor(
    private readonly repo: MetricsRollupRepository,
    private readonly gauges: MetricGauges,
    private readonly clock: Clock,
  ) {}

  register(metric: GaugeName, compute: GaugeComputation): void {
    if (metric === 'case.open_overdue' || this.computations.has(metric)) throw new Error(`gauge ${metric} registered twice`);
    this.computations.set(metric, compute);
  }

  /** Returns false when another replica was rolling up at the same moment. */
  async run(): Promise<boolean> {
    return this.repo.transaction(async (em) => {
      if (!(await this.repo.tryRollupLock(em))) return false;
      const now = this.clock.now();
      await this.gauges.replace(em, 'case.open_overdue', await this.repo.openOverdueByUnit(em, shanghaiDate(now)), now);
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
