import { Injectable, Logger } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { ChainCursor, ChainLink, GENESIS_HASH, hashEntry, LinkProblem, verifyLinks } from './domain/audit-chain';
import { AuditChainRepository } from './persistence/audit-chain.repository';
import { toContent } from './persistence/audit-entries.repository';

/** Entries committed out of id order by more than this many ids are still found by a full sweep (verify). */
const SEAL_WINDOW = 100_000;
const BATCH = 5_000;

export interface VerifyResult {
  ok: boolean;
  checked: number;
  headSeq: string | null;
  headHash: string | null;
  firstBrokenSeq: string | null;
  problem: LinkProblem | null;
  unsealed: number;
}

/** Seals committed audit entries into the hash chain and verifies the chain. Only the sealer takes a lock. */
@Injectable()
export class AuditChainService {
  private readonly logger = new Logger(AuditChainService.name);

  constructor(private readonly chain: AuditChainRepository) {}

  /** Links every committed, unlinked entry; returns how many were sealed. Safe to call from many replicas. */
  async sealPending(opts: { fullScan?: boolean } = {}): Promise<number> {
    let total = 0;
    for (;;) {
      const sealed = await this.chain.transaction((em) => this.sealBatch(em, opts.fullScan ?? false));
      if (sealed === null) return total;
      total += sealed;
      if (sealed < BATCH) return total;
    }
  }

  private async sealBatch(em: EntityManager, fullScan: boolean): Promise<number | null> {
    if (!(await this.chain.trySealLock(em))) return null; // another replica is sealing right now
    const head = await this.chain.head(em);
    const max = await this.chain.maxSealedEntryId(em);
    const floor = fullScan || max === null ? 0n : BigInt(max) - BigInt(SEAL_WINDOW);
    const rows = await this.chain.unsealedAfter(em, floor.toString(), BATCH);
    if (rows.length === 0) return 0;
    let seq = head ? BigInt(head.seq) : 0n;
    let prevHash = head ? head.hash : GENESIS_HASH;
    const links: { seq: string; entry_id: string; prev_hash: string; hash: string }[] = [];
    for (const row of rows) {
      seq += 1n;
      const hash = hashEntry(prevHash, seq.toString(), toContent(row));
      links.push({ seq: seq.toString(), entry_id: String(row.id), prev_hash: prevHash, hash });
      prevHash = hash;
    }
    await this.chain.insertLinks(em, links);
    return rows.length;
  }

  /** Walks the whole chain from the genesis and reports the first broken link. */
  async verify(): Promise<VerifyResult> {
    let cursor: ChainCursor = { nextSeq: 1n, prevHash: GENESIS_HASH };
    let checked = 0;
    for (;;) {
      const rows = await this.chain.linksFrom(cursor.nextSeq.toString(), BATCH);
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
    const last = await this.chain.lastSeq();
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
    const head = await this.chain.head();
    return head ? { headSeq: String(head.seq), headHash: head.hash } : { headSeq: null, headHash: null };
  }

  private unsealedCount(): Promise<number> {
    return this.chain.unsealedCount();
  }
}
