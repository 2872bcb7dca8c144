// Working days on the mainland statutory calendar (the data file of chinese-days, as the server reads it), for
// countdowns. The server may know a newer year loaded by an admin; past the years in the file we count Mon–Fri
// and say the figure is approximate.
import data from 'chinese-days/dist/chinese-days.json';

const holidays = new Set(Object.keys((data as { holidays: Record<string, string> }).holidays));
const workdays = new Set(Object.keys((data as { workdays: Record<string, string> }).workdays));
const years = new Set([...holidays, ...workdays].map((d) => Number(d.slice(0, 4))));

const iso = (d: Date) => d.toISOString().slice(0, 10);
const parse = (s: string) => new Date(`${s}T00:00:00Z`);

export function isWorkingDay(date: string): boolean {
  if (workdays.has(date)) return true;
  if (holidays.has(date)) return false;
  const dow = parse(date).getUTCDay();
  return dow !== 0 && dow !== 6;
}

/**
 * Working days from `today` to `due`: positive = left (not counting today, counting the due day), 0 = due today,
 * negative = working days overdue. `exact` is false when a year outside the calendar file is crossed.
 */
export function workingDaysUntil(today: string, due: string): { days: number; exact: boolean } {
  if (due === today) return { days: 0, exact: true };
  const forward = due > today;
  const [from, to] = forward ? [today, due] : [due, today];
  let n = 0;
  let exact = true;
  const d = parse(from);
  for (let i = 0; i < 3700; i++) {
    d.setUTCDate(d.getUTCDate() + 1);
    const s = iso(d);
    if (s > to) break;
    if (!years.has(d.getUTCFullYear())) exact = false;
    if (isWorkingDay(s)) n++;
  }
  return { days: forward ? n : -n, exact };
}
