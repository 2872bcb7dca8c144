import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { addDays, dayOfWeek } from './calendar-date';
import { DayClassifier } from './chinese-days-classifier';
import { DayKind, WorkingDayCalendar } from './working-day-calendar';

const calendar = new WorkingDayCalendar();

function datesFrom(from: string, to: string): string[] {
  const out: string[] = [];
  for (let d = from; d <= to; d = addDays(d, 1)) out.push(d);
  return out;
}

/** Official State Council schedules (国务院办公厅 notices), written out by hand: days off and make-up working days. */
const SCHEDULES: { name: string; off: [string, string][]; makeUp: string[] }[] = [
  { name: '2017 National Day and Mid-Autumn', off: [['2017-10-01', '2017-10-08']], makeUp: ['2017-09-30'] },
  { name: '2019 Spring Festival', off: [['2019-02-04', '2019-02-10']], makeUp: ['2019-02-02', '2019-02-03'] },
  { name: '2019 National Day', off: [['2019-10-01', '2019-10-07']], makeUp: ['2019-09-29', '2019-10-12'] },
  // Extended to 2 February by the notice of 27 January 2020 (COVID-19), which also cancelled the 1 February make-up day.
  { name: '2020 Spring Festival, extended', off: [['2020-01-24', '2020-02-02']], makeUp: ['2020-01-19'] },
  { name: '2020 National Day and Mid-Autumn', off: [['2020-10-01', '2020-10-08']], makeUp: ['2020-09-27', '2020-10-10'] },
  { name: '2023 Spring Festival', off: [['2023-01-21', '2023-01-27']], makeUp: ['2023-01-28', '2023-01-29'] },
  { name: '2023 Mid-Autumn and National Day', off: [['2023-09-29', '2023-10-06']], makeUp: ['2023-10-07', '2023-10-08'] },
  { name: '2024 Spring Festival', off: [['2024-02-10', '2024-02-17']], makeUp: ['2024-02-04', '2024-02-18'] },
  { name: '2024 National Day', off: [['2024-10-01', '2024-10-07']], makeUp: ['2024-09-29', '2024-10-12'] },
  { name: '2025 Spring Festival', off: [['2025-01-28', '2025-02-04']], makeUp: ['2025-01-26', '2025-02-08'] },
  { name: '2025 National Day and Mid-Autumn', off: [['2025-10-01', '2025-10-08']], makeUp: ['2025-09-28', '2025-10-11'] },
  { name: '2026 New Year', off: [['2026-01-01', '2026-01-03']], makeUp: ['2026-01-04'] },
  { name: '2026 Spring Festival', off: [['2026-02-15', '2026-02-23']], makeUp: ['2026-02-14', '2026-02-28'] },
  { name: '2026 Labour Day', off: [['2026-05-01', '2026-05-05']], makeUp: ['2026-05-09'] },
  {
    name: '2026 Mid-Autumn and National Day',
    off: [
      ['2026-09-25', '2026-09-27'],
      ['2026-10-01', '2026-10-07'],
    ],
    makeUp: ['2026-09-20', '2026-10-10'],
  },
];

describe('WorkingDayCalendar', () => {
  describe('the official schedules', () => {
    it.each(SCHEDULES)('$name: every day a week around it', ({ off, makeUp }) => {
      const first = [...off.map(([a]) => a), ...makeUp].sort()[0];
      const last = [...off.map(([, b]) => b), ...makeUp].sort().at(-1)!;
      for (const d of makeUp) expect([0, 6]).toContain(dayOfWeek(d)); // the table itself: make-up days fall on weekends
      const wrong = datesFrom(addDays(first, -7), addDays(last, 7)).filter((d) => {
        const expected = makeUp.includes(d) || (!off.some(([a, b]) => a <= d && d <= b) && dayOfWeek(d) % 6 !== 0);
        return calendar.isWorkingDay(d) !== expected;
      });
      expect(wrong).toEqual([]);
    });

    it('counts 248 working days in 2025 and in 2026', () => {
      expect(calendar.workingDaysBetween('2024-12-31', '2025-12-31')).toBe(248);
      expect(calendar.workingDaysBetween('2025-12-31', '2026-12-31')).toBe(248);
    });

    it('is an ordinary working day on leap day 2024-02-29 (a Thursday)', () => {
      expect(calendar.isWorkingDay('2024-02-29')).toBe(true);
      expect(calendar.addWorkingDays('2024-02-28', 1)).toBe('2024-02-29');
      expect(calendar.addWorkingDays('2024-02-29', 1)).toBe('2024-03-01');
    });
  });

  describe('addWorkingDays', () => {
    it('5 working days after 2017-09-28 is 2017-10-11 (the worked example)', () => {
      expect(calendar.addWorkingDays('2017-09-28', 5)).toBe('2017-10-11');
      // Step by step: Fri 29th, make-up Sat 30th, then 1–8 October off.
      expect(calendar.addWorkingDays('2017-09-28', 1)).toBe('2017-09-29');
      expect(calendar.addWorkingDays('2017-09-28', 2)).toBe('2017-09-30');
      expect(calendar.addWorkingDays('2017-09-28', 3)).toBe('2017-10-09');
    });

    it.each([
      ['2026-02-12', 5, '2026-02-26'], // make-up Sat 14th, then 15–23 off
      ['2024-02-08', 3, '2024-02-19'], // 除夕 9th works in 2024; make-up Sun 18th
      ['2025-09-26', 10, '2025-10-16'], // make-up Sun 28th and Sat 11 October
      ['2023-01-19', 3, '2023-01-29'], // 20th, then make-up Sat 28th and Sun 29th
      ['2019-09-27', 2, '2019-09-30'], // make-up Sun 29th
      ['2020-01-22', 5, '2020-02-06'], // the extension: without it, Sat 1 February would have worked (→ 5th)
      ['2026-10-03', 1, '2026-10-08'], // counting from a holiday
      ['2026-11-27', 1, '2026-11-30'], // an ordinary weekend
      ['2026-12-28', 3, '2026-12-31'],
    ])('%s + %i working days = %s', (from, n, expected) => {
      expect(calendar.addWorkingDays(from, n)).toBe(expected);
    });

    it('returns the date unchanged for n = 0, even on a holiday', () => {
      expect(calendar.addWorkingDays('2026-10-01', 0)).toBe('2026-10-01');
      expect(calendar.addWorkingDays('2026-11-25', 0)).toBe('2026-11-25');
    });

    it('counts back for negative n (a notice ≥3 working days before a hearing)', () => {
      expect(calendar.addWorkingDays('2026-10-12', -3)).toBe('2026-10-08'); // make-up Sat 10th, 9th, 8th
      expect(calendar.addWorkingDays('2017-10-09', -1)).toBe('2017-09-30');
      expect(calendar.addWorkingDays('2017-10-11', -5)).toBe('2017-09-28');
    });

    it('refuses a non-integer n and a malformed date', () => {
      expect(() => calendar.addWorkingDays('2026-03-02', 1.5)).toThrow(RangeError);
      expect(() => calendar.addWorkingDays('2026-03-02', Number.POSITIVE_INFINITY)).toThrow(RangeError);
      expect(() => calendar.addWorkingDays('2026-02-30', 0)).toThrow(RangeError);
    });
  });

  describe('workingDaysBetween', () => {
    it('counts working days in (from, to]', () => {
      expect(calendar.workingDaysBetween('2017-09-28', '2017-10-11')).toBe(5);
      expect(calendar.workingDaysBetween('2017-09-28', '2017-10-08')).toBe(2);
      expect(calendar.workingDaysBetween('2017-09-28', '2017-09-28')).toBe(0);
      expect(calendar.workingDaysBetween('2026-10-01', '2026-10-07')).toBe(0);
      expect(calendar.workingDaysBetween('2026-09-30', '2026-10-10')).toBe(3); // 8th, 9th, make-up Sat 10th
    });

    it('is negative going back, counting [to, from)', () => {
      expect(calendar.workingDaysBetween('2017-10-11', '2017-09-28')).toBe(-5);
      expect(calendar.workingDaysBetween('2017-10-08', '2017-09-28')).toBe(-3);
    });

    it('inverts addWorkingDays for every n from -15 to 15, starting on working days and days off', () => {
      const mismatches: string[] = [];
      for (let d = '2019-01-01'; d <= '2026-12-31'; d = addDays(d, 11)) {
        for (let n = -15; n <= 15; n++) {
          if (calendar.workingDaysBetween(d, calendar.addWorkingDays(d, n)) !== n) mismatches.push(`${d} ${n}`);
        }
      }
      expect(mismatches).toEqual([]);
    });
  });

  describe('nextWorkingDayOnOrAfter', () => {
    it.each([
      ['2026-10-08', '2026-10-08'],
      ['2026-10-01', '2026-10-08'],
      ['2026-10-10', '2026-10-10'], // make-up Saturday
      ['2026-10-11', '2026-10-12'],
      ['2026-02-15', '2026-02-24'],
      ['2020-01-24', '2020-02-03'],
      ['2026-11-28', '2026-11-30'],
    ])('%s → %s', (d, expected) => {
      expect(calendar.nextWorkingDayOnOrAfter(d)).toBe(expected);
    });
  });

  describe('addCalendarPeriod', () => {
    it.each([
      ['2026-01-15', { months: 3 }, '2026-04-15'],
      ['2026-01-31', { months: 1 }, '2026-02-28'], // clamped, and the 28th is a make-up Saturday
      ['2026-03-31', { months: 1 }, '2026-04-30'],
      ['2024-01-31', { months: 1 }, '2024-02-29'], // leap year
      ['2023-11-29', { months: 3 }, '2024-02-29'],
      ['2023-11-30', { months: 3 }, '2024-02-29'],
      ['2024-02-29', { months: 12 }, '2025-02-28'],
      ['2026-07-01', { months: 3 }, '2026-10-08'], // 1 October → after National Day
      ['2025-11-15', { months: 3 }, '2026-02-24'], // Sun 15 February, Spring Festival
      ['2026-09-01', { months: 1 }, '2026-10-08'],
      ['2026-02-14', { months: 1 }, '2026-03-16'], // an ordinary Saturday
      ['2026-09-16', { days: 15 }, '2026-10-08'],
      ['2026-09-24', { days: 15 }, '2026-10-09'],
      ['2026-09-25', { days: 15 }, '2026-10-10'], // make-up Saturday: no roll
      ['2026-01-15', { months: 3, days: 15 }, '2026-04-30'],
      ['2026-10-03', {}, '2026-10-08'],
      ['2026-11-30', { months: 1 }, '2026-12-30'],
    ])('%s + %j ends on %s', (from, period, expected) => {
      expect(calendar.addCalendarPeriod(from, period)).toBe(expected);
    });

    it('refuses negative or fractional parts', () => {
      expect(() => calendar.addCalendarPeriod('2026-01-15', { months: -1 })).toThrow(RangeError);
      expect(() => calendar.addCalendarPeriod('2026-01-15', { days: -1 })).toThrow(RangeError);
      expect(() => calendar.addCalendarPeriod('2026-01-15', { months: 0.5 })).toThrow(RangeError);
      expect(() => calendar.addCalendarPeriod('2026-01-32', { months: 1 })).toThrow(RangeError);
    });
  });

  describe('paused time', () => {
    it('moves a deadline by the paused calendar days, then rolls to a working day', () => {
      expect(calendar.extendByPause('2026-03-10', 0)).toBe('2026-03-10');
      expect(calendar.extendByPause('2026-03-10', 3)).toBe('2026-03-13');
      expect(calendar.extendByPause('2026-09-28', 3)).toBe('2026-10-08');
      expect(calendar.extendByPause('2026-02-10', 4)).toBe('2026-02-14'); // make-up Saturday
      expect(calendar.extendByPause('2026-03-12', 2)).toBe('2026-03-16');
    });

    it('gives the same end as a period with the paused days in it, unless the first end was rolled', () => {
      // Filed 15 June, suspended 20 days: nominal 15 September + 20 = 5 October (holiday) → 8 October either way.
      expect(calendar.extendByPause(calendar.addCalendarPeriod('2026-06-15', { months: 3 }), 20)).toBe('2026-10-08');
      expect(calendar.addCalendarPeriod('2026-06-15', { months: 3, days: 20 })).toBe('2026-10-08');
      // Filed 1 July: nominal end 1 October rolled to the 8th; 3 paused days from the nominal end is the 4th → 8th,
      // while moving the rolled deadline gives Sun 11th → 12th.
      expect(calendar.addCalendarPeriod('2026-07-01', { months: 3, days: 3 })).toBe('2026-10-08');
      expect(calendar.extendByPause(calendar.addCalendarPeriod('2026-07-01', { months: 3 }), 3)).toBe('2026-10-12');
    });

    it('refuses negative or fractional paused days', () => {
      expect(() => calendar.extendByPause('2026-03-10', -1)).toThrow(RangeError);
      expect(() => calendar.extendByPause('2026-03-10', 1.5)).toThrow(RangeError);
    });
  });

  describe('overrides', () => {
    const overrides = new Map<string, DayKind>([
      ['2026-10-08', 'holiday'], // a working Thursday off
      ['2026-10-07', 'workday'], // a National Day holiday worked
      ['2026-10-10', 'holiday'], // a make-up Saturday cancelled
      ['2026-11-28', 'workday'], // an ordinary Saturday worked
    ]);
    const overridden = new WorkingDayCalendar({ overrides });

    it('beat the base data', () => {
      expect(overridden.isWorkingDay('2026-10-08')).toBe(false);
      expect(overridden.isWorkingDay('2026-10-07')).toBe(true);
      expect(overridden.isWorkingDay('2026-10-10')).toBe(false);
      expect(overridden.isWorkingDay('2026-11-28')).toBe(true);
      expect(overridden.isWorkingDay('2026-10-09')).toBe(true);
      expect(overridden.isWorkingDay('2026-10-06')).toBe(false);
      expect(overridden.addWorkingDays('2026-09-30', 1)).toBe('2026-10-07');
      expect(overridden.addWorkingDays('2026-10-07', 2)).toBe('2026-10-12');
      expect(overridden.nextWorkingDayOnOrAfter('2026-11-28')).toBe('2026-11-28');
    });

    it('leave other calendars and later changes to the passed map alone', () => {
      expect(calendar.isWorkingDay('2026-10-08')).toBe(true);
      const mutable = new Map<string, DayKind>([['2026-03-02', 'holiday']]);
      const c = new WorkingDayCalendar({ overrides: mutable });
      mutable.set('2026-03-03', 'holiday');
      expect(c.isWorkingDay('2026-03-02')).toBe(false);
      expect(c.isWorkingDay('2026-03-03')).toBe(true);
    });

    it('refuse malformed dates and kinds', () => {
      expect(() => new WorkingDayCalendar({ overrides: new Map<string, DayKind>([['2026-02-30', 'holiday']]) })).toThrow(RangeError);
      const fromDatabase = new Map([['2026-03-02', 'weekend']]) as ReadonlyMap<string, unknown> as ReadonlyMap<string, DayKind>;
      expect(() => new WorkingDayCalendar({ overrides: fromDatabase })).toThrow(RangeError);
    });
  });

  describe('years without an official schedule', () => {
    it('fall back to Monday–Friday and say so', () => {
      expect(calendar.isYearOfficial(2026)).toBe(true);
      expect(calendar.isYearOfficial(2004)).toBe(true);
      expect(calendar.isYearOfficial(2027)).toBe(false);
      expect(calendar.isYearOfficial(2003)).toBe(false);
      expect(calendar.coveredYears[0]).toBe(2004);
      expect(calendar.coveredYears.at(-1)).toBe(2026);
      expect(calendar.isWorkingDay('2027-01-01')).toBe(true); // a Friday: surely a holiday once 2027 is published
      expect(calendar.isWorkingDay('2027-01-02')).toBe(false);
      expect(calendar.isWorkingDay('2003-10-01')).toBe(true);
      expect(calendar.isRangeOfficial('2025-01-01', '2026-12-31')).toBe(true);
      expect(calendar.isRangeOfficial('2026-12-20', '2027-01-10')).toBe(false);
      expect(calendar.isRangeOfficial('2027-01-10', '2026-12-20')).toBe(false);
    });

    it('become official once an admin loads their schedule, and deadlines move', () => {
      expect(calendar.addWorkingDays('2026-12-28', 5)).toBe('2027-01-04');
      const loaded = new WorkingDayCalendar({ overrides: new Map<string, DayKind>([['2027-01-01', 'holiday']]) });
      expect(loaded.isYearOfficial(2027)).toBe(true);
      expect(loaded.coveredYears.at(-1)).toBe(2027);
      expect(loaded.isRangeOfficial('2026-12-20', '2027-01-10')).toBe(true);
      expect(loaded.addWorkingDays('2026-12-28', 5)).toBe('2027-01-05');
    });

    it('ask the base only about the years it knows', () => {
      const asked: string[] = [];
      const base: DayClassifier = {
        officialYears: [2030],
        isWorkingDay: (d) => {
          asked.push(d);
          return d !== '2030-01-02';
        },
      };
      const c = new WorkingDayCalendar({ base });
      expect(c.coveredYears).toEqual([2030]);
      expect(c.isWorkingDay('2030-01-02')).toBe(false);
      expect(c.isWorkingDay('2030-01-05')).toBe(true); // a Saturday the base says works
      expect(c.isWorkingDay('2031-01-04')).toBe(false); // a Saturday of an unknown year
      expect(c.isWorkingDay('2026-10-01')).toBe(true); // chinese-days is not consulted behind a custom base
      expect(asked).toEqual(['2030-01-02', '2030-01-05']);
    });
  });

  it('fails instead of looping when no working day comes within a year', () => {
    const c = new WorkingDayCalendar({ base: { officialYears: [2030, 2031], isWorkingDay: () => false } });
    expect(() => c.nextWorkingDayOnOrAfter('2030-01-01')).toThrow(/no working day/);
    expect(() => c.addWorkingDays('2030-01-01', 1)).toThrow(/no working day/);
    expect(() => c.addCalendarPeriod('2030-01-01', { months: 1 })).toThrow(/no working day/);
  });

  it.each(['America/Los_Angeles', 'Pacific/Kiritimati'])('answers the same in a process running with TZ=%s', (tz) => {
    // A child process: Jest sandboxes process.env, so setting TZ in here would not reach the clock.
    const out = execFileSync(process.execPath, ['-e', CHILD_SCRIPT], { env: { ...process.env, TZ: tz }, encoding: 'utf8' });
    const { offsetMinutes, ...answers } = JSON.parse(out) as { offsetMinutes: number } & Record<string, unknown>;
    expect(offsetMinutes).not.toBe(0); // the zone took effect in the child
    expect(answers).toEqual({
      example: '2017-10-11',
      makeUpSaturday: true,
      dayAfterNationalDay: true,
      clamped: '2026-02-28',
      newYearInShanghai: '2027-01-01',
      stillOldYear: '2026-12-31',
    });
  });
});

// Loads the calendar's TypeScript through swc in a plain node process and prints a few answers.
const CHILD_SCRIPT = `
const fs = require('node:fs');
const { transformSync } = require(${JSON.stringify(require.resolve('@swc/core'))});
require.extensions['.ts'] = (m, file) =>
  m._compile(transformSync(fs.readFileSync(file, 'utf8'), { filename: file, module: { type: 'commonjs' }, jsc: { parser: { syntax: 'typescript' }, target: 'es2022' } }).code, file);
const k = require(${JSON.stringify(path.join(__dirname, 'index.ts'))});
const c = new k.WorkingDayCalendar();
process.stdout.write(JSON.stringify({
  offsetMinutes: new Date('2026-01-15T00:00:00Z').getTimezoneOffset(),
  example: c.addWorkingDays('2017-09-28', 5),
  makeUpSaturday: c.isWorkingDay('2026-10-10'),
  dayAfterNationalDay: c.isWorkingDay('2026-10-08'),
  clamped: c.addCalendarPeriod('2026-01-31', { months: 1 }),
  newYearInShanghai: k.shanghaiDate(new Date('2026-12-31T16:00:00Z')),
  stillOldYear: k.shanghaiDate(new Date('2026-12-31T15:59:59Z')),
}));
`;
