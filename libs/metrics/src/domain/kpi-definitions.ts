import type { GaugeName, MetricName, MetricSource } from './metric-names';

/** What a KPI reads: counters summed over the chosen months and units, histograms, and rolled-up gauges. */
export interface CounterView {
  sum(metric: MetricName): number;
  /** value (e.g. days) → how many */
  histogram(metric: MetricName): ReadonlyMap<number, number>;
  /** null when never rolled up */
  gauge(metric: GaugeName): number | null;
}

export type KpiUnit = 'ratio' | 'days' | 'count' | 'score';

export interface KpiDefinition {
  label: string;
  unit: KpiUnit;
  source: MetricSource;
  /** how the figure is defined, in words (returned with it) */
  definition: string;
  value(c: CounterView): number | null;
  detail?(c: CounterView): Record<string, number | null>;
}

/** numerator / denominator, 4 decimals; null when nothing was counted. */
export function ratio(numerator: number, denominator: number): number | null {
  return denominator > 0 ? Math.round((numerator / denominator) * 10_000) / 10_000 : null;
}

/**
 * Nearest-rank percentile of a histogram: the smallest value v such that at least ⌈p·N⌉ counted items are ≤ v.
 * So the median of {1, 2, 3, 4} is 2 and its p90 is 4. Null for an empty histogram.
 */
export function histogramPercentile(hist: ReadonlyMap<number, number>, p: number): number | null {
  if (!(p > 0 && p <= 1)) throw new RangeError(`percentile must be in (0, 1], got ${p}`);
  const entries = [...hist.entries()].filter(([, n]) => n > 0).sort(([a], [b]) => a - b);
  const total = entries.reduce((s, [, n]) => s + n, 0);
  if (total === 0) return null;
  const rank = Math.ceil(p * total);
  let seen = 0;
  for (const [v, n] of entries) {
    seen += n;
    if (seen >= rank) return v;
  }
  return entries[entries.length - 1][0];
}

const mean = (sum: number, count: number): number | null => (count > 0 ? Math.round((sum / count) * 100) / 100 : null);

/**
 * Every KPI of GET /metrics/kpis, defined once (docs/product.md "Metrics"). A KPI whose source library has not
 * declared its counts is answered `{ value: null, available: false }`, never with invented data.
 */
export const KPI_DEFINITIONS = {
  filing_decisions_on_time: {
    label: '立案决定按期率',
    unit: 'ratio',
    source: 'cases',
    definition:
      'filing decisions (file or decline) taken on or before the filing-decision deadline / all filing decisions, by decision date',
    value: (c) => ratio(c.sum('case.filing_decided_on_time'), c.sum('case.filing_decided')),
    detail: (c) => ({ onTime: c.sum('case.filing_decided_on_time'), decided: c.sum('case.filing_decided') }),
  },
  closed_on_time: {
    label: '按期结案率',
    unit: 'ratio',
    source: 'cases',
    definition:
      'filed cases closed (close, mediate, refer, withdraw) on or before the closing deadline incl. approved extensions and paused time / all filed cases closed, by closing date',
    value: (c) => ratio(c.sum('case.closed_on_time'), c.sum('case.closed')),
    detail: (c) => ({ onTime: c.sum('case.closed_on_time'), closed: c.sum('case.closed') }),
  },
  median_days_to_close: {
    label: '结案天数中位数',
    unit: 'days',
    source: 'cases',
    definition: 'median (nearest rank) of calendar days from filing to closing of the filed cases closed in the period',
    value: (c) => histogramPercentile(c.histogram('case.days_to_close'), 0.5),
  },
  p90_days_to_close: {
    label: '结案天数P90',
    unit: 'days',
    source: 'cases',
    definition: '90th percentile (nearest rank) of calendar days from filing to closing of the filed cases closed in the period',
    value: (c) => histogramPercentile(c.histogram('case.days_to_close'), 0.9),
  },
  open_overdue: {
    label: '超期未结案件',
    unit: 'count',
    source: 'cases',
    definition:
      'open cases, not suspended, past their current deadline (filing decision while received, closing with extensions once filed), as of the last roll-up',
    value: (c) => c.gauge('case.open_overdue'),
  },
  paused_days: {
    label: '中止天数',
    unit: 'days',
    source: 'cases',
    definition: 'calendar days of suspension ended (resumed) in the period; detail: how many pauses ended and their mean',
    value: (c) => c.sum('case.paused_days'),
    detail: (c) => ({ pauses: c.sum('case.pauses'), meanDays: mean(c.sum('case.paused_days'), c.sum('case.pauses')) }),
  },
  extensions_used: {
    label: '延长审限次数',
    unit: 'count',
    source: 'cases',
    definition: 'extensions approved in the period; detail: days granted and extensions requested',
    value: (c) => c.sum('case.extensions_approved'),
    detail: (c) => ({ daysGranted: c.sum('case.extension_days'), requested: c.sum('case.extensions_requested') }),
  },
  hotline_first_response_on_time: {
    label: '12330首次响应按期率',
    unit: 'ratio',
    source: 'hotline',
    definition:
      'tickets first answered (the first respond, forward or convert) on or before their first-response due date / tickets first answered, by answer date; each ticket once',
    value: (c) => ratio(c.sum('hotline.first_response_on_time'), c.sum('hotline.first_responded')),
    detail: (c) => ({ onTime: c.sum('hotline.first_response_on_time'), responded: c.sum('hotline.first_responded') }),
  },
  hotline_resolved_on_time: {
    label: '12330办结按期率',
    unit: 'ratio',
    source: 'hotline',
    definition:
      'tickets resolved (closed after an answer, forwarded, or converted into a case) on or before their resolution due date / tickets resolved, by resolution date; each ticket once, at its first resolution (a reopened ticket is not counted again)',
    value: (c) => ratio(c.sum('hotline.resolved_on_time'), c.sum('hotline.resolved')),
    detail: (c) => ({ onTime: c.sum('hotline.resolved_on_time'), resolved: c.sum('hotline.resolved') }),
  },
  hotline_satisfaction: {
    label: '12330满意度',
    unit: 'score',
    source: 'hotline',
    definition: 'mean satisfaction score (1–5) of the callbacks recorded in the period, by callback date (every callback, one per round)',
    value: (c) => mean(c.sum('hotline.satisfaction_sum'), c.sum('hotline.satisfaction_count')),
    detail: (c) => ({ callbacks: c.sum('hotline.satisfaction_count') }),
  },
  credit_published_on_time: {
    label: '信用公示按期率',
    unit: 'ratio',
    source: 'credit',
    definition:
      'penalty publications published on the platform on or before their due date (7 working days after the decision) / publications published, by publication date (Shanghai)',
    value: (c) => ratio(c.sum('credit.published_on_time'), c.sum('credit.published')),
    detail: (c) => ({ onTime: c.sum('credit.published_on_time'), published: c.sum('credit.published') }),
  },
  credit_publication_backlog: {
    label: '待公示信用信息',
    unit: 'count',
    source: 'credit',
    definition: 'penalty publications not yet on the platform (pending, submitted, rejected, failed), as of the last roll-up',
    value: (c) => c.gauge('credit.publication_backlog'),
  },
  transfer_median_reply_days: {
    label: '移送回复天数中位数',
    unit: 'days',
    source: 'transfers',
    definition: 'median (nearest rank) working days from delivery of an outbound transfer to the partner’s reply, by reply date',
    value: (c) => histogramPercentile(c.histogram('transfer.reply_days'), 0.5),
  },
} as const satisfies Record<string, KpiDefinition>;
export type KpiKey = keyof typeof KPI_DEFINITIONS;
export const KPI_KEYS = Object.keys(KPI_DEFINITIONS) as KpiKey[];
