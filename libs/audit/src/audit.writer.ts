import { Injectable } from '@nestjs/common';
import { ActorContext } from '@app/kernel';
import { EntityManager } from 'typeorm';
import { AuditEntityType } from './audit-entity-types';
import { insertAuditEntries } from './persistence/audit-entries.repository';

export interface AuditRecord {
  action: string;
  entityType: AuditEntityType;
  entityId: string;
  orgUnitCode?: string | null;
  before?: unknown;
  after?: unknown;
}

/**
 * Writes audit entries inside the caller's transaction, so an entry exists exactly when its change does.
 * The writer only inserts; the hash chain is added by the sealer after commit (no lock on the write path).
 */
@Injectable()
export class AuditWriter {
  async write(em: EntityManager, actor: ActorContext, record: AuditRecord): Promise<void> {
    await this.writeMany(em, actor, [record]);
  }

  /**
   * An export is a sensitive read (names, masked identifiers): recorded with its filters before any row leaves, as
   * `<entityType>.exported` on the caller's unit.
   */
  async writeExport(
    em: EntityManager,
    actor: ActorContext,
    e: { entityType: AuditRecord['entityType']; orgUnitCode: string | null; filters: Record<string, unknown> },
  ): Promise<void> {
    await this.write(em, actor, {
      action: `${e.entityType}.exported`,
      entityType: e.entityType,
      entityId: '*',
      orgUnitCode: e.orgUnitCode,
      after: { filters: e.filters },
    });
  }

  async writeMany(em: EntityManager, actor: ActorContext, records: AuditRecord[]): Promise<void> {
    if (records.length === 0) return;
    const at = new Date().toISOString();
    const json = (v: unknown) => (v === undefined || v === null ? null : JSON.stringify(v));
    await insertAuditEntries(
      em,
      at,
      actor,
      records.map((r) => ({
        action: r.action,
        entityType: r.entityType,
        entityId: r.entityId,
        orgUnitCode: r.orgUnitCode ?? null,
        before: json(r.before),
        after: json(r.after),
      })),
    );
  }
}
