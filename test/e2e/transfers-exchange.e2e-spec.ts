import { readdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { contentDigest, createSigner, generateExchangeKeyPair, signRequest } from '@app/transfers';
import type { SignatureAlgorithm } from '@app/transfers';
import request from 'supertest';
import { sql } from '../utils/test-db';
import { auth, eventually } from '../utils/test-app';
import { caseUnderInvestigation, configurePartner, newOffice, Office, startOffice } from '../utils/transfers';

jest.setTimeout(180_000);

interface Transfer {
  id: string;
  status: string;
  version: number;
  partnerCaseNo: string | null;
  caseId: string | null;
  exchangeId: string;
  integrityProblem: unknown;
  allowedActions: string[];
  keyId: string | null;
}

describe.each<SignatureAlgorithm>(['ed25519', 'sm2-sm3'])('cross-region exchange between two instances (%s)', (alg) => {
  let tj: Office; // Tianjin 120000, the origin
  let hb: Office; // Hebei 130000, the partner

  const get = async (o: Office, user: string, url: string) => {
    const res = await o.t.http.get(`/api/v1${url}`).set(auth(await o.t.token(user)));
    if (res.status !== 200) throw new Error(`GET ${url}: ${res.status} ${JSON.stringify(res.body)}`);
    return res.body as unknown;
  };
  const act = async (o: Office, user: string, tr: Transfer, action: string, body: Record<string, unknown> = {}) =>
    o.t.http
      .post(`/api/v1/transfers/${tr.id}/actions/${action}`)
      .set(auth(await o.t.token(user)))
      .send({ expectedVersion: tr.version, ...body });
  const inboundOf = async (exchangeId: string): Promise<Transfer> =>
    eventually(
      async () => {
        const page = (await get(hb, 'sup.city', '/transfers?direction=in&limit=200')) as { items: Transfer[] };
        return page.items.find((t) => t.exchangeId === exchangeId);
      },
      30_000,
      'the dossier at the partner',
    );
  const requestAndApprove = async (caseId: string, kind: string): Promise<Transfer> => {
    const created = await tj.t.http
      .post(`/api/v1/cases/${caseId}/transfers`)
      .set(auth(await tj.t.token('off.binhai1')))
      .send({ partnerCode: '130000', kind, reason: '被请求人住所地在河北，移送管辖', requestedItems: ['营业执照', '销售记录'] });
    expect(created.status).toBe(201);
    const tr = created.body as Transfer;
    expect(tr).toMatchObject({ status: 'requested', partnerCode: '130000', kind, direction: 'out' });
    const approved = await act(tj, 'sup.binhai', tr, 'approve');
    expect(approved.status).toBe(200);
    return approved.body as Transfer;
  };
  const filesFetched = (id: string) =>
    eventually(
      async () => {
        const files = (await get(hb, 'sup.city', `/transfers/${id}/files`)) as { fetched: boolean }[];
        return files.length > 0 && files.every((f) => f.fetched) ? files : undefined;
      },
      30_000,
      'files fetched',
    );

  beforeAll(async () => {
    tj = await newOffice('120000', 'tj-1', alg);
    hb = await newOffice('130000', 'hb-1', alg);
    await configurePartner(tj, hb, alg, '河北省知识产权局');
    await configurePartner(hb, tj, alg, '天津市知识产权局');
  });

  afterAll(async () => {
    await tj?.t.close();
    await hb?.t.close();
  });

  it('transfers a case with two evidence files: accepted by the partner, both timelines show it, origin transferred_out', async () => {
    const files = [
      { name: '现场照片.jpg', content: Buffer.from('photo-bytes-'.repeat(2000)) },
      { name: '询问笔录.pdf', content: Buffer.from('%PDF-1.4 record '.repeat(500)) },
    ];
    const c = await caseUnderInvestigation(tj.t, files, 1);
    const out = await requestAndApprove(c.id, 'transfer');
    const delivered = await eventually(
      async () => {
        const t = (await get(tj, 'sup.binhai', `/transfers/${out.id}`)) as Transfer;
        return t.status === 'delivered' ? t : undefined;
      },
      30_000,
      'delivered',
    );
    expect(delivered.keyId).toBe('tj-1');

    const inbound = await inboundOf(out.id);
    expect(inbound).toMatchObject({ status: 'received', kind: 'transfer', keyId: 'tj-1', allowedActions: ['accept', 'decline'] });
    await filesFetched(inbound.id);
    const accepted = await act(hb, 'sup.city', inbound, 'accept');
    expect(accepted.status).toBe(200);
    const local = accepted.body as Transfer;
    expect(local.status).toBe('accepted');
    expect(local.caseId).toBeTruthy();

    // the partner's new case: source transfer_in, both evidence files with the origin's sha256
    const hbCase = (await get(hb, 'sup.city', `/cases/${local.caseId}`)) as { source: string; receiptNo: string };
    expect(hbCase.source).toBe('transfer_in');
    const hbEvidence = (await get(hb, 'sup.city', `/cases/${local.caseId}/evidence`)) as { sha256: string; fileName: string }[];
    const tjEvidence = (await get(tj, 'sup.binhai', `/cases/${c.id}/evidence`)) as { sha256: string; fileName: string }[];
    expect(hbEvidence.map((e) => e.sha256).sort()).toEqual(tjEvidence.map((e) => e.sha256).sort());
    const hbTimeline = (await get(hb, 'sup.city', `/cases/${local.caseId}/events`)) as { action: string }[];
    expect(hbTimeline.map((e) => e.action)).toEqual(expect.arrayContaining(['receive', 'add_evidence', 'transfer_in']));

    // the origin hears back: accepted with the partner's case number, the case transferred_out
    const done = await eventually(
      async () => {
        const t = (await get(tj, 'sup.binhai', `/transfers/${out.id}`)) as Transfer;
        return t.status === 'accepted' ? t : undefined;
      },
      30_000,
      'accepted at the origin',
    );
    expect(done.partnerCaseNo).toBe(hbCase.receiptNo);
    const tjCase = (await get(tj, 'sup.binhai', `/cases/${c.id}`)) as { status: string; outcome: { partnerCaseNo: string } };
    expect(tjCase.status).toBe('transferred_out');
    expect(tjCase.outcome.partnerCaseNo).toBe(hbCase.receiptNo);
    const tjTimeline = (await get(tj, 'sup.binhai', `/cases/${c.id}/events`)) as { action: string; payload: Record<string, unknown> }[];
    expect(tjTimeline.map((e) => e.action)).toEqual(
      expect.arrayContaining(['transfer_requested', 'transfer_approved', 'transfer_delivered', 'transfer_accepted', 'transfer_out']),
    );
    const tjEvents = (await get(tj, 'sup.binhai', `/transfers/${out.id}/events`)) as { action: string; payload: Record<string, unknown> }[];
    expect(tjEvents.find((e) => e.action === 'partner_accepted')?.payload).toMatchObject({ partnerCode: '130000', keyId: 'hb-1' });

    // the KPI is live
    const kpis = (await get(tj, 'sup.city', '/metrics/kpis?from=2026-01-01&to=2027-12-31')) as {
      kpis: { key: string; available: boolean; value: number | null }[];
    };
    expect(kpis.kpis.find((k) => k.key === 'transfer_median_reply_days')).toMatchObject({ available: true, value: 0 });

    // bad input: a second transfer of a case that is no longer open, nothing stored
    const again = await tj.t.http
      .post(`/api/v1/cases/${c.id}/transfers`)
      .set(auth(await tj.t.token('off.binhai1')))
      .send({ partnerCode: '130000', kind: 'transfer', reason: 'x' });
    expect(again.status).toBe(422);
    expect(again.body).toMatchObject({ code: 'TRANSFER_CASE_STATUS', details: { rule: 'TRANSFER_CASE_STATUS' } });
  });

  it('answers an assistance request with a file, which the origin fetches and verifies', async () => {
    const c = await caseUnderInvestigation(tj.t, [], 2);
    const out = await requestAndApprove(c.id, 'assist_investigation');
    const inbound = await inboundOf(out.id);
    expect(inbound.allowedActions).toEqual(['decline', 'answer']);
    const content = Buffer.from('调查笔录：被请求人承认销售涉案产品。');
    const up = await hb.t.http
      .post(`/api/v1/transfers/${inbound.id}/files`)
      .set(auth(await hb.t.token('sup.city')))
      .field('description', '调查笔录')
      .attach('file', content, '调查笔录.txt');
    expect(up.status).toBe(201);
    const answered = await act(hb, 'sup.city', inbound, 'answer', { result: '已调查取证，笔录附后', files: [up.body.id] });
    expect(answered.status).toBe(200);
    const files = await eventually(
      async () => {
        const t = (await get(tj, 'sup.binhai', `/transfers/${out.id}`)) as Transfer;
        if (t.status !== 'answered') return undefined;
        const list = (await get(tj, 'sup.binhai', `/transfers/${out.id}/files`)) as { id: string; fetched: boolean; verified: boolean }[];
        return list.length === 1 && list[0].fetched ? list : undefined;
      },
      30_000,
      'the answer and its file at the origin',
    );
    expect(files[0].verified).toBe(true);
    const got = await tj.t.http
      .get(`/api/v1/transfers/${out.id}/files/${files[0].id}/content`)
      .set(auth(await tj.t.token('sup.binhai')))
      .buffer(true)
      .parse((res, cb) => {
        const chunks: Buffer[] = [];
        res.on('data', (d: Buffer) => chunks.push(d));
        res.on('end', () => cb(null, Buffer.concat(chunks)));
      });
    expect(got.status).toBe(200);
    expect(Buffer.compare(got.body as Buffer, content)).toBe(0);
  });

  describe('the exchange refuses what it cannot trust (401, nothing stored)', () => {
    const url = () => `http://127.0.0.1:${hb.port}/api/v1/exchange/transfers`;
    const dossier = (exchangeId: string, over: Record<string, unknown> = {}) => ({
      version: 1,
      exchangeId,
      originCode: '120000',
      targetCode: '130000',
      targetUnitCode: null,
      kind: 'assist_service',
      reason: '委托送达',
      requestedItems: [],
      sentAt: new Date().toISOString(),
      case: {
        receiptNo: '津滨知收〔2026〕9号',
        caseNo: null,
        type: 'passing_off',
        status: 'investigating',
        receivedOn: '2026-11-02',
        filedOn: null,
        summary: '委托送达',
        ftz: false,
        ecommerce: null,
        decision: null,
      },
      parties: [],
      patents: [],
      files: [],
      ...over,
    });
    const send = async (body: string, headers: Record<string, string>) =>
      request(`http://127.0.0.1:${hb.port}`)
        .post('/api/v1/exchange/transfers')
        .set({ ...headers, 'content-type': 'application/json', 'accept-language': 'en' })
        .send(body);
    const signed = async (body: string, key = tj.keys.privateKey, partner = '120000') =>
      signRequest(createSigner(alg, 'tj-1', key), { method: 'POST', url: url(), body, senderCode: partner });
    const inboundCount = async () => {
      const c = await sql(hb.db.url);
      try {
        const r = await c.query<{ n: string }>("SELECT count(*) AS n FROM transfers WHERE direction = 'in'");
        return Number(r.rows[0].n);
      } finally {
        await c.end();
      }
    };

    it('wrong key, replayed nonce, body changed after signing, unknown and inactive partner', async () => {
      const before = await inboundCount();
      const body = JSON.stringify(dossier('5f0c6a64-3e0f-4a55-9a6b-000000000001'));
      const wrong = await send(body, await signed(body, generateExchangeKeyPair(alg).privateKey));
      expect(wrong.status).toBe(401);
      expect(wrong.body.code).toBe('UNAUTHENTICATED');

      const changed = await signed(body);
      const other = JSON.stringify(dossier('5f0c6a64-3e0f-4a55-9a6b-000000000001', { reason: '改过的' }));
      expect((await send(other, changed)).status).toBe(401); // digest mismatch
      expect((await send(other, { ...changed, 'content-digest': contentDigest(other) })).status).toBe(401); // bad signature

      expect((await send(body, { ...(await signed(body, tj.keys.privateKey, '999999')) })).status).toBe(401);
      expect((await send(body, { ...(await signed(body, tj.keys.privateKey, '140000')) })).status).toBe(401); // seeded, inactive
      expect(await inboundCount()).toBe(before);

      const first = await signed(body);
      expect((await send(body, first)).status).toBe(201);
      const replay = await send(body, first);
      expect(replay.status).toBe(401);
      expect(replay.body.message).toMatch(/nonce/);
      // the same dossier again, freshly signed: a duplicate delivery answers 200 with the stored state
      const dup = await send(body, await signed(body));
      expect(dup.status).toBe(200);
      expect(dup.body.status).toBe('received');
      expect(await inboundCount()).toBe(before + 1);
    });

    it('malformed, unknown kind and oversized dossiers: 4xx naming the field, nothing stored', async () => {
      const before = await inboundCount();
      const bad = JSON.stringify({
        ...dossier('5f0c6a64-3e0f-4a55-9a6b-000000000002', { kind: 'smuggle' }),
        extra: 1,
        case: { summary: '' },
      });
      const res = await send(bad, await signed(bad));
      expect(res.status).toBe(400);
      const fields = (res.body.details as { field: string }[]).map((d) => d.field);
      expect(fields).toEqual(expect.arrayContaining(['kind', 'extra', 'case.summary']));
      const big = JSON.stringify(dossier('5f0c6a64-3e0f-4a55-9a6b-000000000003', { reason: 'x'.repeat(1_100_000) }));
      expect((await send(big, await signed(big))).status).toBe(413);
      expect(await inboundCount()).toBe(before);
    });

    it('bad requests on our side: unknown kind, unknown or inactive partner, a second open transfer', async () => {
      const c = await caseUnderInvestigation(tj.t, [], 3);
      const officer = await tj.t.token('off.binhai1');
      const post = (body: Record<string, unknown>) => tj.t.http.post(`/api/v1/cases/${c.id}/transfers`).set(auth(officer)).send(body);
      const kind = await post({ partnerCode: '130000', kind: 'smuggle', reason: 'x' });
      expect(kind.status).toBe(400);
      expect(kind.body.details[0].field).toBe('kind');
      for (const partnerCode of ['999999', '140000']) {
        const res = await post({ partnerCode, kind: 'transfer', reason: 'x' });
        expect(res.status).toBe(400);
        expect(res.body.details[0].field).toBe('partnerCode');
      }
      expect((await post({ partnerCode: '130000', kind: 'transfer', reason: 'x' })).status).toBe(201);
      const second = await post({ partnerCode: '130000', kind: 'transfer', reason: 'again' });
      expect(second.status).toBe(409);
      expect(second.body.details.rule).toBe('ONE_OPEN_TRANSFER');
    });
  });

  it('delivers exactly once after the partner was down for a while', async () => {
    const c = await caseUnderInvestigation(tj.t, [], 4);
    const port = hb.port;
    await hb.t.stop();
    const out = await requestAndApprove(c.id, 'assist_enforcement');
    await eventually(
      async () => {
        const t = (await get(tj, 'sup.binhai', `/transfers/${out.id}`)) as Transfer & { attempts: number; lastError: string | null };
        return t.status === 'sending' && t.attempts >= 1 && t.lastError ? t : undefined;
      },
      20_000,
      'a failed attempt',
    );
    hb = await startOffice({ ...hb, port }, alg);
    const inbound = await inboundOf(out.id);
    expect(inbound.status).toBe('received');
    await eventually(
      async () => ((await get(tj, 'sup.binhai', `/transfers/${out.id}`)) as Transfer).status === 'delivered',
      30_000,
      'delivered',
    );
    const db = await sql(hb.db.url);
    try {
      const r = await db.query<{ n: string }>("SELECT count(*) AS n FROM transfers WHERE direction = 'in' AND exchange_id = $1", [out.id]);
      expect(Number(r.rows[0].n)).toBe(1);
    } finally {
      await db.end();
    }
  });

  it('refuses acceptance of tampered evidence and tells the origin', async () => {
    const c = await caseUnderInvestigation(tj.t, [{ name: '合同.pdf', content: Buffer.from('contract '.repeat(300)) }], 5);
    const out = await requestAndApprove(c.id, 'transfer');
    const inbound = await inboundOf(out.id);
    await filesFetched(inbound.id);
    // someone alters the fetched copy at the partner
    const dir = path.join(hb.t.env.EVIDENCE_DIR as string, 'exchange');
    const db = await sql(hb.db.url);
    let key: string;
    try {
      const r = await db.query<{ storage_key: string }>('SELECT storage_key FROM transfer_files WHERE transfer_id = $1', [inbound.id]);
      key = r.rows[0].storage_key;
    } finally {
      await db.end();
    }
    expect((await readdir(path.join(dir, key.split('/')[0]))).length).toBeGreaterThan(0);
    await writeFile(path.join(dir, key), 'forged');
    const res = await act(hb, 'sup.city', inbound, 'accept');
    expect(res.status).toBe(422);
    expect(res.body).toMatchObject({ code: 'EVIDENCE_MISMATCH', details: { rule: 'EVIDENCE_MISMATCH' } });
    const still = (await get(hb, 'sup.city', `/transfers/${inbound.id}`)) as Transfer;
    expect(still.status).toBe('received');
    expect(still.caseId).toBeNull();
    const told = await eventually(
      async () => {
        const t = (await get(tj, 'sup.binhai', `/transfers/${out.id}`)) as Transfer;
        return t.integrityProblem ? t : undefined;
      },
      30_000,
      'the origin told',
    );
    expect(told.status).toBe('delivered');
    const events = (await get(tj, 'sup.binhai', `/transfers/${out.id}/events`)) as { action: string }[];
    expect(events.map((e) => e.action)).toContain('evidence_rejected');
  });
});
