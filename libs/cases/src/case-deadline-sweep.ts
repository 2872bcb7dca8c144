import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { NotificationsService } from '@app/notifications';
import { Clock, shanghaiDate, inTransaction } from '@app/kernel';
import { DataSource } from 'typeorm';
import { StatutoryCalendar } from '@app/calendar';
import { CasesRepository } from './persistence/cases.repository';

/** Reminders go out this many working days before a deadline; escalations the day after it passes. */
export const REMINDER_WORKING_DAYS = 2;
const BATCH = 1000;

/**
 * Finds cases whose current deadline (filing decision while received; closing, with extensions, once filed) is
 * near or past, and tells people once per (case, kind, deadline): the alert row's primary key makes a second run,
 * or a second worker, a no-op. Reads only the two partial deadline indexes, so it stays cheap at a million cases.
 */
@Injectable()
export class CaseDeadlineSweep {
  private readonly logger = new Logger(CaseDeadlineSweep.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly repo: CasesRepository,
    private readonly notifications: NotificationsService,
    private readonly clock: Clock,
    private readonly calendar: StatutoryCalendar,
  ) {}

  async run(): Promise<{ reminders: number; escalations: number }> {
    const today = shanghaiDate(this.clock.now());
    const horizon = this.calendar.current.addWorkingDays(today, REMINDER_WORKING_DAYS);
    const totals = { reminders: 0, escalations: 0 };
    for (;;) {
      const sent = await inTransaction(this.dataSource, async (em) => {
        const rows = await this.repo.sweepDeadlines(em, horizon, today, BATCH);
        for (const r of rows) {
          if (!r.sent) continue;
          const overdue = r.kind === 'overdue';
          const audience = overdue
            ? { roles: ['supervisor' as const], orgUnitCodes: [r.org_unit_code] }
            : r.assigned_officer_ids.length
              ? { userIds: r.assigned_officer_ids }
              : { roles: ['officer' as const], orgUnitCodes: [r.org_unit_code] };
          await this.notifications.publish(em, {
            kind: overdue ? 'case.deadline_overdue' : 'case.deadline_reminder',
            title: overdue ? `案件超期 / Case overdue: ${r.label}` : `期限提醒 / Deadline soon: ${r.label}`,
            body: overdue ? `期限 ${r.due_on} 已过 / deadline ${r.due_on} has passed` : `期限 ${r.due_on} / due ${r.due_on}`,
            entityType: 'case',
            entityId: r.case_id,
            audience,
          });
          if (overdue && r.assigned_officer_ids.length) {
            await this.notifications.publish(em, {
              kind: 'case.deadline_overdue',
              title: `案件超期 / Case overdue: ${r.label}`,
              body: `期限 ${r.due_on} 已过 / deadline ${r.due_on} has passed`,
              entityType: 'case',
              entityId: r.case_id,
              audience: { userIds: r.assigned_officer_ids },
            });
          }
        }
        return rows;
      });
      const batch = sent.length;
      totals.reminders += sent.filter((r) => r.sent && r.kind === 'reminder').length;
      totals.escalations += sent.filter((r) => r.sent && r.kind === 'overdue').length;
      if (batch < BATCH) break;
    }
    if (totals.reminders || totals.escalations) this.logger.log(totals, 'case deadline alerts sent');
    return totals;
  }

  /**
   * 行政处罚法 Art. 61: a decision is served within 7 working days. The case's officers are reminded 2 working days
   * before; once the day has passed, the unit's supervisors and the officers are told it is overdue. Once each.
   */
  async runServiceDeadlines(): Promise<number> {
    const today = shanghaiDate(this.clock.now());
    const horizon = this.calendar.current.addWorkingDays(today, REMINDER_WORKING_DAYS);
    return inTransaction(this.dataSource, async (em) => {
      const rows = await this.repo.sweepServiceDeadlines(em, horizon, today);
      for (const r of rows) {
        const overdue = r.kind === 'service_overdue';
        const officers = r.assigned_officer_ids.length
          ? [{ userIds: r.assigned_officer_ids }]
          : [{ roles: ['officer' as const], orgUnitCodes: [r.org_unit_code] }];
        const audiences = overdue ? [{ roles: ['supervisor' as const], orgUnitCodes: [r.org_unit_code] }, ...officers] : officers;
        for (const audience of audiences)
          await this.notifications.publish(em, {
            kind: overdue ? 'case.service_overdue' : 'case.service_reminder',
            title: overdue
              ? `决定书逾期未送达 / Decision not served in time: ${r.label}`
              : `决定书送达期限 / Serve the decision: ${r.label}`,
            body: overdue
              ? `应于 ${r.due_on} 前送达（行政处罚法第六十一条） / was to be served by ${r.due_on}`
              : `请于 ${r.due_on} 前送达 / serve by ${r.due_on}`,
            entityType: 'case',
            entityId: r.case_id,
            audience,
          });
      }
      if (rows.length) this.logger.log({ serviceAlerts: rows.length }, 'decision service alerts sent');
      return rows.length;
    });
  }

  /**
   * 登记保存 decisions past their 7-day limit: the unit's supervisors (and the case's officers) are told once per
   * registration. The UPDATE … WHERE NOT preservation_escalated makes a second sweeper skip rows the first took.
   */
  async runPreservations(): Promise<number> {
    const today = shanghaiDate(this.clock.now());
    return inTransaction(this.dataSource, async (em) => {
      const rows = await this.repo.escalateOverduePreservations(em, today);
      for (const r of rows) {
        const title = `登记保存逾期未处理 / Preservation decision overdue: ${r.label}`;
        const body = `${r.file_name}：应于 ${r.due} 前作出处理决定 / a decision was due by ${r.due}`;
        const audiences = [
          { roles: ['supervisor' as const], orgUnitCodes: [r.org_unit_code] },
          ...(r.assigned_officer_ids.length ? [{ userIds: r.assigned_officer_ids }] : []),
        ];
        for (const audience of audiences)
          await this.notifications.publish(em, {
            kind: 'evidence.preservation_overdue',
            title,
            body,
            entityType: 'evidence',
            entityId: r.id,
            audience,
          });
      }
      if (rows.length) this.logger.log({ preservations: rows.length }, 'preservation escalations sent');
      return rows.length;
    });
  }
}
