import { Injectable, Logger } from '@nestjs/common';
import { cellKey, CountCell, MetricName, metricsOf } from './domain/metric-names';
import { MetricCounters } from './persistence/metric-counters';
import { MetricCountsRepository } from './persistence/metric-counts.repository';
import { MetricSources } from './metric-sources';

export interface MetricDrift {
  metric: MetricName;
  /** sum of the metric's cells as recomputed from the source tables */
  expected: number;
  /** sum of the metric's cells as kept */
  actual: number;
  /** cells whose kept value differs from the recomputed one */
  cellsDiffering: number;
  /** Σ |kept − recomputed| over the cells */
  drift: number;
}

export interface RebuildReport {
  dryRun: boolean;
  sources: string[];
  metrics: MetricDrift[];
  totalDrift: number;
}

/**
 * `npm run cli -- metrics:rebuild [--dry-run]`: recomputes every declared source's counters from its tables, reports
 * the drift per metric, and (unless a dry run) replaces the kept cells with the recomputed ones.
 *
 * It holds `metric_counts` in SHARE ROW EXCLUSIVE mode for the whole transaction: a business transaction that already
 * counted is waited for (and its change is then seen by the recomputation); one that has not counted yet waits at its
 * count until the rebuild commits and then adds to the rebuilt cells. Either way nothing is lost or doubled; counted
 * writes pause for the rebuild's duration (seconds at a million cases).
 */
@Injectable()
export class MetricsRebuildService {
  private readonly logger = new Logger(MetricsRebuildService.name);

  constructor(
    private readonly counts: MetricCountsRepository,
    private readonly sources: MetricSources,
    private readonly counters: MetricCounters,
  ) {}

  async rebuild(opts: { dryRun: boolean }): Promise<RebuildReport> {
    return this.counts.transaction(async (em) => {
      await this.counts.lockForRebuild(em);
      const report: RebuildReport = { dryRun: opts.dryRun, sources: [], metrics: [], totalDrift: 0 };
      for (const source of this.sources.all()) {
        const metrics = metricsOf(source.source);
        const expected = await source.recompute(em);
        const stored = await this.counts.storedCells(em, metrics);
        report.sources.push(source.source);
        report.metrics.push(...compare(metrics, expected, stored));
        if (!opts.dryRun) {
          await this.counts.deleteCells(em, metrics);
          await this.counters.addCells(
            em,
            expected.filter((c) => c.value !== 0),
          );
        }
      }
      report.totalDrift = report.metrics.reduce((s, m) => s + m.drift, 0);
      this.logger.log({ dryRun: opts.dryRun, totalDrift: report.totalDrift }, 'metric counts rebuilt');
      return report;
    });
  }
}

/** Drift per metric between recomputed and kept cells (a missing cell counts as zero). */
export function compare(metrics: readonly MetricName[], expected: readonly CountCell[], stored: readonly CountCell[]): MetricDrift[] {
  const byMetric = new Map<MetricName, MetricDrift>(
    metrics.map((m) => [m, { metric: m, expected: 0, actual: 0, cellsDiffering: 0, drift: 0 }]),
  );
  const cells = new Map<string, { metric: MetricName; expected: number; actual: number }>();
  for (const c of expected) {
    const k = cellKey(c);
    cells.set(k, { metric: c.metric, expected: (cells.get(k)?.expected ?? 0) + c.value, actual: 0 });
  }
  for (const c of stored) {
    const k = cellKey(c);
    const cell = cells.get(k) ?? { metric: c.metric, expected: 0, actual: 0 };
    cell.actual += c.value;
    cells.set(k, cell);
  }
  for (const cell of cells.values()) {
    const m = byMetric.get(cell.metric);
    if (!m) continue;
    m.expected += cell.expected;
    m.actual += cell.actual;
    if (cell.expected !== cell.actual) {
      m.cellsDiffering++;
      m.drift += Math.abs(cell.expected - cell.actual);
    }
  }
  return [...byMetric.values()];
}
