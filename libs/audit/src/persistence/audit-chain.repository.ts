import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { inTransaction } from '@app/kernel';
import { DataSource, EntityManager } from 'typeorm';
import type { EntryRow } from './audit-entries.repository';

export type { EntryRow } from './audit-entries.repository';

const SEAL_LOCK_KEY = 727_001;

export type LinkRow = EntryRow & { seq: string; prev_hash: string; hash: string; entry_present: boolean };

/** The hash chain's statements: the sealer's (under its advisory lock) and the verifier's walk. */
@Injectable()
export class AuditChainRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  transaction<T>(work: (em: EntityManager) => Promise<T>): Promise<T> {
    return inTransaction(this.dataSource, work);
  }

  /** Only one replica seals at a time (transaction-level advisory lock); false: another is sealing right now. */
  async trySealLock(em: EntityManager): Promise<boolean> {
    const [{ locked }] = await em.query<{ locked: boolean }[]>('SELECT pg_try_advisory_xact_lock($1) AS locked', [SEAL_LOCK_KEY]);
    return locked;
  }

  async head(em: EntityManager = this.dataSource.manager): Promise<{ seq: string; hash: string } | null> {
    const rows = await em.query<{ seq: string; hash: string }[]>('SELECT seq, hash FROM audit_chain ORDER BY seq DESC LIMIT 1');
    return rows[0] ?? null;
  }

  async maxSealedEntryId(em: EntityManager): Promise<string | null> {
    const [{ max }] = await em.query<{ max: string | null }[]>('SELECT max(entry_id) AS max FROM audit_chain');
    return max;
  }

  /** Committed entries above id `floor` not yet linked, in id order. */
  unsealedAfter(em: EntityManager, floor: string, batch: number): Promise<EntryRow[]> {
    return em.query<EntryRow[]>(
      `SELECT e.* FROM audit_entries e
        WHERE e.id > $1 AND NOT EXISTS (SELECT 1 FROM audit_chain c WHERE c.entry_id = e.id)
        ORDER BY e.id LIMIT $2`,
      [floor, batch],
    );
  }

  async insertLinks(em: EntityManager, links: { seq: string; entry_id: string; prev_hash: string; hash: string }[]): Promise<void> {
    await em.query(
      `INSERT INTO audit_chain (seq, entry_id, prev_hash, hash)
       SELECT * FROM unnest($1::bigint[], $2::bigint[], $3::char(64)[], $4::char(64)[])`,
      [links.map((l) => l.seq), links.map((l) => l.entry_id), links.map((l) => l.prev_hash), links.map((l) => l.hash)],
    );
  }

  /** Links from `seq` on, with the entries they name (absent entries: entry_present false). */
  linksFrom(seq: string, batch: number): Promise<LinkRow[]> {
    return this.dataSource.query<LinkRow[]>(
      `SELECT c.seq, c.prev_hash, c.hash, e.id IS NOT NULL AS entry_present,
              e.id, e.at, e.actor_id, e.on_behalf_of_id, e.action, e.entity_type, e.entity_id, e.org_unit_code, e.before, e.after, e.request_id, e.ip
         FROM audit_chain c LEFT JOIN audit_entries e ON e.id = c.entry_id
        WHERE c.seq >= $1 ORDER BY c.seq LIMIT $2`,
      [seq, batch],
    );
  }

  async lastSeq(): Promise<string | null> {
    const [{ last }] = await this.dataSource.query<{ last: string | null }[]>('SELECT max(seq) AS last FROM audit_chain');
    return last;
  }

  async unsealedCount(): Promise<number> {
    const [{ n }] = await this.dataSource.query<{ n: string }[]>(
      'SELECT count(*) AS n FROM audit_entries e WHERE NOT EXISTS (SELECT 1 FROM audit_chain c WHERE c.entry_id = e.id)',
    );
    return Number(n);
  }
}
