import { Injectable } from '@nestjs/common';
import { decodeCursor, Page, toPage } from '@app/kernel';
import { AuditViewer } from './domain/audit-scope';
import { AuditEntryResponse, AuditQueryDto } from './http/dto/audit-query.dto';
import { AuditEntriesRepository, toContent } from './persistence/audit-entries.repository';

/** Shanghai calendar dates at the edges: `2026-03-02` means from 2026-03-02T00:00+08:00. */
function toInstant(value: string): string {
  return /^\d{4}-\d{2}-\d{2}$/.test(value) ? `${value}T00:00:00+08:00` : value;
}

@Injectable()
export class AuditQueryService {
  constructor(private readonly entries: AuditEntriesRepository) {}

  async list(viewer: AuditViewer, q: AuditQueryDto): Promise<Page<AuditEntryResponse>> {
    const limit = q.limit ?? 50;
    const cursor = decodeCursor(q.cursor, 1);
    const rows = await this.entries.list(
      viewer,
      {
        entityType: q.entityType,
        entityId: q.entityId,
        actorId: q.actorId,
        action: q.action,
        from: q.from ? toInstant(q.from) : undefined,
        to: q.to ? toInstant(q.to) : undefined,
        beforeId: cursor ? String(cursor[0]) : undefined,
      },
      limit,
    );
    return toPage(
      rows,
      limit,
      (r) => ({
        seq: r.seq === null ? null : String(r.seq),
        ...toContent(r),
        prevHash: r.prev_hash,
        hash: r.hash,
      }),
      (r) => [String(r.id)],
    );
  }
}
