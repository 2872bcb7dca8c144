import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { addDays, DayKind, isWeekday } from '@app/kernel';
import { DataSource } from 'typeorm';
import { StatutoryCalendar } from './statutory-calendar';

/** A day whose kind is not the Monday–Friday rule's, or that an admin loaded. */
export interface CalendarDayView {
  date: string;
  kind: DayKind;
  /** `package`: the statutory schedule shipped with the system (chinese-days); `loaded`: an admin's schedule */
  origin: 'package' | 'loaded';
  /** the notice a loaded day comes from */
  source: string | null;
  loadedAt: string | null;
}

export interface CalendarYearView {
  year: number;
  /** whether the year's working days come from an official schedule (else Monday–Friday, deadlines provisional) */
  official: boolean;
  workingDays: number;
  coveredYears: number[];
  days: CalendarDayView[];
}

/** What the admin's calendar screen shows for a year: the holidays and make-up working days in force, and where each comes from. */
@Injectable()
export class CalendarView {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly calendar: StatutoryCalendar,
  ) {}

  async year(year: number): Promise<CalendarYearView> {
    // the stored days, not only the in-memory calendar: another replica may have loaded a schedule a moment ago
    await this.calendar.reload();
    const cal = this.calendar.current;
    const loaded = await this.dataSource.query<{ day: string; source: string; loadedAt: Date }[]>(
      `SELECT to_char(day, 'YYYY-MM-DD') AS day, source, loaded_at AS "loadedAt" FROM calendar_days
        WHERE day BETWEEN make_date($1, 1, 1) AND make_date($1, 12, 31) ORDER BY day`,
      [year],
    );
    const byDay = new Map(loaded.map((r) => [r.day, r]));
    const days: CalendarDayView[] = [];
    let workingDays = 0;
    for (let d = `${year}-01-01`; d <= `${year}-12-31`; d = addDays(d, 1)) {
      const working = cal.isWorkingDay(d);
      if (working) workingDays++;
      const row = byDay.get(d);
      if (!row && working === isWeekday(d)) continue;
      days.push({
        date: d,
        kind: working ? 'workday' : 'holiday',
        origin: row ? 'loaded' : 'package',
        source: row?.source ?? null,
        loadedAt: row ? new Date(row.loadedAt).toISOString() : null,
      });
    }
    return { year, official: cal.isYearOfficial(year), workingDays, coveredYears: [...cal.coveredYears], days };
  }
}
