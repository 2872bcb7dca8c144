import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { runStatement, SqlConditions, statement, type ActorContext } from '@app/kernel';
import { DataSource, EntityManager } from 'typeorm';
import type { AuditEntryContent } from '../domain/audit-chain';
import { auditReach, AuditViewer } from '../domain/audit-scope';

/** An audit entry row as stored. */
export interface EntryRow {
  id: string;
  at: Date;
  actor_id: string | null;
  on_behalf_of_id: string | null;
  action: string;
  entity_type: string;
  entity_id: string;
  org_unit_code: string | null;
  before: unknown;
  after: unknown;
  request_id: string | null;
  ip: string | null;
}

/** An audit entry row with its chain link (null until sealed). */
export type AuditEntryRow = EntryRow & { seq: string | null; prev_hash: string | null; hash: string | null };

/** The content of a stored entry, as its hash covers it and the API shows it. */
export function toContent(r: EntryRow): AuditEntryContent {
  return {
    id: String(r.id),
    at: new Date(r.at).toISOString(),
    actorId: r.actor_id,
    onBehalfOfId: r.on_behalf_of_id,
    action: r.action,
    entityType: r.entity_type,
    entityId: r.entity_id,
    orgUnitCode: r.org_unit_code,
    before: r.before,
    after: r.after,
    requestId: r.request_id,
    ip: r.ip,
  };
}

export interface AuditEntryFilter {
  entityType?: string;
  entityId?: string;
  actorId?: string;
  action?: string;
  /** instants (ISO) */
  from?: string;
  to?: string;
  /** entries older than this id */
  beforeId?: string;
}

/** One entry to insert (the writer's record, its JSON already serialised). */
export interface AuditEntryInsert {
  action: string;
  entityType: string;
  entityId: string;
  orgUnitCode: string | null;
  before: string | null;
  after: string | null;
}

/** Every change writes it (in its own transaction): prepared once per connection */
const INSERT_AUDIT_ENTRIES = statement(
  `INSERT INTO audit_entries (at, actor_id, on_behalf_of_id, action, entity_type, entity_id, org_unit_code, before, after, request_id, ip)
   SELECT $1::timestamptz, $2::uuid, $3::uuid, r.action, r.entity_type, r.entity_id, r.org_unit_code, r.before::jsonb, r.after::jsonb, $4, $5
     FROM unnest($6::text[], $7::text[], $8::text[], $9::text[], $10::text[], $11::text[])
          AS r(action, entity_type, entity_id, org_unit_code, before, after)`,
);

/** Inserts entries in the caller's transaction: one statement, whatever their number. */
export async function insertAuditEntries(em: EntityManager, at: string, actor: ActorContext, rows: AuditEntryInsert[]): Promise<void> {
  await runStatement(em, INSERT_AUDIT_ENTRIES, [
    at,
    actor.actorId,
    actor.onBehalfOfId,
    actor.requestId,
    actor.ip,
    rows.map((r) => r.action),
    rows.map((r) => r.entityType),
    rows.map((r) => r.entityId),
    rows.map((r) => r.orgUnitCode),
    rows.map((r) => r.before),
    rows.map((r) => r.after),
  ]);
}

/** Reads of the audit trail, through the one scope rule (domain/audit-scope.ts). */
@Injectable()
export class AuditEntriesRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** One page (limit + 1 rows) of the entries the viewer may read, newest first, with their chain links. */
  list(viewer: AuditViewer, f: AuditEntryFilter, limit: number): Promise<AuditEntryRow[]> {
    const w = new SqlConditions();
    const add = (column: string, op: string, value: unknown) => w.and(`e.${column} ${op} ${w.bind(value)}`);
    // auditEntryVisibleTo as SQL
    const reach = auditReach(viewer);
    if (reach.kind === 'units') w.and(`e.org_unit_code = ANY(${w.bind(reach.unitCodes)})`);
    if (f.entityType) add('entity_type', '=', f.entityType);
    if (f.entityId) add('entity_id', '=', f.entityId);
    if (f.actorId) add('actor_id', '=', f.actorId);
    if (f.action) add('action', '=', f.action);
    if (f.from) add('at', '>=', f.from);
    if (f.to) add('at', '<', f.to);
    if (f.beforeId) add('id', '<', f.beforeId);
    return this.dataSource.query<AuditEntryRow[]>(
      `SELECT e.*, c.seq, c.prev_hash, c.hash
         FROM audit_entries e LEFT JOIN audit_chain c ON c.entry_id = e.id
        ${w.where()}
        ORDER BY e.id DESC LIMIT ${w.bind(limit + 1)}`,
      w.values,
    );
  }
}
