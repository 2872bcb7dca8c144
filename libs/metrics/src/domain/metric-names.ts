// The counters and gauges metrics are computed from (docs/product.md "Metrics"). Plain TypeScript, no framework.

/** Where a count comes from. A source is "live" once its library declares it (MetricSources.declare). */
export const METRIC_SOURCES = ['cases', 'hotline', 'credit', 'transfers'] as const;
export type MetricSource = (typeof METRIC_SOURCES)[number];

/**
 * Every counter kept in `metric_counts`, per org unit, month (Shanghai) and dimension. A library adds to them with
 * `MetricCounters.add(em, …)` inside its own business transaction.
 */
export const METRIC_NAMES = {
  // cases (libs/cases, counted by the metrics library's case listener)
  'case.received': 'cases',
  /** dimension '' (all), `type:<caseType>`, `ftz`, `ecommerce` */
  'case.filed': 'cases',
  'case.filing_decided': 'cases',
  'case.filing_decided_on_time': 'cases',
  'case.closed': 'cases',
  'case.closed_on_time': 'cases',
  /** histogram: dimension = whole calendar days from filing to closing */
  'case.days_to_close': 'cases',
  'case.paused_days': 'cases',
  'case.pauses': 'cases',
  'case.extensions_requested': 'cases',
  'case.extensions_approved': 'cases',
  'case.extension_days': 'cases',
  // hotline (12330 tickets): counted by libs/hotline in the ticket step's transaction (ticket-counts.ts)
  'hotline.first_responded': 'hotline',
  'hotline.first_response_on_time': 'hotline',
  'hotline.resolved': 'hotline',
  'hotline.resolved_on_time': 'hotline',
  'hotline.satisfaction_sum': 'hotline',
  'hotline.satisfaction_count': 'hotline',
  // credit publication: counted by libs/credit when a publication becomes `published` (credit-counts.ts)
  'credit.published': 'credit',
  'credit.published_on_time': 'credit',
  // cross-region transfers (a later capability): histogram, dimension = working days from delivery to the reply
  'transfer.reply_days': 'transfers',
} as const satisfies Record<string, MetricSource>;
export type MetricName = keyof typeof METRIC_NAMES;

export const metricSource = (m: MetricName): MetricSource => METRIC_NAMES[m];
export const metricsOf = (source: MetricSource): MetricName[] =>
  (Object.keys(METRIC_NAMES) as MetricName[]).filter((m) => METRIC_NAMES[m] === source);

/**
 * Live states that are not sums of events (a case is overdue today and not tomorrow): recomputed by a roll-up into
 * `metric_gauges` with the time they were computed, so answers can state their staleness.
 */
export const GAUGE_NAMES = {
  'case.open_overdue': 'cases',
  /** publications not yet published (pending, submitted, rejected, failed): registered by libs/credit with MetricsRollup.register */
  'credit.publication_backlog': 'credit',
} as const satisfies Record<string, MetricSource>;
export type GaugeName = keyof typeof GAUGE_NAMES;

/** One change to one counter: `value` is added to the (metric, unit, month of `on`, dimension) cell. */
export interface CountDelta {
  metric: MetricName;
  orgUnitCode: string;
  /** the Shanghai calendar date the counted thing happened on; the cell is its month */
  on: string;
  dimension?: string;
  value: number;
}

/** A stored cell: `period` is the first day of the month (Shanghai). */
export interface CountCell {
  metric: MetricName;
  orgUnitCode: string;
  period: string;
  dimension: string;
  value: number;
}

/** The first day of the Shanghai month a calendar date falls in. */
export function monthStart(date: string): string {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) throw new RangeError(`not a calendar date: ${date}`);
  return `${date.slice(0, 7)}-01`;
}

export const cellKey = (c: Pick<CountCell, 'metric' | 'orgUnitCode' | 'period' | 'dimension'>): string =>
  `${c.metric}|${c.orgUnitCode}|${c.period}|${c.dimension}`;

/** Folds deltas into cells (one per key, zero sums dropped), sorted by key so concurrent writers lock in one order. */
export function foldDeltas(deltas: readonly CountDelta[]): CountCell[] {
  const cells = new Map<string, CountCell>();
  for (const d of deltas) {
    if (!Number.isSafeInteger(d.value)) throw new RangeError(`count delta for ${d.metric} must be an integer, got ${d.value}`);
    const cell = { metric: d.metric, orgUnitCode: d.orgUnitCode, period: monthStart(d.on), dimension: d.dimension ?? '', value: 0 };
    const key = cellKey(cell);
    const existing = cells.get(key) ?? cell;
    existing.value += d.value;
    cells.set(key, existing);
  }
  return [...cells.entries()]
    .filter(([, c]) => c.value !== 0)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([, c]) => c);
}
