import { CounterView, histogramPercentile, KPI_DEFINITIONS, KPI_KEYS, ratio } from './kpi-definitions';
import type { GaugeName, MetricName } from './metric-names';

/** A counter view over fixed sums, histograms and gauges. */
function view(
  sums: Partial<Record<MetricName, number>>,
  hists: Partial<Record<MetricName, [number, number][]>> = {},
  gauges: Partial<Record<GaugeName, number>> = {},
): CounterView {
  return {
    sum: (m) => sums[m] ?? 0,
    histogram: (m) => new Map(hists[m] ?? []),
    gauge: (g) => gauges[g] ?? null,
  };
}

describe('KPI definitions', () => {
  it('ratio: 4 decimals, null without a denominator', () => {
    expect(ratio(2, 3)).toBe(0.6667);
    expect(ratio(0, 0)).toBeNull();
  });

  it('histogramPercentile: nearest rank', () => {
    const h = new Map([
      [1, 1],
      [2, 1],
      [3, 1],
      [4, 1],
    ]);
    expect(histogramPercentile(h, 0.5)).toBe(2);
    expect(histogramPercentile(h, 0.9)).toBe(4);
    expect(
      histogramPercentile(
        new Map([
          [30, 9],
          [200, 1],
        ]),
        0.9,
      ),
    ).toBe(30);
    expect(
      histogramPercentile(
        new Map([
          [30, 9],
          [200, 1],
        ]),
        0.91,
      ),
    ).toBe(200);
    expect(histogramPercentile(new Map(), 0.5)).toBeNull();
    expect(() => histogramPercentile(h, 0)).toThrow(RangeError);
  });

  it('filing_decisions_on_time = on-time decisions / decisions', () => {
    const v = view({ 'case.filing_decided': 8, 'case.filing_decided_on_time': 6 });
    expect(KPI_DEFINITIONS.filing_decisions_on_time.value(v)).toBe(0.75);
    expect(KPI_DEFINITIONS.filing_decisions_on_time.detail(v)).toEqual({ onTime: 6, decided: 8 });
    expect(KPI_DEFINITIONS.filing_decisions_on_time.value(view({}))).toBeNull();
  });

  it('closed_on_time = closed on time / closed', () => {
    expect(KPI_DEFINITIONS.closed_on_time.value(view({ 'case.closed': 4, 'case.closed_on_time': 1 }))).toBe(0.25);
    expect(KPI_DEFINITIONS.closed_on_time.value(view({ 'case.closed_on_time': 0 }))).toBeNull();
  });

  it('median and p90 days to close come from the days-to-close histogram', () => {
    // 10 cases: 5 closed in 20 days, 3 in 40, 1 in 80, 1 in 150
    const v = view(
      {},
      {
        'case.days_to_close': [
          [40, 3],
          [20, 5],
          [150, 1],
          [80, 1],
        ],
      },
    );
    expect(KPI_DEFINITIONS.median_days_to_close.value(v)).toBe(20);
    expect(KPI_DEFINITIONS.p90_days_to_close.value(v)).toBe(80);
    // other histograms do not leak in
    expect(KPI_DEFINITIONS.median_days_to_close.value(view({}, { 'transfer.reply_days': [[3, 1]] }))).toBeNull();
  });

  it('open_overdue is the rolled-up gauge (null before the first roll-up)', () => {
    expect(KPI_DEFINITIONS.open_overdue.value(view({}, {}, { 'case.open_overdue': 7 }))).toBe(7);
    expect(KPI_DEFINITIONS.open_overdue.value(view({}))).toBeNull();
  });

  it('paused_days sums the suspension days ended in the period, with the number of pauses and their mean', () => {
    const v = view({ 'case.paused_days': 45, 'case.pauses': 4 });
    expect(KPI_DEFINITIONS.paused_days.value(v)).toBe(45);
    expect(KPI_DEFINITIONS.paused_days.detail(v)).toEqual({ pauses: 4, meanDays: 11.25 });
    expect(KPI_DEFINITIONS.paused_days.detail(view({}))).toEqual({ pauses: 0, meanDays: null });
  });

  it('extensions_used counts approved extensions, with days granted and requests', () => {
    const v = view({ 'case.extensions_approved': 2, 'case.extension_days': 45, 'case.extensions_requested': 3 });
    expect(KPI_DEFINITIONS.extensions_used.value(v)).toBe(2);
    expect(KPI_DEFINITIONS.extensions_used.detail(v)).toEqual({ daysGranted: 45, requested: 3 });
  });

  it('hotline first response on time = tickets first answered on time / tickets first answered', () => {
    const v = view({ 'hotline.first_responded': 10, 'hotline.first_response_on_time': 9 });
    expect(KPI_DEFINITIONS.hotline_first_response_on_time.value(v)).toBe(0.9);
    expect(KPI_DEFINITIONS.hotline_first_response_on_time.detail(v)).toEqual({ onTime: 9, responded: 10 });
    expect(KPI_DEFINITIONS.hotline_first_response_on_time.value(view({ 'hotline.resolved': 3 }))).toBeNull();
  });

  it('hotline resolution on time = tickets resolved on time / tickets resolved', () => {
    const v = view({ 'hotline.resolved': 5, 'hotline.resolved_on_time': 4, 'hotline.first_responded': 9 });
    expect(KPI_DEFINITIONS.hotline_resolved_on_time.value(v)).toBe(0.8);
    expect(KPI_DEFINITIONS.hotline_resolved_on_time.detail(v)).toEqual({ onTime: 4, resolved: 5 });
    expect(KPI_DEFINITIONS.hotline_resolved_on_time.value(view({}))).toBeNull();
  });

  it('hotline satisfaction is the mean score, 2 decimals, with the number of callbacks', () => {
    const v = view({ 'hotline.satisfaction_sum': 14, 'hotline.satisfaction_count': 3 });
    expect(KPI_DEFINITIONS.hotline_satisfaction.value(v)).toBe(4.67);
    expect(KPI_DEFINITIONS.hotline_satisfaction.detail(v)).toEqual({ callbacks: 3 });
    expect(KPI_DEFINITIONS.hotline_satisfaction.value(view({ 'hotline.satisfaction_sum': 6, 'hotline.satisfaction_count': 2 }))).toBe(3);
    expect(KPI_DEFINITIONS.hotline_satisfaction.value(view({}))).toBeNull();
  });

  it('credit publications on time = published on time / published', () => {
    const v = view({ 'credit.published': 4, 'credit.published_on_time': 3 });
    expect(KPI_DEFINITIONS.credit_published_on_time.value(v)).toBe(0.75);
    expect(KPI_DEFINITIONS.credit_published_on_time.detail(v)).toEqual({ onTime: 3, published: 4 });
    expect(KPI_DEFINITIONS.credit_published_on_time.value(view({}))).toBeNull();
  });

  it('credit publication backlog is the rolled-up gauge (null before the first roll-up)', () => {
    expect(KPI_DEFINITIONS.credit_publication_backlog.value(view({}, {}, { 'credit.publication_backlog': 2 }))).toBe(2);
    expect(KPI_DEFINITIONS.credit_publication_backlog.value(view({}, {}, { 'case.open_overdue': 5 }))).toBeNull();
  });

  it('transfer reply days: median of the reply histogram', () => {
    expect(
      KPI_DEFINITIONS.transfer_median_reply_days.value(
        view(
          {},
          {
            'transfer.reply_days': [
              [2, 1],
              [5, 2],
            ],
          },
        ),
      ),
    ).toBe(5);
  });

  it('every KPI names its source, unit and a definition in words', () => {
    for (const k of KPI_KEYS) {
      const d = KPI_DEFINITIONS[k];
      expect(d.definition.length).toBeGreaterThan(20);
      expect(['cases', 'hotline', 'credit', 'transfers']).toContain(d.source);
    }
  });
});
