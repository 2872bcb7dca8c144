import { createHash } from 'node:crypto';

export const GENESIS_HASH = '0'.repeat(64);

/** The content of an audit entry that its hash covers. */
export interface AuditEntryContent {
  id: string;
  at: string;
  actorId: string | null;
  onBehalfOfId: string | null;
  action: string;
  entityType: string;
  entityId: string;
  orgUnitCode: string | null;
  before: unknown;
  after: unknown;
  requestId: string | null;
  ip: string | null;
}

/** JSON with object keys sorted at every depth, so that a jsonb round trip (which reorders keys) hashes the same. */
export function canonicalJson(value: unknown): string {
  if (value === null || value === undefined) return 'null';
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value instanceof Date) return JSON.stringify(value.toISOString());
  if (typeof value === 'object') {
    const obj = value as Record<string, unknown>;
    const keys = Object.keys(obj)
      .filter((k) => obj[k] !== undefined)
      .sort();
    return `{${keys.map((k) => `${JSON.stringify(k)}:${canonicalJson(obj[k])}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

export function hashEntry(prevHash: string, seq: string, entry: AuditEntryContent): string {
  return createHash('sha256')
    .update(`${prevHash}\n${seq}\n${canonicalJson(entry)}`)
    .digest('hex');
}

export interface ChainLink {
  seq: string;
  prevHash: string;
  hash: string;
  /** null when the entry the link points at is gone. */
  entry: AuditEntryContent | null;
}

export interface ChainCursor {
  /** the seq the next link must have */
  nextSeq: bigint;
  prevHash: string;
}

export type LinkProblem = 'gap' | 'prev_hash_mismatch' | 'entry_missing' | 'hash_mismatch';

/**
 * Checks links in seq order, continuing from `cursor`. Returns the first broken link, or the cursor to continue
 * from. A removed link shows as a gap, an edited entry as a hash mismatch, a reordered pair as a hash or
 * prev-hash mismatch, a removed entry as a missing entry.
 */
export function verifyLinks(
  links: ChainLink[],
  cursor: ChainCursor,
): { ok: true; cursor: ChainCursor } | { ok: false; seq: string; problem: LinkProblem } {
  let { nextSeq, prevHash } = cursor;
  for (const link of links) {
    if (BigInt(link.seq) !== nextSeq) return { ok: false, seq: nextSeq.toString(), problem: 'gap' };
    if (link.prevHash !== prevHash) return { ok: false, seq: link.seq, problem: 'prev_hash_mismatch' };
    if (!link.entry) return { ok: false, seq: link.seq, problem: 'entry_missing' };
    if (hashEntry(prevHash, link.seq, link.entry) !== link.hash) return { ok: false, seq: link.seq, problem: 'hash_mismatch' };
    prevHash = link.hash;
    nextSeq += 1n;
  }
  return { ok: true, cursor: { nextSeq, prevHash } };
}
