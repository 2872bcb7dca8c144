import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { NotificationsService } from '@app/notifications';
import { StatutoryCalendar } from '@app/calendar';
import { Clock, shanghaiDate } from '@app/kernel';
import { DataSource } from 'typeorm';
import { HotlineSettings } from './hotline-settings';

const BATCH = 1000;

interface SlaAlertRow {
  ticket_id: string;
  sla: 'first_response' | 'resolution' | 'callback';
  kind: 'reminder' | 'overdue';
  due_on: string;
  org_unit_code: string | null;
  status: string;
  ticket_no: string;
}

const SLA_LABELS = { first_response: '答复 / first response', resolution: '办结 / resolution', callback: '回访 / callback' } as const;

/**
 * SLA reminders (HOTLINE_SLA_WORKING_DAYS.reminder working days before) and escalations (after) for the three due
 * dates of a ticket: first response and resolution while open, the callback once closed. Once per (ticket, SLA, kind,
 * due date): the alert row's primary key makes a second run, or a second worker, a no-op. Each branch reads its own
 * partial index.
 */
@Injectable()
export class HotlineSlaSweep {
  private readonly logger = new Logger(HotlineSlaSweep.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly notifications: NotificationsService,
    private readonly clock: Clock,
    private readonly calendar: StatutoryCalendar,
    @Inject(HotlineSettings) private readonly settings: HotlineSettings,
  ) {}

  async run(): Promise<{ reminders: number; escalations: number }> {
    const today = shanghaiDate(this.clock.now());
    const horizon = this.calendar.current.addWorkingDays(today, this.settings.sla.reminder);
    const bureaus = (await this.dataSource.query<{ code: string }[]>(`SELECT code FROM org_units WHERE kind = 'bureau'`)).map(
      (r) => r.code,
    );
    const totals = { reminders: 0, escalations: 0 };
    for (;;) {
      const sent = await this.dataSource.transaction(async (em) => {
        const rows = await em.query<SlaAlertRow[]>(
          `WITH due AS (
             SELECT t.id, t.org_unit_code, t.status, t.ticket_no, 'first_response' AS sla, t.first_response_due AS due_on
               FROM hotline_tickets t
              WHERE t.status NOT IN ('closed', 'converted') AND t.first_responded_at IS NULL AND t.first_response_due <= $1
             UNION ALL
             SELECT t.id, t.org_unit_code, t.status, t.ticket_no, 'resolution', t.resolution_due
               FROM hotline_tickets t
              WHERE t.status NOT IN ('closed', 'converted') AND t.resolution_due <= $1
             UNION ALL
             SELECT t.id, t.org_unit_code, t.status, t.ticket_no, 'callback', t.callback_due
               FROM hotline_tickets t
              WHERE t.status = 'closed' AND NOT t.callback_recorded AND t.callback_due <= $1
           ), fresh AS (
             SELECT d.*, CASE WHEN d.due_on < $2 THEN 'overdue' ELSE 'reminder' END AS kind FROM due d
              WHERE NOT EXISTS (SELECT 1 FROM hotline_sla_alerts a
                                 WHERE a.ticket_id = d.id AND a.sla = d.sla AND a.due_on = d.due_on
                                   AND a.kind = CASE WHEN d.due_on < $2 THEN 'overdue' ELSE 'reminder' END)
              LIMIT $3
           ), inserted AS (
             INSERT INTO hotline_sla_alerts (ticket_id, sla, kind, due_on)
             SELECT id, sla, kind, due_on FROM fresh ON CONFLICT DO NOTHING RETURNING ticket_id, sla, kind, due_on
           )
           SELECT i.ticket_id, i.sla, i.kind, to_char(i.due_on, 'YYYY-MM-DD') AS due_on, f.org_unit_code, f.status, f.ticket_no
             FROM inserted i JOIN fresh f ON f.id = i.ticket_id AND f.sla = i.sla`,
          [horizon, today, BATCH],
        );
        for (const r of rows) {
          const overdue = r.kind === 'overdue';
          const withUnit = r.org_unit_code !== null && r.sla !== 'callback';
          // reminders: whoever works the ticket now (the unit's officers once assigned, else the centre's operators);
          // escalations: the supervisors of that unit, or of the city bureau while the centre holds the ticket
          const audience = overdue
            ? { roles: ['supervisor' as const], orgUnitCodes: withUnit ? [r.org_unit_code as string] : bureaus }
            : withUnit
              ? { roles: ['officer' as const], orgUnitCodes: [r.org_unit_code as string] }
              : { roles: ['hotline_operator' as const] };
          await this.notifications.publish(em, {
            kind: overdue ? 'ticket.sla_overdue' : 'ticket.sla_reminder',
            title: `${overdue ? '工单超期 / Ticket overdue' : '工单期限提醒 / Ticket due soon'}: ${r.ticket_no}`,
            body: `${SLA_LABELS[r.sla]} ${r.due_on}`,
            entityType: 'ticket',
            entityId: r.ticket_id,
            audience,
          });
        }
        return rows;
      });
      totals.reminders += sent.filter((r) => r.kind === 'reminder').length;
      totals.escalations += sent.filter((r) => r.kind === 'overdue').length;
      if (sent.length < BATCH) break;
    }
    if (totals.reminders || totals.escalations) this.logger.log(totals, 'hotline SLA alerts sent');
    return totals;
  }
}
