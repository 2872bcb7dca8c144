import { Injectable } from '@nestjs/common';
import { AuditRecord, AuditWriter } from '@app/audit';
import { ActorContext, Clock } from '@app/kernel';
import { EntityManager } from 'typeorm';
import { CaseChange, CaseChangeHooks } from './case-change.hooks';
import { CaseEntity } from './persistence/case.entity';
import { CasesRepository } from './persistence/cases.repository';

/** What one change to a case records: the timeline's action and payload, and the audit entry's action and states. */
export interface CaseChangeRecord {
  /** the timeline's action (`receive`, an action of the state machine, `recuse`, `add_evidence`, …) */
  action: string;
  /** the audit trail's action, e.g. `case.file` or `evidence.uploaded` */
  auditAction: string;
  fromStatus: CaseEntity['status'] | null;
  payload: Record<string, unknown>;
  /** the audit entry's subject when it is not the case itself (evidence) */
  audit?: Pick<AuditRecord, 'entityType' | 'entityId'>;
  before?: unknown;
  after?: unknown;
}

/**
 * Records a change to a case in the caller's transaction: the timeline event, the audit entry and — for changes of
 * the case itself — the change hooks (credit publication, metrics counts). Every write path of the context uses it,
 * so none can forget one of the three.
 */
@Injectable()
export class CaseChangeRecorder {
  constructor(
    private readonly repo: CasesRepository,
    private readonly audit: AuditWriter,
    private readonly hooks: CaseChangeHooks,
    private readonly clock: Clock,
  ) {}

  /** A change of the case (state, fields): event + audit + hooks. */
  async record(
    em: EntityManager,
    actorId: string,
    actor: ActorContext,
    c: CaseEntity,
    r: CaseChangeRecord & { action: CaseChange['action'] },
  ) {
    const at = await this.recordEvent(em, actorId, actor, c, r);
    await this.hooks.emit(em, { case: c, action: r.action, fromStatus: r.fromStatus, toStatus: c.status, at, actorId, payload: r.payload });
  }

  /** Something recorded on the case without changing it (evidence, its preservation decision): event + audit. */
  async recordEvent(
    em: EntityManager,
    actorId: string,
    actor: ActorContext,
    c: Pick<CaseEntity, 'id' | 'status' | 'orgUnitCode'>,
    r: CaseChangeRecord,
  ): Promise<Date> {
    const at = this.clock.now();
    await this.repo.insertEvent(em, {
      caseId: c.id,
      at,
      actorId,
      action: r.action,
      fromStatus: r.fromStatus,
      toStatus: c.status,
      payload: r.payload,
    });
    await this.audit.write(em, actor, {
      action: r.auditAction,
      entityType: r.audit?.entityType ?? 'case',
      entityId: r.audit?.entityId ?? c.id,
      orgUnitCode: c.orgUnitCode,
      before: r.before,
      after: r.after,
    });
    return at;
  }
}
