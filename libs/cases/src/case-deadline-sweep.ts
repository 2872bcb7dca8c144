import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { NotificationsService } from '@app/notifications';
import { Clock, shanghaiDate } from '@app/kernel';
import { DataSource } from 'typeorm';
import { StatutoryCalendar } from '@app/calendar';
import { closingDueInForceSql, FILED_OPEN_STATUSES_EXCLUDED_SQL } from './persistence/case-sql';

/** Reminders go out this many working days before a deadline; escalations the day after it passes. */
export const REMINDER_WORKING_DAYS = 2;
const BATCH = 1000;

/**
 * One batch of the deadline sweep, in one statement: $1 = reminder horizon, $2 = today, $3 = batch size. Exported
 * for the benchmark, which times it at a million cases.
 */
export const CASE_SWEEP_SQL = `WITH due AS (
   -- two branches, each on its own partial index of running cases not yet escalated for their due date
   SELECT c.id, c.org_unit_code, c.assigned_officer_ids, coalesce(c.case_no, c.receipt_no) AS label,
          c.filing_decision_due AS due_on, c.reminded_for
     FROM cases c
    WHERE c.status = 'received' AND NOT c.suspended AND c.escalated_for IS DISTINCT FROM c.filing_decision_due
      AND c.filing_decision_due <= $1
   UNION ALL
   SELECT c.id, c.org_unit_code, c.assigned_officer_ids, coalesce(c.case_no, c.receipt_no) AS label,
          ${closingDueInForceSql('c')} AS due_on, c.reminded_for
     FROM cases c
    WHERE c.status NOT IN ${FILED_OPEN_STATUSES_EXCLUDED_SQL} AND NOT c.suspended
      AND c.escalated_for IS DISTINCT FROM ${closingDueInForceSql('c')}
      AND ${closingDueInForceSql('c')} <= $1
 ), fresh AS (
   SELECT d.*, CASE WHEN d.due_on < $2 THEN 'overdue' ELSE 'reminder' END AS kind FROM due d
    WHERE d.due_on < $2 OR d.reminded_for IS DISTINCT FROM d.due_on
    LIMIT $3
 ), marked AS (
   -- the case leaves the sweep's view for this due date even when another sweeper sent the alert first
   UPDATE cases c
      SET reminded_for = CASE WHEN f.kind = 'reminder' THEN f.due_on ELSE c.reminded_for END,
          escalated_for = CASE WHEN f.kind = 'overdue' THEN f.due_on ELSE c.escalated_for END
     FROM fresh f WHERE c.id = f.id
 ), inserted AS (
   INSERT INTO case_deadline_alerts (case_id, kind, due_on)
   SELECT id, kind, due_on FROM fresh ON CONFLICT DO NOTHING RETURNING case_id, kind, due_on
 )
 SELECT f.id AS case_id, f.kind, to_char(f.due_on, 'YYYY-MM-DD') AS due_on, f.org_unit_code, f.assigned_officer_ids,
        f.label, i.case_id IS NOT NULL AS sent
   FROM fresh f LEFT JOIN inserted i ON i.case_id = f.id AND i.kind = f.kind AND i.due_on = f.due_on`;

interface AlertRow {
  case_id: string;
  kind: 'reminder' | 'overdue';
  due_on: string;
  org_unit_code: string;
  assigned_officer_ids: string[];
  label: string;
  /** false when another sweeper sent this alert first */
  sent: boolean;
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
    private readonly calendar: StatutoryCalendar,
  ) {}

  async run(): Promise<{ reminders: number; escalations: number }> {
    const today = shanghaiDate(this.clock.now());
    const horizon = this.calendar.current.addWorkingDays(today, REMINDER_WORKING_DAYS);
    const totals = { reminders: 0, escalations: 0 };
    for (;;) {
      const sent = await this.dataSource.transaction(async (em) => {
        const rows = await em.query<AlertRow[]>(CASE_SWEEP_SQL, [horizon, today, BATCH]);
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
   * 登记保存 decisions past their 7-day limit: the unit's supervisors (and the case's officers) are told once per
   * registration. The UPDATE … WHERE NOT preservation_escalated makes a second sweeper skip rows the first took.
   */
  async runPreservations(): Promise<number> {
    const today = shanghaiDate(this.clock.now());
    return this.dataSource.transaction(async (em) => {
      const rows = await em.query<
        {
          id: string;
          case_id: string;
          file_name: string;
          due: string;
          org_unit_code: string;
          assigned_officer_ids: string[];
          label: string;
        }[]
      >(
        // (a CTE so that the driver answers rows, not [rows, count] as it does for a bare UPDATE)
        `WITH escalated AS (
         UPDATE case_evidence e SET preservation_escalated = true
           FROM cases c
          WHERE c.id = e.case_id AND e.preservation_due IS NOT NULL AND e.preservation_decided_on IS NULL
            AND NOT e.preservation_escalated AND e.preservation_due < $1
         RETURNING e.id, e.case_id, e.file_name, to_char(e.preservation_due, 'YYYY-MM-DD') AS due, c.org_unit_code,
                   c.assigned_officer_ids, coalesce(c.case_no, c.receipt_no) AS label)
         SELECT * FROM escalated`,
        [today],
      );
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
