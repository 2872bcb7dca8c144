import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { AuditEntryContent, ChainCursor, ChainLink, GENESIS_HASH, hashEntry, LinkProblem, verifyLinks } from './domain/audit-chain';

/** Entries committed out of id order by more than this many ids are still found by a full sweep (verify). */
const SEAL_WINDOW = 100_000;
const BATCH = 5_000;
const SEAL_LOCK_KEY = 727_001;

export interface VerifyResult {
  ok: boolean;
  checked: number;
  headSeq: string | null;
  headHash: string | null;
  firstBrokenSeq: string | null;
  problem: LinkProblem | null;
  unsealed: number;
}

interface EntryRow {
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

function toContent(r: EntryRow): AuditEntryContent {
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

/** Seals committed audit entries into the hash chain and verifies the chain. Only the sealer takes a lock. */
@Injectable()
export class AuditChainService {
  private readonly logger = new Logger(AuditChainService.name);

  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Links every committed, unlinked entry; returns how many were sealed. Safe to call from many replicas. */
  async sealPending(opts: { fullScan?: boolean } = {}): Promise<number> {
    let total = 0;
    for (;;) {
      const sealed = await this.dataSource.transaction((em) => this.sealBatch(em, opts.fullScan ?? false));
      if (sealed === null) return total;
      total += sealed;
      if (sealed < BATCH) return total;
    }
  }

  private async sealBatch(em: EntityManager, fullScan: boolean): Promise<number | null> {
    const [{ locked }] = await em.query<{ locked: boolean }[]>('SELECT pg_try_advisory_xact_lock($1) AS locked', [SEAL_LOCK_KEY]);
    if (!locked) return null; // another replica is sealing right now
    const head = await em.query<{ seq: string; hash: string }[]>('SELECT seq, hash FROM audit_chain ORDER BY seq DESC LIMIT 1');
    const [{ max }] = await em.query<{ max: string | null }[]>('SELECT max(entry_id) AS max FROM audit_chain');
    const floor = fullScan || max === null ? 0n : BigInt(max) - BigInt(SEAL_WINDOW);
    const rows = await em.query<EntryRow[]>(
      `SELECT e.* FROM audit_entries e
        WHERE e.id > $1 AND NOT EXISTS (SELECT 1 FROM audit_chain c WHERE c.entry_id = e.id)
        ORDER BY e.id LIMIT $2`,
      [floor.toString(), BATCH],
    );
    if (rows.length === 0) return 0;
    let seq = head.length ? BigInt(head[0].seq) : 0n;
    let prevHash = head.length ? head[0].hash : GENESIS_HASH;
    const links: { seq: string; entry_id: string; prev_hash: string; hash: string }[] = [];
    for (const row of rows) {
      seq += 1n;
      const hash = hashEntry(prevHash, seq.toString(), toContent(row));
      links.push({ seq: seq.toString(), entry_id: String(row.id), prev_hash: prevHash, hash });
      prevHash = hash;
    }
    await em.query(
      `INSERT INTO audit_chain (seq, entry_id, prev_hash, hash)
       SELECT * FROM unnest($1::bigint[], $2::bigint[], $3::char(64)[], $4::char(64)[])`,
      [links.map((l) => l.seq), links.map((l) => l.entry_id), links.map((l) => l.prev_hash), links.map((l) => l.hash)],
    );
    return rows.length;
  }

  /** Walks the whole chain from the genesis and reports the first broken link. */
  async verify(): Promise<VerifyResult> {
    let cursor: ChainCursor = { nextSeq: 1n, prevHash: GENESIS_HASH };
    let checked = 0;
    for (;;) {
      const rows = await this.dataSource.query<(EntryRow & { seq: string; prev_hash: string; hash: string; entry_present: boolean })[]>(
        `SELECT c.seq, c.prev_hash, c.hash, e.id IS NOT NULL AS entry_present,
                e.id, e.at, e.actor_id, e.on_behalf_of_id, e.action, e.entity_type, e.entity_id, e.org_unit_code, e.before, e.after, e.request_id, e.ip
           FROM audit_chain c LEFT JOIN audit_entries e ON e.id = c.entry_id
          WHERE c.seq >= $1 ORDER BY c.seq LIMIT $2`,
        [cursor.nextSeq.toString(), BATCH],
      );
      const links: ChainLink[] = rows.map((r) => ({
        seq: String(r.seq),
        prevHash: r.prev_hash,
        hash: r.hash,
        entry: r.entry_present ? toContent(r) : null,
      }));
      const result = verifyLinks(links, cursor);
      if (!result.ok) {
        this.logger.error({ seq: result.seq, problem: result.problem }, 'audit chain broken');
        return {
          ...(await this.head()),
          ok: false,
          checked,
          firstBrokenSeq: result.seq,
          problem: result.problem,
          unsealed: await this.unsealedCount(),
        };
      }
      checked += links.length;
      cursor = result.cursor;
      if (rows.length < BATCH) break;
    }
    const [{ last }] = await this.dataSource.query<{ last: string | null }[]>('SELECT max(seq) AS last FROM audit_chain');
    // Links beyond the walked range (a seq jump at the end) mean a link was removed in between.
    if (last !== null && BigInt(last) >= cursor.nextSeq) {
      return {
        ...(await this.head()),
        ok: false,
        checked,
        firstBrokenSeq: cursor.nextSeq.toString(),
        problem: 'gap',
        unsealed: await this.unsealedCount(),
      };
    }
    return { ...(await this.head()), ok: true, checked, firstBrokenSeq: null, problem: null, unsealed: await this.unsealedCount() };
  }

  private async head(): Promise<{ headSeq: string | null; headHash: string | null }> {
    const rows = await this.dataSource.query<{ seq: string; hash: string }[]>(
      'SELECT seq, hash FROM audit_chain ORDER BY seq DESC LIMIT 1',
    );
    return rows.length ? { headSeq: String(rows[0].seq), headHash: rows[0].hash } : { headSeq: null, headHash: null };
  }

  private async unsealedCount(): Promise<number> {
    const [{ n }] = await this.dataSource.query<{ n: string }[]>(
      'SELECT count(*) AS n FROM audit_entries e WHERE NOT EXISTS (SELECT 1 FROM audit_chain c WHERE c.entry_id = e.id)',
    );
    return Number(n);
  }
}
