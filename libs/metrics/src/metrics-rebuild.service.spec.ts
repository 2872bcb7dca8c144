import { CountCell } from './domain/metric-names';
import { compare } from './metrics-rebuild.service';

const cell = (metric: CountCell['metric'], unit: string, period: string, value: number, dimension = ''): CountCell => ({
  metric,
  orgUnitCode: unit,
  period,
  dimension,
  value,
});

describe('rebuild drift', () => {
  it('is zero when the kept cells equal the recomputed ones (a missing cell is a zero cell)', () => {
    const expected = [cell('case.filed', 'a', '2026-01-01', 3), cell('case.closed', 'a', '2026-01-01', 0)];
    expect(compare(['case.filed', 'case.closed'], expected, [cell('case.filed', 'a', '2026-01-01', 3)])).toEqual([
      { metric: 'case.filed', expected: 3, actual: 3, cellsDiffering: 0, drift: 0 },
      { metric: 'case.closed', expected: 0, actual: 0, cellsDiffering: 0, drift: 0 },
    ]);
  });

  it('sums |kept − recomputed| per metric over cells, both missing and surplus ones', () => {
    const expected = [
      cell('case.filed', 'a', '2026-01-01', 3),
      cell('case.filed', 'b', '2026-02-01', 2),
      cell('case.days_to_close', 'a', '2026-01-01', 1, '30'),
    ];
    const kept = [
      cell('case.filed', 'a', '2026-01-01', 5),
      cell('case.filed', 'c', '2026-02-01', 1),
      cell('case.days_to_close', 'a', '2026-01-01', 1, '31'),
    ];
    expect(compare(['case.filed', 'case.days_to_close'], expected, kept)).toEqual([
      { metric: 'case.filed', expected: 5, actual: 6, cellsDiffering: 3, drift: 5 },
      { metric: 'case.days_to_close', expected: 1, actual: 1, cellsDiffering: 2, drift: 2 },
    ]);
  });
});
