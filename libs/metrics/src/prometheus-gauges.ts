import { Injectable } from '@nestjs/common';
import { Clock, metricsRegistry, shanghaiDate } from '@app/kernel';
import { Gauge } from 'prom-client';
import { GaugeName } from './domain/metric-names';
import { MetricCountsRepository } from './persistence/metric-counts.repository';
import { TargetsRepository } from './persistence/targets.repository';

/**
 * The headline figures on GET /metrics (Prometheus), for an operations dashboard (docker/grafana-dashboard.json).
 * Each scrape reads the counts (a few hundred rows), never the cases. Labels: org_unit (and year).
 *   ped_target_cases{year,org_unit}            the current year's target per unit (the bureau's = the city's)
 *   ped_filed_cases{year,org_unit}             cases filed this year per unit (its own cases)
 *   ped_open_overdue_cases{org_unit}           open overdue cases per unit, as of the last roll-up (org_unit="all": city)
 *   ped_credit_publication_backlog{org_unit}   credit publications not yet published, per unit (org_unit="all": city), as of the last roll-up
 *   ped_metrics_rollup_age_seconds             age of the last roll-up of the live states
 */
@Injectable()
export class MetricsPrometheusGauges {
  constructor(counts: MetricCountsRepository, targets: TargetsRepository, clock: Clock) {
    const year = () => Number(shanghaiDate(clock.now()).slice(0, 4));
    const gauge = (name: string, help: string, labelNames: string[], collect: (g: Gauge) => Promise<void>) => {
      // a process may build several apps (tests): the newest app's data source answers
      metricsRegistry.removeSingleMetric(name);
      new Gauge({
        name,
        help,
        labelNames,
        registers: [metricsRegistry],
        async collect() {
          this.reset();
          await collect(this);
        },
      });
    };
    gauge(
      'ped_target_cases',
      'Annual target of filed cases per org unit (current year; the bureau target is the city target)',
      ['year', 'org_unit'],
      async (g) => {
        const y = year();
        for (const [unit, target] of await targets.current(y)) g.set({ year: String(y), org_unit: unit }, target);
      },
    );
    gauge('ped_filed_cases', 'Cases filed (立案) this year per org unit', ['year', 'org_unit'], async (g) => {
      const y = year();
      const rows = await counts.filedPerUnit(y);
      for (const r of rows) g.set({ year: String(y), org_unit: r.org_unit_code }, Number(r.n));
    });
    const liveGauge = (name: string, help: string, metric: GaugeName) =>
      gauge(name, help, ['org_unit'], async (g) => {
        const rows = await counts.gauge(metric);
        for (const r of rows) g.set({ org_unit: r.org_unit_code || 'all' }, Number(r.value));
      });
    liveGauge('ped_open_overdue_cases', 'Open cases past their deadline, as of the last metrics roll-up', 'case.open_overdue');
    liveGauge(
      'ped_credit_publication_backlog',
      'Credit publications not yet published (pending, submitted, rejected, failed), as of the last metrics roll-up',
      'credit.publication_backlog',
    );
    gauge('ped_metrics_rollup_age_seconds', 'Seconds since the live metric states were rolled up', [], async (g) => {
      const age = await counts.rollupAgeSeconds();
      if (age !== null) g.set(age);
    });
  }
}
