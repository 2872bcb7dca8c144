import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { AuditWriter } from '@app/audit';
import { ActorContext, DomainError, isCalendarDate, TransactionRunner } from '@app/kernel';
import { DataSource } from 'typeorm';
import { closingDeadlines, filingDecisionDue } from '../domain/case-deadlines';
import { CaseEntity } from '../persistence/case.entity';
import { CaseCalendar } from './case-calendar';

/** An official schedule as published: the days off and the make-up working days (调休上班) of a year. */
export interface ScheduleFile {
  source: string;
  holidays: string[];
  workdays: string[];
}

const BATCH = 500;

@Injectable()
export class CalendarAdminService {
  private readonly logger = new Logger(CalendarAdminService.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly tx: TransactionRunner,
    private readonly audit: AuditWriter,
    private readonly calendar: CaseCalendar,
  ) {}

  /** Stores the schedule (audited), reloads the calendar and recomputes the deadlines of every open case. */
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
    return { days: days.length, recomputed: await this.recomputeOpenCases(actor) };
  }

  /** Recomputes the deadlines of open cases in batches; a case whose deadlines changed gets a new version and an audit entry. */
  async recomputeOpenCases(actor: ActorContext): Promise<number> {
    const cal = this.calendar.current;
    let after = '00000000-0000-0000-0000-000000000000';
    let changed = 0;
    for (;;) {
      const n = await this.tx.run(async (em) => {
        const rows = await em
          .createQueryBuilder(CaseEntity, 'c')
          .setLock('pessimistic_write')
          .where("c.status NOT IN ('not_filed', 'closed', 'transferred_out') AND c.id > :after", { after })
          .orderBy('c.id')
          .limit(BATCH)
          .getMany();
        for (const c of rows) {
          const filing = filingDecisionDue(cal, {
            type: c.type,
            source: c.source,
            receivedOn: c.receivedOn,
            reportReceived: c.reportReceived,
            fastTrack: c.fastTrack,
          });
          const closing = c.filedOn
            ? closingDeadlines(cal, {
                type: c.type,
                filedOn: c.filedOn,
                fastTrack: c.fastTrack,
                pausedDays: c.pausedDays,
                extensionDays: c.extensionDays,
              })
            : { closingDue: null, extendedClosingDue: null };
          if (filing === c.filingDecisionDue && closing.closingDue === c.closingDue && closing.extendedClosingDue === c.extendedClosingDue)
            continue;
          const before = { filingDecisionDue: c.filingDecisionDue, closingDue: c.closingDue, extendedClosingDue: c.extendedClosingDue };
          await em.update(CaseEntity, { id: c.id }, { filingDecisionDue: filing, ...closing, version: c.version + 1 });
          await this.audit.write(em, actor, {
            action: 'case.deadlines_recomputed',
            entityType: 'case',
            entityId: c.id,
            orgUnitCode: c.orgUnitCode,
            before,
            after: { filingDecisionDue: filing, ...closing },
          });
          changed++;
        }
        if (rows.length) after = rows[rows.length - 1].id;
        return rows.length;
      });
      if (n < BATCH) break;
    }
    if (changed) this.logger.log({ changed }, 'deadlines recomputed after a calendar change');
    return changed;
  }
}
