import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { AuditWriter } from '@app/audit';
import { NotificationsService } from '@app/notifications';
import { APP_CONFIG, AppConfig, Clock, shanghaiDate, systemActor } from '@app/kernel';
import { OutboxWriter } from '@app/outbox';
import { DataSource, EntityManager } from 'typeorm';

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
    @InjectDataSource() private readonly dataSource: DataSource,
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
      const [rows] = await em.query<[{ id: string; org_unit_code: string }[], number]>(
        `UPDATE credit_publications p SET status = 'expired', removal_pending = true, version = version + 1, updated_at = now()
          WHERE p.id IN (SELECT id FROM credit_publications WHERE status = 'published' AND display_until < $1
                          ORDER BY display_until LIMIT $2 FOR UPDATE SKIP LOCKED)
          RETURNING p.id, p.org_unit_code`,
        [today, BATCH],
      );
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
      const [rows] = await em.query<
        [{ id: string; org_unit_code: string; due_on: string; status: string; document_no: string | null }[], number]
      >(
        `UPDATE credit_publications p SET overdue_notified_at = now()
          WHERE p.id IN (SELECT id FROM credit_publications
                          WHERE status IN ('pending', 'submitted', 'rejected', 'failed') AND due_on < $1 AND overdue_notified_at IS NULL
                          ORDER BY due_on LIMIT $2 FOR UPDATE SKIP LOCKED)
          RETURNING p.id, p.org_unit_code, to_char(p.due_on, 'YYYY-MM-DD') AS due_on, p.status, p.record->>'documentNo' AS document_no`,
        [today, BATCH],
      );
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
      const [rows] = await em.query<[{ id: string; removal: boolean }[], number]>(
        `UPDATE credit_publications p SET updated_at = now()
          WHERE p.id IN (SELECT id FROM credit_publications
                          WHERE ((status IN ('pending', 'submitted') AND mapping_errors = '[]'::jsonb) OR removal_pending)
                            AND updated_at < now() - $1 * interval '1 millisecond'
                          LIMIT $2 FOR UPDATE SKIP LOCKED)
          RETURNING p.id, p.removal_pending AS removal`,
        [idleMs, BATCH],
      );
      for (const r of rows) await this.outbox.enqueue(em, r.removal ? 'credit.remove' : 'credit.deliver', { publicationId: r.id });
      return rows.length;
    });
  }

  // UPDATE … RETURNING answers [rows, affected] through TypeORM's query()
  private async batched(step: (em: EntityManager) => Promise<number>): Promise<number> {
    let total = 0;
    for (;;) {
      const n = await this.dataSource.transaction(step);
      total += n;
      if (n < BATCH) return total;
    }
  }
}
