import { Injectable } from '@nestjs/common';
import { StatutoryCalendar } from '@app/calendar';
import { Clock, shanghaiDate, TransactionRunner } from '@app/kernel';
import { NotificationsService } from '@app/notifications';
import { dueAlert, REMIND_WORKING_DAYS_BEFORE } from './domain/reply-due';
import { TransfersRepository } from './persistence/transfers.repository';

const BATCH = 500;

/**
 * Reply deadlines on this office's calendar, for transfers waiting for a reply on either side and for open liaison
 * requests: a reminder before the due day to the unit, an escalation to its supervisors after it; once per due date
 * (SKIP LOCKED: replicas share the rows).
 */
@Injectable()
export class TransfersSweep {
  constructor(
    private readonly repo: TransfersRepository,
    private readonly tx: TransactionRunner,
    private readonly calendar: StatutoryCalendar,
    private readonly notifications: NotificationsService,
    private readonly clock: Clock,
  ) {}

  async run(): Promise<{ reminded: number; escalated: number }> {
    const today = shanghaiDate(this.clock.now());
    const remindFrom = this.calendar.current.addWorkingDays(today, REMIND_WORKING_DAYS_BEFORE);
    let reminded = 0;
    let escalated = 0;
    await this.tx.run(async (em) => {
      const rows = [
        ...(await this.repo.awaitingReply(em, remindFrom, BATCH)).map((r) => ({ ...r, table: 'transfers' as const })),
        ...(await this.repo.liaisonsDue(em, remindFrom, BATCH)).map((r) => ({ ...r, table: 'case_liaisons' as const })),
      ];
      for (const r of rows) {
        const alert = dueAlert(this.calendar.current, { due: r.due, today, remindedFor: r.remindedFor, escalatedFor: r.escalatedFor });
        if (!alert) continue;
        const what = r.table === 'transfers' ? '移送/协作请求' : '联络函';
        const entityType = r.table === 'transfers' ? 'transfer' : 'liaison';
        await this.notifications.publish(em, {
          kind: `${entityType}.${alert === 'remind' ? 'reply_due' : 'reply_overdue'}`,
          title: alert === 'remind' ? `${what}答复将到期 / Reply due ${r.due}` : `${what}答复已逾期 / Reply overdue since ${r.due}`,
          body: `${entityType} ${r.id}`,
          entityType,
          entityId: r.id,
          audience: { roles: alert === 'remind' ? ['officer', 'supervisor'] : ['supervisor'], orgUnitCodes: [r.orgUnitCode] },
        });
        await this.repo.markAlerted(em, r.table, r.id, alert === 'remind' ? 'reminded_for' : 'escalated_for', r.due);
        if (alert === 'remind') reminded++;
        else escalated++;
      }
    });
    return { reminded, escalated };
  }
}
