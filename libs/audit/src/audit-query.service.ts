import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataScope, decodeCursor, Page, toPage } from '@app/kernel';
import { DataSource } from 'typeorm';
import { AuditEntryResponse, AuditQueryDto } from './http/dto/audit-query.dto';

interface Row {
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
  seq: string | null;
  prev_hash: string | null;
  hash: string | null;
}

/** Shanghai calendar dates at the edges: `2026-03-02` means from 2026-03-02T00:00+08:00. */
function toInstant(value: string): string {
  return /^\d{4}-\d{2}-\d{2}$/.test(value) ? `${value}T00:00:00+08:00` : value;
}

@Injectable()
export class AuditQueryService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async list(scope: DataScope, q: AuditQueryDto): Promise<Page<AuditEntryResponse>> {
    const limit = q.limit ?? 50;
    const where: string[] = [];
    const params: unknown[] = [];
    const add = (sql: string, value: unknown) => {
      params.push(value);
      where.push(sql.replace('?', `$${params.length}`));
    };
    if (!scope.allUnits) add('e.org_unit_code = ANY(?)', scope.unitCodes);
    if (q.entityType) add('e.entity_type = ?', q.entityType);
    if (q.entityId) add('e.entity_id = ?', q.entityId);
    if (q.actorId) add('e.actor_id = ?', q.actorId);
    if (q.action) add('e.action = ?', q.action);
    if (q.from) add('e.at >= ?', toInstant(q.from));
    if (q.to) add('e.at < ?', toInstant(q.to));
    const cursor = decodeCursor(q.cursor, 1);
    if (cursor) add('e.id < ?', String(cursor[0]));
    params.push(limit + 1);
    const rows = await this.dataSource.query<Row[]>(
      `SELECT e.*, c.seq, c.prev_hash, c.hash
         FROM audit_entries e LEFT JOIN audit_chain c ON c.entry_id = e.id
        ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
        ORDER BY e.id DESC LIMIT $${params.length}`,
      params,
    );
    return toPage(
      rows,
      limit,
      (r) => ({
        seq: r.seq === null ? null : String(r.seq),
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
        prevHash: r.prev_hash,
        hash: r.hash,
      }),
      (r) => [String(r.id)],
    );
  }
}
