import { Inject, Injectable, Logger } from '@nestjs/common';
import { NotificationsService } from '@app/notifications';
import { StatutoryCalendar } from '@app/calendar';
import { Clock, shanghaiDate } from '@app/kernel';
import { HotlineSettings } from './hotline-settings';
import { TicketSlaAlertsRepository } from './persistence/ticket-sla-alerts.repository';

const BATCH = 1000;

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
    private readonly slaAlerts: TicketSlaAlertsRepository,
    private readonly notifications: NotificationsService,
    private readonly clock: Clock,
    private readonly calendar: StatutoryCalendar,
    @Inject(HotlineSettings) private readonly settings: HotlineSettings,
  ) {}

  async run(): Promise<{ reminders: number; escalations: number }> {
    const today = shanghaiDate(this.clock.now());
    const horizon = this.calendar.current.addWorkingDays(today, this.settings.sla.reminder);
    const bureaus = await this.slaAlerts.bureauCodes();
    const totals = { reminders: 0, escalations: 0 };
    for (;;) {
      const sent = await this.slaAlerts.transaction(async (em) => {
        const rows = await this.slaAlerts.takeDue(em, horizon, today, BATCH);
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
