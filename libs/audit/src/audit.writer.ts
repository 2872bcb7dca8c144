import { Injectable } from '@nestjs/common';
import { ActorContext } from '@app/kernel';
import { EntityManager } from 'typeorm';
import { AuditEntityType } from './audit-entity-types';

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
    await em.query(
      `INSERT INTO audit_entries (at, actor_id, on_behalf_of_id, action, entity_type, entity_id, org_unit_code, before, after, request_id, ip)
       SELECT $1::timestamptz, $2::uuid, $3::uuid, r.action, r.entity_type, r.entity_id, r.org_unit_code, r.before::jsonb, r.after::jsonb, $4, $5
         FROM unnest($6::text[], $7::text[], $8::text[], $9::text[], $10::text[], $11::text[])
              AS r(action, entity_type, entity_id, org_unit_code, before, after)`,
      [
        at,
        actor.actorId,
        actor.onBehalfOfId,
        actor.requestId,
        actor.ip,
        records.map((r) => r.action),
        records.map((r) => r.entityType),
        records.map((r) => r.entityId),
        records.map((r) => r.orgUnitCode ?? null),
        records.map((r) => json(r.before)),
        records.map((r) => json(r.after)),
      ],
    );
  }
}
