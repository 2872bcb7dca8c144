import { Inject, Injectable, Logger } from '@nestjs/common';
import { AuditWriter } from '@app/audit';
import { NotificationsService } from '@app/notifications';
import { APP_CONFIG, AppConfig, Clock, shanghaiDate, systemActor } from '@app/kernel';
import { OutboxWriter } from '@app/outbox';
import { EntityManager } from 'typeorm';
import { CreditSweepRepository } from './persistence/credit-sweep.repository';

const BATCH = 500;

export interface CreditSweepResult {
  expired: number;
  escalated: number;
  redelivered: number;
}

/**
 * The periodic side of publication (worker, every CREDIT_SWEEP_INTERVAL_MS): expiry at the end of the display
 * period (→ `expired`, removal job), one overdue escalation per publication, and a safety net that re-enqueues
 * deliveries and removals that made no progress for CREDIT_REDELIVER_AFTER_MS (a job lost with Redis, or failed by
 * BullMQ after too many stalls). Rows are claimed with FOR UPDATE SKIP LOCKED and each step is idempotent, so
 * worker replicas may run it at the same time.
 */
@Injectable()
export class CreditSweep {
  private readonly logger = new Logger(CreditSweep.name);

  constructor(
    private readonly sweep: CreditSweepRepository,
    private readonly outbox: OutboxWriter,
    private readonly audit: AuditWriter,
    private readonly notifications: NotificationsService,
    private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async run(): Promise<CreditSweepResult> {
    const result = { expired: await this.expire(), escalated: await this.escalateOverdue(), redelivered: await this.redeliver() };
    if (result.expired || result.escalated || result.redelivered) this.logger.log(result, 'credit publication sweep');
    return result;
  }

  /** Published records whose display period has ended (公示截止期 passed): `expired`, and taken off the platform. */
  private async expire(): Promise<number> {
    const today = shanghaiDate(this.clock.now());
    return this.batched(async (em) => {
      const rows = await this.sweep.expire(em, today, BATCH);
      for (const r of rows) await this.outbox.enqueue(em, 'credit.remove', { publicationId: r.id });
      await this.audit.writeMany(
        em,
        systemActor('task:credit-sweep'),
        rows.map((r) => ({
          action: 'publication.expired',
          entityType: 'publication' as const,
          entityId: r.id,
          orgUnitCode: r.org_unit_code,
          before: { status: 'published' },
          after: { status: 'expired', removalPending: true },
        })),
      );
      return rows.length;
    });
  }

  /** Past due and not on the platform: the unit's supervisors are told, once per publication. */
  private async escalateOverdue(): Promise<number> {
    const today = shanghaiDate(this.clock.now());
    return this.batched(async (em) => {
      const rows = await this.sweep.takeOverdue(em, today, BATCH);
      for (const r of rows) {
        await this.notifications.publish(em, {
          kind: 'credit.publication_overdue',
          title: `信用公示超期 / Publication overdue: ${r.document_no ?? r.id}`,
          body: `应于 ${r.due_on} 前公示，当前状态 ${r.status} / due ${r.due_on}, status ${r.status}`,
          entityType: 'publication',
          entityId: r.id,
          audience: { roles: ['supervisor'], orgUnitCodes: [r.org_unit_code] },
        });
      }
      await this.audit.writeMany(
        em,
        systemActor('task:credit-sweep'),
        rows.map((r) => ({
          action: 'publication.overdue_escalated',
          entityType: 'publication' as const,
          entityId: r.id,
          orgUnitCode: r.org_unit_code,
          after: { dueOn: r.due_on, status: r.status },
        })),
      );
      return rows.length;
    });
  }

  /** Deliveries and removals idle for CREDIT_REDELIVER_AFTER_MS get a fresh job (a duplicate is a no-op under the row lock). */
  private async redeliver(): Promise<number> {
    const idleMs = this.config.credit.redeliverAfterMs;
    return this.batched(async (em) => {
      const rows = await this.sweep.takeIdle(em, idleMs, BATCH);
      for (const r of rows) await this.outbox.enqueue(em, r.removal ? 'credit.remove' : 'credit.deliver', { publicationId: r.id });
      return rows.length;
    });
  }

  private async batched(step: (em: EntityManager) => Promise<number>): Promise<number> {
    let total = 0;
    for (;;) {
      const n = await this.sweep.transaction(step);
      total += n;
      if (n < BATCH) return total;
    }
  }
}
