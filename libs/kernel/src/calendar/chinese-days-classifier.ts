import chineseDays from 'chinese-days/dist/chinese-days.json';
import { dayOfWeek } from './calendar-date';

/** Where the statutory schedule comes from: which years it knows, and how it classifies a day of such a year. */
export interface DayClassifier {
  /** Years whose official schedule is known, ascending. */
  readonly officialYears: readonly number[];
  /** Whether `date` is a working day; only asked about dates in one of `officialYears`. */
  isWorkingDay(date: string): boolean;
}

export function isWeekday(date: string): boolean {
  const d = dayOfWeek(date);
  return d !== 0 && d !== 6;
}

/** The shape of chinese-days' published data file (dist/chinese-days.json, documented in its README). */
interface ChineseDaysData {
  holidays: Record<string, string>;
  workdays: Record<string, string>;
}

/**
 * The mainland statutory calendar of the `chinese-days` package, read from its data file rather than through its
 * functions: those parse 'YYYY-MM-DD' as UTC midnight and read it back in the process time zone, so west of UTC
 * they answer for the previous day. The rule is the package's own: a listed make-up working day (调休上班) works, a
 * listed holiday does not, any other day works Monday to Friday.
 */
export function chineseDaysClassifier(data: ChineseDaysData = chineseDays): DayClassifier {
  const holidays = new Set(Object.keys(data.holidays));
  const workdays = new Set(Object.keys(data.workdays));
  const years = new Set<number>();
  for (const date of [...holidays, ...workdays]) years.add(Number(date.slice(0, 4)));
  return {
    officialYears: [...years].sort((a, b) => a - b),
    isWorkingDay: (date) => workdays.has(date) || (!holidays.has(date) && isWeekday(date)),
  };
}
