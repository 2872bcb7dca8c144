import { Injectable, Logger } from '@nestjs/common';
import { AuditWriter } from '@app/audit';
import { ActorContext, DomainError, isCalendarDate, TransactionRunner } from '@app/kernel';
import { StatutoryCalendar } from './statutory-calendar';

/** An official schedule as published: the days off and the make-up working days (调休上班) of a year. */
export interface ScheduleFile {
  source: string;
  holidays: string[];
  workdays: string[];
}

/** What a context does when the calendar changes (e.g. cases recompute the deadlines of open cases); returns how many records changed. */
export type CalendarChangeHook = (actor: ActorContext) => Promise<number>;

/**
 * Loads an official schedule (audited), reloads the calendar, then runs every registered change hook. Contexts that
 * keep deadlines register here (calendar → nobody: the hooks point the other way, so no context imports another for it).
 */
@Injectable()
export class CalendarLoader {
  private readonly logger = new Logger(CalendarLoader.name);
  private readonly hooks = new Map<string, CalendarChangeHook>();

  constructor(
    private readonly tx: TransactionRunner,
    private readonly audit: AuditWriter,
    private readonly calendar: StatutoryCalendar,
  ) {}

  onChange(name: string, hook: CalendarChangeHook): void {
    if (this.hooks.has(name)) throw new Error(`calendar change hook ${name} registered twice`);
    this.hooks.set(name, hook);
  }

  /** Stores the schedule (audited), reloads the calendar and runs the change hooks; `recomputed` sums what they changed. */
  async load(actor: ActorContext, file: ScheduleFile): Promise<{ days: number; recomputed: number }> {
    const days = [...file.holidays.map((d) => [d, 'holiday'] as const), ...file.workdays.map((d) => [d, 'workday'] as const)];
    const bad = days.filter(([d]) => !isCalendarDate(d));
    if (!file.source?.trim()) throw DomainError.validation('source', 'is required (the notice the schedule comes from)');
    if (bad.length) throw DomainError.validation('holidays', `not dates: ${bad.map(([d]) => d).join(', ')}`);
    if (new Set(days.map(([d]) => d)).size !== days.length) throw DomainError.validation('holidays', 'a day is listed twice');
    await this.tx.run(async (em) => {
      await em.query(
        `INSERT INTO calendar_days (day, kind, source) SELECT d::date, k, $3 FROM unnest($1::text[], $2::text[]) AS t(d, k)
         ON CONFLICT (day) DO UPDATE SET kind = EXCLUDED.kind, source = EXCLUDED.source, loaded_at = now()`,
        [days.map(([d]) => d), days.map(([, k]) => k), file.source.trim()],
      );
      await this.audit.write(em, actor, {
        action: 'calendar.loaded',
        entityType: 'calendar',
        entityId: file.source.trim().slice(0, 100),
        after: { holidays: file.holidays, workdays: file.workdays },
      });
    });
    await this.calendar.reload();
    let recomputed = 0;
    for (const [name, hook] of this.hooks) {
      const n = await hook(actor);
      if (n) this.logger.log({ hook: name, changed: n }, 'records recomputed after a calendar change');
      recomputed += n;
    }
    return { days: days.length, recomputed };
  }
}
