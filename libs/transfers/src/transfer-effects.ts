import { Injectable } from '@nestjs/common';
import { AuditWriter } from '@app/audit';
import { CaseTransferGrant, CaseTransferPermission, CaseTransfersPort } from '@app/cases';
import { ActorContext, Clock } from '@app/kernel';
import { CountDelta, MetricCounters } from '@app/metrics';
import { NotificationsService } from '@app/notifications';
import { OutboxWriter } from '@app/outbox';
import { randomUUID } from 'node:crypto';
import { EntityManager } from 'typeorm';
import type { StatusMessage } from './domain/dossier';
import { transferSnapshot } from './http/transfer.mapper';
import { TransferEntity } from './persistence/transfer.entity';
import { TransfersRepository } from './persistence/transfers.repository';

export const KIND_LABELS: Record<string, string> = {
  transfer: '案件移送',
  assist_investigation: '协助调查取证',
  assist_service: '委托送达',
  assist_enforcement: '协助执行',
};

/** What a transfer's reply adds to the counters: its working days, by reply date and the transfer's unit. */
export function replyCountDeltas(t: { orgUnitCode: string; repliedOn: string; replyWorkingDays: number }): CountDelta[] {
  return [{ metric: 'transfer.reply_days', orgUnitCode: t.orgUnitCode, on: t.repliedOn, dimension: String(t.replyWorkingDays), value: 1 }];
}

/**
 * The writes every transfer step makes in its transaction, in one place: the transfer row, its timeline event, the
 * audit entry, the case timeline (through the cases context's named grant), notifications, counts and outbox jobs.
 */
@Injectable()
export class TransferEffects {
  constructor(
    private readonly repo: TransfersRepository,
    private readonly auditWriter: AuditWriter,
    private readonly outbox: OutboxWriter,
    private readonly notifications: NotificationsService,
    private readonly counters: MetricCounters,
    private readonly port: CaseTransfersPort,
    private readonly clock: Clock,
  ) {}

  grant(t: TransferEntity, permission: CaseTransferPermission, userId?: string | null): CaseTransferGrant {
    return { permission, transferId: t.id, partnerCode: t.partnerCode, keyId: t.keyId, userId: userId ?? null };
  }

  /** Saves the transfer and writes its event and audit entry; `caseEvent` also goes on the case timeline. */
  async step(
    em: EntityManager,
    actor: ActorContext,
    t: TransferEntity,
    s: { action: string; before: ReturnType<typeof transferSnapshot> | null; payload?: Record<string, unknown>; caseEvent?: string },
  ): Promise<void> {
    if (s.before && s.before.status !== t.status) t.version += 1;
    await this.repo.saveTransfer(em, t);
    const payload = { partnerCode: t.partnerCode, keyId: t.keyId, ...(s.payload ?? {}) };
    await this.repo.insertEvent(em, {
      transferId: t.id,
      at: this.clock.now(),
      actorId: actor.actorId,
      action: s.action,
      fromStatus: s.before?.status ?? null,
      toStatus: t.status,
      payload,
    });
    await this.auditWriter.write(em, actor, {
      action: `transfer.${s.action}`,
      entityType: 'transfer',
      entityId: t.id,
      orgUnitCode: t.orgUnitCode,
      before: s.before ?? undefined,
      after: { ...transferSnapshot(t), ...payload },
    });
    if (s.caseEvent && t.caseId)
      await this.port.recordEvent(em, this.grant(t, 'transfer.record_event', actor.actorId), t.caseId, s.caseEvent, {
        transferId: t.id,
        direction: t.direction,
        kind: t.kind,
        status: t.status,
        ...(s.payload ?? {}),
      });
  }

  /** Queues a status message to the partner (sent and retried by `transfers.send_status`). */
  async sendStatus(em: EntityManager, t: TransferEntity, message: Omit<StatusMessage, 'messageId' | 'at'>): Promise<void> {
    const m = await this.repo.saveMessage(
      em,
      this.repo.newMessage({
        transferId: t.id,
        direction: 'out',
        messageId: randomUUID(),
        status: message.status,
        payload: { messageId: '', at: this.clock.now().toISOString(), ...message },
      }),
    );
    m.payload = { ...m.payload, messageId: m.messageId };
    await this.repo.saveMessage(em, m);
    await this.outbox.enqueue(em, 'transfers.send_status', { messageId: m.id });
  }

  async notify(
    em: EntityManager,
    t: TransferEntity,
    kind: string,
    title: string,
    body: string,
    roles: ('officer' | 'supervisor')[] = ['supervisor'],
  ): Promise<void> {
    await this.notifications.publish(em, {
      kind,
      title: `${title} (${KIND_LABELS[t.kind] ?? t.kind}, ${t.partnerCode})`,
      body: body.slice(0, 500),
      entityType: 'transfer',
      entityId: t.id,
      audience: { roles, orgUnitCodes: [t.orgUnitCode] },
    });
  }

  outboxFetch(em: EntityManager, transferId: string): Promise<string> {
    return this.outbox.enqueue(em, 'transfers.fetch_files', { transferId });
  }

  outboxDeliver(em: EntityManager, transferId: string): Promise<string> {
    return this.outbox.enqueue(em, 'transfers.deliver', { transferId });
  }

  /** An audit entry of a step that changes nothing on the transfer (a file served, a message sent). */
  audit(em: EntityManager, actor: ActorContext, t: TransferEntity, action: string, after: Record<string, unknown>): Promise<void> {
    return this.auditWriter.write(em, actor, {
      action: `transfer.${action}`,
      entityType: 'transfer',
      entityId: t.id,
      orgUnitCode: t.orgUnitCode,
      after,
    });
  }

  count(em: EntityManager, deltas: CountDelta[]): Promise<void> {
    return this.counters.add(em, deltas);
  }
}
