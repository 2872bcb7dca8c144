import { addDays, addMonths, assertCalendarDate, dayOfWeek, daysBetween, isCalendarDate, yearOf } from './calendar-date';

describe('calendar dates', () => {
  it.each(['2026-11-25', '2024-02-29', '2000-02-29', '0001-01-01', '9999-12-31'])('accepts %s', (d) => {
    expect(isCalendarDate(d)).toBe(true);
    expect(() => assertCalendarDate(d)).not.toThrow();
  });

  it.each([
    '2023-02-29',
    '2100-02-29',
    '2026-04-31',
    '2026-13-01',
    '2026-00-10',
    '2026-01-00',
    '2026-1-5',
    '20260430',
    ' 2026-04-30',
    '2026-04-30T00:00:00',
    '0000-01-01',
    '',
  ])('rejects %j', (d) => {
    expect(isCalendarDate(d)).toBe(false);
    expect(() => assertCalendarDate(d)).toThrow(RangeError);
  });

  it('rejects non-strings', () => {
    expect(isCalendarDate(20260430)).toBe(false);
    expect(isCalendarDate(null)).toBe(false);
    expect(isCalendarDate(new Date())).toBe(false);
  });

  it('knows the day of the week', () => {
    expect(dayOfWeek('2017-09-30')).toBe(6);
    expect(dayOfWeek('2026-02-15')).toBe(0);
    expect(dayOfWeek('2026-11-25')).toBe(3);
    expect(dayOfWeek('2024-02-29')).toBe(4);
    expect(yearOf('2027-01-01')).toBe(2027);
  });

  it('adds calendar days across month, leap-day and year ends', () => {
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addDays('2023-02-28', 1)).toBe('2023-03-01');
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
    expect(addDays('2026-03-02', 0)).toBe('2026-03-02');
    expect(addDays('2026-01-01', 365)).toBe('2027-01-01');
    expect(addDays('2024-01-01', 366)).toBe('2025-01-01');
  });

  it('adds months clamped to the end of the target month', () => {
    expect(addMonths('2026-01-31', 1)).toBe('2026-02-28');
    expect(addMonths('2024-01-31', 1)).toBe('2024-02-29');
    expect(addMonths('2024-02-29', 12)).toBe('2025-02-28');
    expect(addMonths('2024-02-29', 48)).toBe('2028-02-29');
    expect(addMonths('2026-03-31', 1)).toBe('2026-04-30');
    expect(addMonths('2025-12-31', 2)).toBe('2026-02-28');
    expect(addMonths('2026-11-30', 3)).toBe('2027-02-28');
    // Not month-end to month-end: the day of month is kept where it exists.
    expect(addMonths('2026-02-28', 1)).toBe('2026-03-28');
    expect(addMonths('2026-01-15', 3)).toBe('2026-04-15');
    expect(addMonths('2026-08-31', -6)).toBe('2026-02-28');
    expect(addMonths('2026-01-15', -1)).toBe('2025-12-15');
    expect(addMonths('2026-01-15', 0)).toBe('2026-01-15');
  });

  it('counts calendar days between dates', () => {
    expect(daysBetween('2026-03-02', '2026-03-05')).toBe(3);
    expect(daysBetween('2026-03-05', '2026-03-02')).toBe(-3);
    expect(daysBetween('2024-02-01', '2024-03-01')).toBe(29);
    expect(daysBetween('2026-01-01', '2027-01-01')).toBe(365);
    expect(daysBetween('2026-06-01', '2026-06-01')).toBe(0);
  });

  it('refuses non-integers, malformed dates and years outside 0001–9999', () => {
    expect(() => addDays('2026-03-02', 1.5)).toThrow(RangeError);
    expect(() => addDays('2026-03-02', Number.NaN)).toThrow(RangeError);
    expect(() => addMonths('2026-03-02', 0.5)).toThrow(RangeError);
    expect(() => addDays('2026-02-30', 1)).toThrow(RangeError);
    expect(() => addMonths('2026/02/01', 1)).toThrow(RangeError);
    expect(() => daysBetween('2026-03-02', 'x')).toThrow(RangeError);
    expect(() => addDays('9999-12-31', 1)).toThrow(RangeError);
    expect(() => addMonths('0001-01-31', -1)).toThrow(RangeError);
  });
});
