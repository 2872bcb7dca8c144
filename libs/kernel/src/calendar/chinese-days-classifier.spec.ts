import * as chineseDays from 'chinese-days';
import { addDays } from './calendar-date';
import { chineseDaysClassifier, isWeekday } from './chinese-days-classifier';

describe('chinese-days classifier', () => {
  const base = chineseDaysClassifier();

  it('knows the years 2004–2026 (chinese-days 1.5.7 is pinned; revisit when upgrading)', () => {
    expect(base.officialYears).toEqual(Array.from({ length: 23 }, (_, i) => 2004 + i));
  });

  it("agrees with the package's own isWorkday on every day it covers", () => {
    // Asked with a local-midnight Date: the one input its functions read the same in every process time zone.
    const disagreements: string[] = [];
    for (let d = '2004-01-01'; d <= '2026-12-31'; d = addDays(d, 1)) {
      const local = new Date(Number(d.slice(0, 4)), Number(d.slice(5, 7)) - 1, Number(d.slice(8, 10)));
      if (chineseDays.isWorkday(local) !== base.isWorkingDay(d)) disagreements.push(d);
    }
    expect(disagreements).toEqual([]);
  });

  it('applies the one-off 2015 Victory Day holiday and its make-up Sunday', () => {
    expect(base.isWorkingDay('2015-09-03')).toBe(false);
    expect(base.isWorkingDay('2015-09-04')).toBe(false);
    expect(base.isWorkingDay('2015-09-06')).toBe(true);
  });

  it('takes Monday to Friday as weekdays', () => {
    expect(['2026-11-23', '2026-11-24', '2026-11-25', '2026-11-26', '2026-11-27'].every(isWeekday)).toBe(true);
    expect(isWeekday('2026-11-28')).toBe(false);
    expect(isWeekday('2026-11-29')).toBe(false);
  });

  it('builds from any data of the same shape', () => {
    const custom = chineseDaysClassifier({ holidays: { '2030-01-01': 'x' }, workdays: { '2030-01-05': 'y' } });
    expect(custom.officialYears).toEqual([2030]);
    expect(custom.isWorkingDay('2030-01-01')).toBe(false);
    expect(custom.isWorkingDay('2030-01-05')).toBe(true);
    expect(custom.isWorkingDay('2030-01-06')).toBe(false);
    expect(custom.isWorkingDay('2030-01-07')).toBe(true);
  });
});
