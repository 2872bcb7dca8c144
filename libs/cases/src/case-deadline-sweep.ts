import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { NotificationsService } from '@app/auth';
import { Clock, shanghaiDate } from '@app/kernel';
import { DataSource } from 'typeorm';
import { CaseCalendar } from './calendar/case-calendar';

/** Reminders go out this many working days before a deadline; escalations the day after it passes. */
export const REMINDER_WORKING_DAYS = 2;
const BATCH = 1000;

interface AlertRow {
  case_id: string;
  kind: 'reminder' | 'overdue';
  due_on: string;
  org_unit_code: string;
  assigned_officer_ids: string[];
  label: string;
}

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
    private readonly notifications: NotificationsService,
    private readonly clock: Clock,
    private readonly calendar: CaseCalendar,
  ) {}

  async run(): Promise<{ reminders: number; escalations: number }> {
    const today = shanghaiDate(this.clock.now());
    const horizon = this.calendar.current.addWorkingDays(today, REMINDER_WORKING_DAYS);
    const totals = { reminders: 0, escalations: 0 };
    for (;;) {
      const sent = await this.dataSource.transaction(async (em) => {
        const rows = await em.query<AlertRow[]>(
          `WITH due AS (
             -- two branches, so that each reads its own partial index (an OR would scan the table)
             SELECT c.id, c.org_unit_code, c.assigned_officer_ids, coalesce(c.case_no, c.receipt_no) AS label, c.filing_decision_due AS due_on
               FROM cases c
              WHERE c.status = 'received' AND NOT c.suspended AND c.filing_decision_due <= $1
             UNION ALL
             SELECT c.id, c.org_unit_code, c.assigned_officer_ids, coalesce(c.case_no, c.receipt_no) AS label,
                    coalesce(c.extended_closing_due, c.closing_due) AS due_on
               FROM cases c
              WHERE c.status NOT IN ('received', 'not_filed', 'closed', 'transferred_out') AND NOT c.suspended
                AND coalesce(c.extended_closing_due, c.closing_due) <= $1
           ), fresh AS (
             SELECT d.*, CASE WHEN d.due_on < $2 THEN 'overdue' ELSE 'reminder' END AS kind FROM due d
              WHERE NOT EXISTS (SELECT 1 FROM case_deadline_alerts a
                                 WHERE a.case_id = d.id AND a.due_on = d.due_on
                                   AND a.kind = CASE WHEN d.due_on < $2 THEN 'overdue' ELSE 'reminder' END)
              LIMIT $3
           ), inserted AS (
             INSERT INTO case_deadline_alerts (case_id, kind, due_on)
             SELECT id, kind, due_on FROM fresh ON CONFLICT DO NOTHING RETURNING case_id, kind, due_on
           )
           SELECT i.case_id, i.kind, to_char(i.due_on, 'YYYY-MM-DD') AS due_on, f.org_unit_code, f.assigned_officer_ids, f.label
             FROM inserted i JOIN fresh f ON f.id = i.case_id`,
          [horizon, today, BATCH],
        );
        for (const r of rows) {
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
      totals.reminders += sent.filter((r) => r.kind === 'reminder').length;
      totals.escalations += sent.filter((r) => r.kind === 'overdue').length;
      if (sent.length < BATCH) break;
    }
    if (totals.reminders || totals.escalations) this.logger.log(totals, 'case deadline alerts sent');
    return totals;
  }
}
