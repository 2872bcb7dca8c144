import { Inject, Injectable, Logger } from '@nestjs/common';
import { AuditWriter } from '@app/audit';
import { NotificationsService } from '@app/notifications';
import { Clock, systemActor } from '@app/kernel';
import { MetricCounters } from '@app/metrics';
import { EntityManager } from 'typeorm';
import { CREDIT_PLATFORM_ADAPTER, CreditPlatformAdapter, SubmitOutcome } from './adapters/credit-platform.adapter';
import { publicationCountDeltas } from './credit-counts';
import { idempotencyKeyOf } from './domain/publication-status';
import { CreditPublicationEntity } from './persistence/credit-publication.entity';
import { PublicationsRepository } from './persistence/publications.repository';
import { publicationSnapshot } from './publication.mapper';

/** Where a job stands in its retries: the last attempt turns a retryable error into `failed`. */
export interface AttemptInfo {
  attemptsMade: number;
  maxAttempts: number;
}

/** A retryable failure: thrown after the transaction commits, so BullMQ retries the job with back-off. */
export class RetryLater extends Error {
  override name = 'RetryLater';
}

const isLast = (a: AttemptInfo) => a.attemptsMade + 1 >= a.maxAttempts;

/** What a platform answer makes of a publication still to be delivered. */
export function outcomeChange(outcome: SubmitOutcome, attempt: AttemptInfo, now: Date) {
  switch (outcome.kind) {
    case 'accepted':
      return { status: 'published' as const, platformReceiptId: outcome.receiptId, publishedAt: now, lastError: null };
    case 'rejected':
      return { status: 'rejected' as const, platformReceiptId: null, publishedAt: null, lastError: outcome.reason };
    case 'retry':
      return {
        status: isLast(attempt) ? ('failed' as const) : ('submitted' as const),
        platformReceiptId: null,
        publishedAt: null,
        lastError: outcome.error,
      };
  }
}

/**
 * Delivers publications to the platform and removes them there, in three steps so that no database connection or
 * row lock is held while the platform answers (a slow platform must not starve the pool). A delivery: read (is there
 * anything to send? one statement, nothing written), call (no transaction), record (a short transaction: one
 * statement locks the row, checks it is still to be delivered and stores the outcome and the attempt, answering the
 * row as it was for the audit; then the count and the audit entry). A removal: claim (a short transaction that counts
 * the attempt), call, record.
 * Exactly once holds without the lock across the call: the platform keys records on the publication id, so two runs
 * of one publication (a retried or stalled job, a duplicate re-enqueue) or a call whose answer was lost make one
 * record; and only the run whose record step still finds the publication undelivered stores `published`, its
 * receipt and its count (`credit.published`, `…_on_time`) — a later one sees `published` and changes nothing.
 */
@Injectable()
export class CreditDeliveryService {
  private readonly logger = new Logger(CreditDeliveryService.name);

  constructor(
    private readonly publications: PublicationsRepository,
    @Inject(CREDIT_PLATFORM_ADAPTER) private readonly adapter: CreditPlatformAdapter,
    private readonly audit: AuditWriter,
    private readonly notifications: NotificationsService,
    private readonly counters: MetricCounters,
    private readonly clock: Clock,
  ) {}

  async deliver(publicationId: string, attempt: AttemptInfo): Promise<void> {
    // gone, already delivered, withdrawn, rejected, or incomplete: nothing to send (a duplicate job ends here)
    const record = await this.publications.deliverableRecord(publicationId);
    if (!record) return;
    const attemptAt = this.clock.now();
    const outcome = await this.adapter.submit(idempotencyKeyOf(publicationId), record);
    const change = outcomeChange(outcome, attempt, this.clock.now());
    const recorded = await this.publications.transaction(async (em) => {
      const stored = await this.publications.recordDelivery(em, publicationId, attemptAt, change);
      if (!stored) return false;
      const { before, after } = stored;
      if (change.status === 'published') {
        await this.counters.add(
          em,
          publicationCountDeltas({ orgUnitCode: before.orgUnitCode, dueOn: before.dueOn, publishedAt: change.publishedAt }),
        );
      }
      if (change.status === 'rejected') {
        await this.alert(em, after, 'credit.publication_rejected', `信用公示被平台退回 / Publication rejected`, change.lastError ?? '');
      } else if (change.status === 'failed') {
        await this.alert(em, after, 'credit.publication_failed', `信用公示推送失败 / Publication failed`, change.lastError ?? '');
      }
      if (change.status !== before.status) {
        await this.audit.write(em, systemActor(`job:credit.deliver:${publicationId}`), {
          action: `publication.${change.status}`,
          entityType: 'publication',
          entityId: publicationId,
          orgUnitCode: before.orgUnitCode,
          before: publicationSnapshot(before),
          after: { ...publicationSnapshot(after), lastError: after.lastError },
        });
      }
      return true;
    });
    // another run recorded first, or a supervisor withdrew meanwhile: keep what the platform holds findable
    if (!recorded && outcome.kind === 'accepted') await this.publications.recordLateReceipt(publicationId, outcome.receiptId);
    if (recorded && change.status === 'submitted') throw new RetryLater(change.lastError ?? 'retry');
  }

  /**
   * Takes a withdrawn or expired publication off the platform (idempotent: an already deleted record counts as
   * removed); claim → call → record as for delivery.
   */
  async remove(publicationId: string, attempt: AttemptInfo): Promise<void> {
    const claim = await this.publications.transaction(async (em) => {
      const p = await this.publications.lock(em, publicationId);
      if (!p || !p.removalPending) return null;
      await this.publications.recordRemovalAttempt(em, p.id, this.clock.now());
      return { receiptId: p.platformReceiptId, record: p.record };
    });
    if (!claim) return;
    let receiptId = claim.receiptId;
    let outcome: { kind: 'removed' } | { kind: 'rejected'; reason: string } | { kind: 'retry'; error: string };
    if (!receiptId) {
      // sent, but the answer was lost before the withdrawal: the idempotent POST names the record (or creates and
      // so reveals it), then it is deleted
      const replay = await this.adapter.submit(idempotencyKeyOf(publicationId), claim.record);
      if (replay.kind === 'accepted') receiptId = replay.receiptId;
      outcome =
        replay.kind === 'accepted'
          ? await this.adapter.remove(replay.receiptId, claim.record)
          : replay.kind === 'rejected'
            ? { kind: 'removed' }
            : replay;
    } else {
      outcome = await this.adapter.remove(receiptId, claim.record);
    }
    const retry = await this.publications.transaction(async (em) => {
      const p = await this.publications.lock(em, publicationId);
      // another run recorded the removal first: nothing more to say
      if (!p || !p.removalPending) return null;
      const before = publicationSnapshot(p);
      p.platformReceiptId = receiptId;
      let retryError: string | null = null;
      switch (outcome.kind) {
        case 'removed':
          p.removalPending = false;
          p.removedAt = this.clock.now();
          p.lastError = null;
          break;
        case 'rejected': {
          // kept pending: the sweep tries again later; supervisors hear of each new refusal once
          const error = `removal refused: ${outcome.reason}`;
          if (p.lastError !== error) await this.alert(em, p, 'credit.removal_failed', '信用公示撤下失败 / Removal refused', outcome.reason);
          p.lastError = error;
          break;
        }
        case 'retry':
          p.lastError = `removal: ${outcome.error}`;
          if (isLast(attempt)) await this.alert(em, p, 'credit.removal_failed', '信用公示撤下失败 / Removal failed', outcome.error);
          else retryError = outcome.error;
          break;
      }
      await this.publications.save(em, p);
      if (outcome.kind !== 'retry') {
        await this.audit.write(em, systemActor(`job:credit.remove:${publicationId}`), {
          action: outcome.kind === 'removed' ? 'publication.removed' : 'publication.removal_refused',
          entityType: 'publication',
          entityId: p.id,
          orgUnitCode: p.orgUnitCode,
          before,
          after: { ...publicationSnapshot(p), removedAt: p.removedAt, lastError: p.lastError },
        });
      }
      return retryError;
    });
    if (retry) throw new RetryLater(retry);
  }

  /** Tells the unit's supervisors (the reason may quote the platform, never the record). */
  private async alert(em: EntityManager, p: CreditPublicationEntity, kind: string, title: string, reason: string): Promise<void> {
    this.logger.warn({ publicationId: p.id, kind, reason }, 'credit publication needs a supervisor');
    await this.notifications.publish(em, {
      kind,
      title: `${title}: ${p.record.documentNo ?? p.id}`,
      body: reason.slice(0, 500),
      entityType: 'publication',
      entityId: p.id,
      audience: { roles: ['supervisor'], orgUnitCodes: [p.orgUnitCode] },
    });
  }
}
