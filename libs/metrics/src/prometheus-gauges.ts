import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Clock, metricsRegistry, shanghaiDate } from '@app/kernel';
import { Gauge } from 'prom-client';
import { DataSource } from 'typeorm';

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
  constructor(@InjectDataSource() dataSource: DataSource, clock: Clock) {
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
        const rows = await dataSource.query<{ org_unit_code: string; target: number }[]>(
          'SELECT DISTINCT ON (org_unit_code) org_unit_code, target FROM metric_targets WHERE year = $1 ORDER BY org_unit_code, id DESC',
          [y],
        );
        for (const r of rows) g.set({ year: String(y), org_unit: r.org_unit_code }, r.target);
      },
    );
    gauge('ped_filed_cases', 'Cases filed (立案) this year per org unit', ['year', 'org_unit'], async (g) => {
      const y = year();
      const rows = await dataSource.query<{ org_unit_code: string; n: string }[]>(
        `SELECT org_unit_code, sum(value)::bigint AS n FROM metric_counts
          WHERE metric = 'case.filed' AND dimension = '' AND period >= $1 AND period <= $2 GROUP BY 1`,
        [`${y}-01-01`, `${y}-12-01`],
      );
      for (const r of rows) g.set({ year: String(y), org_unit: r.org_unit_code }, Number(r.n));
    });
    const liveGauge = (name: string, help: string, metric: string) =>
      gauge(name, help, ['org_unit'], async (g) => {
        const rows = await dataSource.query<{ org_unit_code: string; value: string }[]>(
          'SELECT org_unit_code, value FROM metric_gauges WHERE metric = $1',
          [metric],
        );
        for (const r of rows) g.set({ org_unit: r.org_unit_code || 'all' }, Number(r.value));
      });
    liveGauge('ped_open_overdue_cases', 'Open cases past their deadline, as of the last metrics roll-up', 'case.open_overdue');
    liveGauge(
      'ped_credit_publication_backlog',
      'Credit publications not yet published (pending, submitted, rejected, failed), as of the last metrics roll-up',
      'credit.publication_backlog',
    );
    gauge('ped_metrics_rollup_age_seconds', 'Seconds since the live metric states were rolled up', [], async (g) => {
      const [row] = await dataSource.query<{ age: number }[]>(
        `SELECT extract(epoch FROM now() - computed_at)::float8 AS age FROM metric_gauges WHERE metric = 'case.open_overdue' AND org_unit_code = ''`,
      );
      if (row) g.set(row.age);
    });
  }
}
