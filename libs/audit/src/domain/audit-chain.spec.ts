import { AuditEntryContent, canonicalJson, ChainLink, GENESIS_HASH, hashEntry, verifyLinks } from './audit-chain';

function entry(id: number, after: unknown = { n: id }): AuditEntryContent {
  return {
    id: String(id),
    at: new Date(Date.UTC(2026, 0, 1, 0, 0, id)).toISOString(),
    actorId: null,
    onBehalfOfId: null,
    action: 'user.updated',
    entityType: 'user',
    entityId: `u${id}`,
    orgUnitCode: '120116',
    before: null,
    after,
    requestId: `r${id}`,
    ip: '127.0.0.1',
  };
}

function chain(n: number): ChainLink[] {
  const links: ChainLink[] = [];
  let prev = GENESIS_HASH;
  for (let i = 1; i <= n; i++) {
    const e = entry(i);
    const hash = hashEntry(prev, String(i), e);
    links.push({ seq: String(i), prevHash: prev, hash, entry: e });
    prev = hash;
  }
  return links;
}

const start = { nextSeq: 1n, prevHash: GENESIS_HASH };

describe('audit hash chain', () => {
  it('canonical JSON ignores key order (jsonb reorders keys)', () => {
    expect(canonicalJson({ b: 1, a: { d: [1, { y: 2, x: 1 }], c: null } })).toBe(
      canonicalJson({ a: { c: null, d: [1, { x: 1, y: 2 }] }, b: 1 }),
    );
    expect(canonicalJson({ a: undefined, b: 1 })).toBe('{"b":1}');
  });

  it('accepts an intact chain and continues from a cursor', () => {
    const links = chain(10);
    const first = verifyLinks(links.slice(0, 4), start);
    expect(first.ok).toBe(true);
    if (!first.ok) return;
    expect(verifyLinks(links.slice(4), first.cursor)).toEqual({ ok: true, cursor: { nextSeq: 11n, prevHash: links[9].hash } });
  });

  it('finds an edited entry', () => {
    const links = chain(5);
    links[2] = { ...links[2], entry: entry(3, { n: 'changed' }) };
    expect(verifyLinks(links, start)).toEqual({ ok: false, seq: '3', problem: 'hash_mismatch' });
  });

  it('finds an edited entry even when its hash was recomputed (the next link no longer matches)', () => {
    const links = chain(5);
    const forged = entry(3, { n: 'changed' });
    links[2] = { ...links[2], entry: forged, hash: hashEntry(links[2].prevHash, '3', forged) };
    expect(verifyLinks(links, start)).toEqual({ ok: false, seq: '4', problem: 'prev_hash_mismatch' });
  });

  it('finds a removed link (gap) and a removed entry', () => {
    const links = chain(5);
    expect(verifyLinks([...links.slice(0, 2), ...links.slice(3)], start)).toEqual({ ok: false, seq: '3', problem: 'gap' });
    const missing = chain(5);
    missing[1] = { ...missing[1], entry: null };
    expect(verifyLinks(missing, start)).toEqual({ ok: false, seq: '2', problem: 'entry_missing' });
  });

  it('finds reordered entries (two links swapped, or two entries swapped under their links)', () => {
    const links = chain(5);
    const swapped = [links[0], links[2], links[1], links[3], links[4]];
    expect(verifyLinks(swapped, start)).toMatchObject({ ok: false, seq: '2' });
    const entries = chain(5);
    const e2 = entries[1].entry;
    entries[1] = { ...entries[1], entry: entries[2].entry };
    entries[2] = { ...entries[2], entry: e2 };
    expect(verifyLinks(entries, start)).toEqual({ ok: false, seq: '2', problem: 'hash_mismatch' });
  });

  it('binds the sequence number into the hash', () => {
    const e = entry(1);
    expect(hashEntry(GENESIS_HASH, '1', e)).not.toBe(hashEntry(GENESIS_HASH, '2', e));
  });
});
