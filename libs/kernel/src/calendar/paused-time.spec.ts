import { pausedDaysBetween } from './paused-time';

describe('pausedDaysBetween', () => {
  it('counts from the first paused day up to, not including, the day work resumed', () => {
    expect(pausedDaysBetween([{ from: '2026-03-02', to: '2026-03-05' }], '2026-04-01')).toBe(3);
    expect(pausedDaysBetween([{ from: '2026-03-02', to: '2026-03-03' }], '2026-04-01')).toBe(1);
    expect(pausedDaysBetween([{ from: '2026-03-02', to: '2026-03-02' }], '2026-04-01')).toBe(0);
    expect(pausedDaysBetween([], '2026-04-01')).toBe(0);
  });

  it('counts an open pause up to asOf, exclusive', () => {
    expect(pausedDaysBetween([{ from: '2026-03-02', to: null }], '2026-03-05')).toBe(3);
    expect(pausedDaysBetween([{ from: '2026-03-02', to: null }], '2026-03-02')).toBe(0);
    expect(pausedDaysBetween([{ from: '2026-03-02', to: null }], '2026-03-01')).toBe(0);
  });

  it('cuts every interval at asOf', () => {
    expect(pausedDaysBetween([{ from: '2026-03-02', to: '2026-03-10' }], '2026-03-05')).toBe(3);
    expect(pausedDaysBetween([{ from: '2026-03-10', to: '2026-03-12' }], '2026-03-05')).toBe(0);
  });

  it('adds disjoint intervals and counts overlapping or adjacent ones once per day', () => {
    const asOf = '2026-12-31';
    const a = { from: '2026-03-02', to: '2026-03-05' };
    expect(pausedDaysBetween([a, { from: '2026-03-10', to: '2026-03-12' }], asOf)).toBe(5);
    expect(
      pausedDaysBetween(
        [
          { from: '2026-03-02', to: '2026-03-10' },
          { from: '2026-03-05', to: '2026-03-07' },
        ],
        asOf,
      ),
    ).toBe(8);
    expect(
      pausedDaysBetween(
        [
          { from: '2026-03-02', to: '2026-03-06' },
          { from: '2026-03-04', to: '2026-03-09' },
        ],
        asOf,
      ),
    ).toBe(7);
    expect(pausedDaysBetween([a, { from: '2026-03-05', to: '2026-03-07' }], asOf)).toBe(5);
    expect(pausedDaysBetween([a, a], asOf)).toBe(3);
    // Order of the input does not matter; an open appraisal overlapping a closed suspension.
    expect(pausedDaysBetween([{ from: '2026-03-04', to: null }, a], '2026-03-08')).toBe(6);
  });

  it('counts across month, leap-day and year ends', () => {
    expect(pausedDaysBetween([{ from: '2024-02-28', to: '2024-03-01' }], '2024-12-31')).toBe(2);
    expect(pausedDaysBetween([{ from: '2026-12-30', to: '2027-01-02' }], '2027-06-01')).toBe(3);
  });

  it('refuses a pause that resumed before it started, and malformed dates', () => {
    expect(() => pausedDaysBetween([{ from: '2026-03-05', to: '2026-03-02' }], '2026-04-01')).toThrow(RangeError);
    expect(() => pausedDaysBetween([{ from: '2026-3-5', to: null }], '2026-04-01')).toThrow(RangeError);
    expect(() => pausedDaysBetween([{ from: '2026-03-05', to: '2026-02-30' }], '2026-04-01')).toThrow(RangeError);
    expect(() => pausedDaysBetween([], '2026-04-31')).toThrow(RangeError);
  });
});
