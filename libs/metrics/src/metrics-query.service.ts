import { Injectable } from '@nestjs/common';
import { StatutoryCalendar } from '@app/calendar';
import { CASE_TYPES, CaseType } from '@app/cases';
import { AuthUser, Clock, DomainError, shanghaiDate } from '@app/kernel';
import { addMonths } from '@app/kernel/calendar';
import { CounterView, KPI_DEFINITIONS, KPI_KEYS, KpiKey, KpiUnit } from './domain/kpi-definitions';
import { GaugeName, METRIC_NAMES, MetricName, MetricSource } from './domain/metric-names';
import { ExpectationModel, ProgressResult, SEASONAL_LOOKBACK_YEARS, targetProgress } from './domain/target-progress';
import { MetricSources } from './metric-sources';
import { MetricsScope, MetricsSelection } from './metrics-scope';
import { CountRow, MetricCountsRepository } from './persistence/metric-counts.repository';
import { TargetsRepository } from './persistence/targets.repository';

/** GET /metrics/target-progress: the domain's progress (without its internals) plus what it is about and the breakdowns. */
export type TargetProgressResponse = Omit<ProgressResult, 'model' | 'elapsedShare'> & {
  year: number;
  orgUnitCode: string;
  orgUnitName: string;
  /** the Shanghai date the expectation is computed at */
  asOf: string;
  target: number | null;
  expectation: ExpectationModel;
  byOrgUnit: { code: string; name: string; target: number | null; filed: number }[];
  byType: Record<CaseType, number>;
  ftz: { filed: number; share: number | null };
  ecommerce: { filed: number; share: number | null };
};

export interface KpiValue {
  key: KpiKey;
  label: string;
  unit: KpiUnit;
  source: MetricSource;
  /** false: the source library keeps no counts yet (value is then null) */
  available: boolean;
  value: number | null;
  detail?: Record<string, number | null>;
  definition: string;
}

export interface KpisResponse {
  orgUnitCode: string;
  from: string;
  to: string;
  /** counts are kept per month: the months summed */
  months: { from: string; to: string };
  kpis: KpiValue[];
  /** when the live states (open_overdue) were last rolled up; null: never */
  liveStatesAsOf: string | null;
}

const share = (part: number, all: number) => (all > 0 ? Math.round((part / all) * 10_000) / 10_000 : null);

/**
 * The read side: every answer comes from `metric_counts` (a few hundred rows per year), `metric_gauges` and
 * `metric_targets`, never from scanning cases.
 */
@Injectable()
export class MetricsQueryService {
  constructor(
    private readonly counts: MetricCountsRepository,
    private readonly targets: TargetsRepository,
    private readonly scope: MetricsScope,
    private readonly sources: MetricSources,
    private readonly calendar: StatutoryCalendar,
    private readonly clock: Clock,
  ) {}

  today(): string {
    return shanghaiDate(this.clock.now());
  }

  async targetProgress(user: AuthUser, q: { year?: number; orgUnitCode?: string }): Promise<TargetProgressResponse> {
    const sel = await this.scope.resolve(user, q.orgUnitCode);
    const today = this.today();
    const year = q.year ?? Number(today.slice(0, 4));
    const [rows, past, targets, units] = await Promise.all([
      this.counts.filedRollups(sel.units, year),
      this.counts.filedByYearMonth(sel.units, year - SEASONAL_LOOKBACK_YEARS, year),
      this.targets.current(year),
      this.scope.unitsOf(sel),
    ]);
    const filedByMonth = Array<number>(12).fill(0);
    const byUnit = new Map<string, number>();
    const byDim = new Map<string, number>();
    for (const r of rows) {
      if (r.month !== null) filedByMonth[r.month - 1] = Number(r.n_all ?? 0);
      else if (r.org_unit_code !== null) byUnit.set(r.org_unit_code, Number(r.n_all ?? 0));
      else if (r.dimension) byDim.set(r.dimension, Number(r.n));
    }
    const pastYears = new Map<number, number[]>();
    for (const r of past) {
      const months = pastYears.get(r.y) ?? Array<number>(12).fill(0);
      months[r.m - 1] += Number(r.n);
      pastYears.set(r.y, months);
    }
    const target = targets.get(sel.code) ?? null;
    const p = targetProgress({ year, today, target, filedByMonth, pastYears: [...pastYears.values()], calendar: this.calendar.current });
    const byType = Object.fromEntries(CASE_TYPES.map((t) => [t, byDim.get(`type:${t}`) ?? 0])) as Record<CaseType, number>;
    const ftz = byDim.get('ftz') ?? 0;
    const ecommerce = byDim.get('ecommerce') ?? 0;
    return {
      year,
      orgUnitCode: sel.code,
      orgUnitName: sel.name,
      asOf: today,
      target,
      filed: p.filed,
      remaining: p.remaining,
      expectedToDate: p.expectedToDate,
      pace: p.pace,
      projectedYearEnd: p.projectedYearEnd,
      projectedInterval: p.projectedInterval,
      onTrack: p.onTrack,
      byMonth: p.byMonth,
      expectation: p.model,
      // the city's own row shows no target: the bureau's target is the whole city's, shown above
      byOrgUnit: units.map((u) => ({
        code: u.code,
        name: u.name,
        target: sel.units === null && u.code === sel.code ? null : (targets.get(u.code) ?? null),
        filed: byUnit.get(u.code) ?? 0,
      })),
      byType,
      ftz: { filed: ftz, share: share(ftz, p.filed) },
      ecommerce: { filed: ecommerce, share: share(ecommerce, p.filed) },
    };
  }

  async kpis(user: AuthUser, q: { from?: string; to?: string; orgUnitCode?: string }): Promise<KpisResponse> {
    const sel = await this.scope.resolve(user, q.orgUnitCode);
    const today = this.today();
    const from = q.from ?? `${today.slice(0, 4)}-01-01`;
    const to = q.to ?? today;
    if (to < from) throw DomainError.validation('to', 'must not be before from');
    if (addMonths(from, 120) < to) throw DomainError.validation('to', 'the period is at most 10 years');
    const view = await this.counterView(sel, `${from.slice(0, 7)}-01`, `${to.slice(0, 7)}-01`);
    const kpis = KPI_KEYS.map((key): KpiValue => {
      const d: (typeof KPI_DEFINITIONS)[KpiKey] = KPI_DEFINITIONS[key];
      const available = this.sources.isLive(d.source);
      const detail = available && 'detail' in d ? d.detail(view.counters) : undefined;
      return {
        key,
        label: d.label,
        unit: d.unit,
        source: d.source,
        available,
        value: available ? d.value(view.counters) : null,
        ...(detail ? { detail } : {}),
        definition: d.definition,
      };
    });
    return {
      orgUnitCode: sel.code,
      from,
      to,
      months: { from: from.slice(0, 7), to: to.slice(0, 7) },
      kpis,
      liveStatesAsOf: view.liveStatesAsOf,
    };
  }

  /** Sums of the counters over [fromMonth, toMonth] for the selection, histograms, and the rolled-up gauges. */
  async counterView(
    sel: MetricsSelection,
    fromMonth: string,
    toMonth: string,
  ): Promise<{ counters: CounterView; liveStatesAsOf: string | null }> {
    const metrics = Object.keys(METRIC_NAMES);
    const [rows, gauges] = await Promise.all([this.counts.sums(sel.units, metrics, fromMonth, toMonth), this.counts.gauges(sel.units)]);
    const sums = new Map<MetricName, number>();
    const hists = new Map<MetricName, Map<number, number>>();
    for (const r of rows) {
      if (r.dimension === '') sums.set(r.metric, Number(r.n));
      else if (/^\d+$/.test(r.dimension)) {
        const h = hists.get(r.metric) ?? new Map<number, number>();
        h.set(Number(r.dimension), Number(r.n));
        hists.set(r.metric, h);
      }
    }
    const gaugeValue = (g: GaugeName): number | null => {
      const rolled = gauges.find((x) => x.metric === g && x.org_unit_code === '');
      if (!rolled) return null;
      if (!sel.units) return Number(rolled.value);
      return gauges.filter((x) => x.metric === g && sel.units!.includes(x.org_unit_code)).reduce((s, x) => s + Number(x.value), 0);
    };
    const asOf = gauges.find((x) => x.metric === 'case.open_overdue' && x.org_unit_code === '')?.computed_at ?? null;
    return {
      counters: { sum: (m) => sums.get(m) ?? 0, histogram: (m) => hists.get(m) ?? new Map(), gauge: gaugeValue },
      liveStatesAsOf: asOf ? new Date(asOf).toISOString() : null,
    };
  }

  /** The counts of some metrics in one year, per unit, month and dimension. */
  async yearCounts(sel: MetricsSelection, year: number, metrics: MetricName[], throughMonth = 12): Promise<CountRow[]> {
    return this.counts.yearCounts(sel.units, year, metrics, throughMonth);
  }
}
