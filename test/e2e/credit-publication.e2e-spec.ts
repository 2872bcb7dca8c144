import { CreditDeliveryService, CreditStandin, CreditSweep, startCreditStandin } from '@app/credit';
import { auth, createTestApp, eventually, TestApp } from '../utils/test-app';
import { sql } from '../utils/test-db';
import { CaseRef, takePassingOffCaseToDecision, individualRespondent, orgRespondent, PENALTY } from '../factories/cases';
import { residentId, uscc } from '../utils/identifiers';
import type { Client } from 'pg';
import { act as actOn, Versioned } from '../factories/actions';

interface Publication {
  id: string;
  caseId: string;
  status: string;
  version: number;
  record: Record<string, string | null>;
  mappingErrors: { field: string; message: string }[];
  platformReceiptId: string | null;
  attempts: number;
  lastError: string | null;
  allowedActions: string[];
  dueOn: string;
  displayUntil: string;
  [k: string]: unknown;
}

describe('credit-platform publication of penalty decisions', () => {
  let t: TestApp;
  let standin: CreditStandin;
  let db: Client;
  let supervisor: string;
  let serial = 100;

  beforeAll(async () => {
    standin = await startCreditStandin();
    t = await createTestApp({ env: { CREDIT_PLATFORM_URL: standin.url, CREDIT_SWEEP_INTERVAL_MS: '3600000' } });
    db = await sql(t.db.url);
    supervisor = await t.token('sup.binhai');
  });
  afterAll(async () => {
    await db.end();
    await t.close();
    await standin.stop();
  });

  const publicationsOf = async (c: CaseRef): Promise<Publication[]> =>
    (await t.http.get(`/api/v1/credit/publications?caseId=${c.id}`).set(auth(supervisor)).expect(200)).body.items;
  const getPub = async (id: string, token = supervisor): Promise<Publication> =>
    (await t.http.get(`/api/v1/credit/publications/${id}`).set(auth(token)).expect(200)).body;
  const waitFor = (id: string, status: string, ms = 20_000) =>
    eventually(
      async () => {
        const p = await getPub(id);
        return p.status === status ? p : undefined;
      },
      ms,
      `publication ${status}`,
    );
  /** the supervisors' inbox gets it (the fan-out is a job: eventually) */
  const notified = (kind: string, entityId: string) =>
    eventually(
      async () => {
        const inbox = await t.http.get('/api/v1/notifications').set(auth(supervisor)).expect(200);
        return inbox.body.items.some((n: { kind: string; entityId: string }) => n.kind === kind && n.entityId === entityId);
      },
      10_000,
      `${kind} notification`,
    );
  const act = (p: Versioned, action: string, body: Record<string, unknown> = {}, token = supervisor) =>
    actOn(t, 'credit/publications', p, action, body, token);

  it('publishes an approved penalty at the platform once, with the standard fields, within 7 working days', async () => {
    const org = orgRespondent(serial++);
    const c = await takePassingOffCaseToDecision(t, PENALTY, [org, individualRespondent(serial++)]);
    const [first, second] = await publicationsOf(c);
    expect([first, second].every((p) => ['pending', 'published'].includes(p.status))).toBe(true);
    const decidedOn = (c.decision as { decidedOn: string }).decidedOn;
    expect(first.dueOn > decidedOn).toBe(true);

    const published = await Promise.all([waitFor(first.id, 'published'), waitFor(second.id, 'published')]);
    const byCategory = Object.fromEntries(published.map((p) => [p.record.partyCategory, p]));
    const company = byCategory['法人及非法人组织'];
    const person = byCategory['自然人'];
    expect(company.record).toMatchObject({
      partyName: org.name,
      partyCode: org.uscc,
      legalRepresentative: '王五',
      documentNo: (c.decision as { documentNo: string }).documentNo,
      violationType: '假冒专利',
      violationFacts: PENALTY.facts,
      legalBasis: '《专利法》第六十八条',
      penaltyCategories: '罚款;没收违法所得',
      fineWanYuan: '5.000000',
      confiscatedWanYuan: '0.123456',
      decidedOn: decidedOn.replaceAll('-', '/'),
      authority: '滨海新区',
      authorityUscc: expect.stringMatching(/^11120116/),
      sourceUnit: '天津市知识产权局',
      sourceUnitUscc: expect.stringMatching(/^11120000/),
    });
    expect(company.mappingErrors).toEqual([]);
    // three years for a 50,000 yuan fine
    expect(Number(company.displayUntil.slice(0, 4)) - Number(decidedOn.slice(0, 4))).toBe(3);
    expect(person.record.idNumber).toMatch(/^\d{6}\*{8}\d{3}[\dX]$/);

    // at the platform: exactly the two records, under the publication ids, with the stored receipts
    const atPlatform = standin.live().filter((r) => r.idempotencyKey === company.id || r.idempotencyKey === person.id);
    expect(atPlatform.map((r) => r.receiptId).sort()).toEqual([company.platformReceiptId, person.platformReceiptId].sort());
    const sent = JSON.stringify(atPlatform.map((r) => r.record));
    for (const secret of ['滨海新区某路1号', '和平区某街2号', '13800138000', '13900139000', residentId(serial - 1)])
      expect(sent).not.toContain(secret);
    expect(atPlatform.find((r) => r.idempotencyKey === company.id)?.record).toEqual(company.record);

    // a redelivered job (duplicate) changes nothing: one record, no new attempt
    await t.app.get(CreditDeliveryService).deliver(company.id, { attemptsMade: 0, maxAttempts: 13 });
    expect(standin.live().filter((r) => r.idempotencyKey === company.id)).toHaveLength(1);
    expect((await getPub(company.id)).attempts).toBe(1);

    // scope: another district's officer cannot see it; this district's officer can, with no actions
    expect((await getPub(company.id, await t.token('off.binhai2'))).allowedActions).toEqual([]);
    await t.http
      .get(`/api/v1/credit/publications/${company.id}`)
      .set(auth(await t.token('off.heping1')))
      .expect(404);
    const audit = await t.http.get(`/api/v1/audit?entityType=publication&entityId=${company.id}`).set(auth(supervisor)).expect(200);
    expect(audit.body.items.map((e: { action: string }) => e.action).reverse()).toEqual(['publication.created', 'publication.published']);
  });

  it('publishes nothing for a warning alone, and keeps small fines 3 months', async () => {
    const warning = await takePassingOffCaseToDecision(t, { summary: '警告', facts: '事实', fineFen: 0, warning: true }, [
      orgRespondent(serial++),
    ]);
    expect(await publicationsOf(warning)).toEqual([]);
    const small = await takePassingOffCaseToDecision(t, { summary: '罚款', facts: '事实', fineFen: 200_000 }, [orgRespondent(serial++)]);
    const [p] = await publicationsOf(small);
    const decidedOn = (small.decision as { decidedOn: string }).decidedOn;
    const months =
      (Number(p.displayUntil.slice(0, 4)) - Number(decidedOn.slice(0, 4))) * 12 +
      Number(p.displayUntil.slice(5, 7)) -
      Number(decidedOn.slice(5, 7));
    expect(months).toBe(3);
  });

  it('keeps an incomplete record pending with the missing fields named, and sends it once corrected', async () => {
    // (a penalty states its facts, 行政处罚法 Art. 59, so the record lacks only what the case does not hold)
    const c = await takePassingOffCaseToDecision(t, { summary: '罚款', facts: '标注失效专利号', fineFen: 1_000_000 }, [
      { ...orgRespondent(serial++), legalRepresentative: undefined },
    ]);
    let [p] = await publicationsOf(c);
    expect(p).toMatchObject({ status: 'pending', allowedActions: ['withdraw', 'correct'] });
    expect(p.mappingErrors.map((e) => e.field)).toEqual(['legalRepresentative']);
    expect(p.lastError).toContain('legalRepresentative');

    // bad corrections: 400 naming the field, nothing written
    const bad = await act(p, 'correct', { record: { address: '某路', violationFacts: '事实' } }).expect(400);
    expect(bad.body).toMatchObject({ code: 'VALIDATION_FAILED', details: [{ field: 'record.address' }] });
    await act(p, 'correct', { record: { violationFacts: '事实' }, reason: 'x' }).expect(400);
    await act(p, 'correct', { record: { violationFacts: '事实' } }, await t.token('off.binhai1')).expect(403);
    await act({ ...p, version: p.version + 5 }, 'correct', { record: { violationFacts: '事实' } }).expect(409);
    await act(p, 'retry')
      .expect(422)
      .expect((res) => expect(res.body.details.allowedActions).toEqual(['withdraw', 'correct']));
    expect((await getPub(p.id)).version).toBe(p.version);

    p = (await act(p, 'correct', { record: { violationFacts: '在产品上标注失效专利号' } }).expect(200)).body;
    expect(p.mappingErrors.map((e) => e.field)).toEqual(['legalRepresentative']);
    p = (await act(p, 'correct', { record: { legalRepresentative: '赵六' } }).expect(200)).body;
    const done = await waitFor(p.id, 'published');
    expect(done.record).toMatchObject({ legalRepresentative: '赵六', violationFacts: '在产品上标注失效专利号' });
  });

  it('takes a platform rejection (4xx) with its reason, and publishes after a correction', async () => {
    standin.rejectWhen((r) => (String(r.violationFacts).includes('不清') ? '违法事实表述不清' : null));
    try {
      const c = await takePassingOffCaseToDecision(t, { ...PENALTY, facts: '事实不清' }, [orgRespondent(serial++)]);
      const [created] = await publicationsOf(c);
      const rejected = await waitFor(created.id, 'rejected');
      expect(rejected.lastError).toContain('违法事实表述不清');
      expect(rejected.allowedActions).toEqual(['retry', 'withdraw', 'correct']);
      await notified('credit.publication_rejected', created.id);
      const fixed = (await act(rejected, 'correct', { record: { violationFacts: '在产品上标注失效专利号' } }).expect(200))
        .body as Publication;
      expect(fixed.status).toBe('pending');
      const published = await waitFor(created.id, 'published');
      expect(published.attempts).toBe(2);
    } finally {
      standin.rejectWhen(null);
    }
  });

  it('retries a 5xx with back-off and publishes once the platform answers', async () => {
    standin.failNext(2, 503);
    const c = await takePassingOffCaseToDecision(t, PENALTY, [orgRespondent(serial++)]);
    const [p] = await publicationsOf(c);
    const published = await waitFor(p.id, 'published', 30_000);
    expect(published.attempts).toBe(3);
    expect(standin.live().filter((r) => r.idempotencyKey === p.id)).toHaveLength(1);
  });

  it('records a publication once when several runs deliver it at the same time', async () => {
    standin.setDelay(300); // the worker's job and these runs are all in flight together
    try {
      const c = await takePassingOffCaseToDecision(t, PENALTY, [orgRespondent(serial++)]);
      const [p] = await publicationsOf(c);
      const delivery = t.app.get(CreditDeliveryService);
      await Promise.all(Array.from({ length: 4 }, () => delivery.deliver(p.id, { attemptsMade: 0, maxAttempts: 13 })));
      const published = await waitFor(p.id, 'published');
      // pending v1 → published v2: one status change, one receipt, one audit entry, one count
      expect(published).toMatchObject({ version: 2, platformReceiptId: expect.any(String) });
      expect(standin.live().filter((r) => r.idempotencyKey === p.id)).toHaveLength(1);
      const audit = await db.query<{ n: number }>(
        `SELECT count(*)::int AS n FROM audit_entries WHERE entity_id = $1 AND action = 'publication.published'`,
        [p.id],
      );
      expect(audit.rows[0].n).toBe(1);
      expect(published.attempts).toBeGreaterThanOrEqual(1);
    } finally {
      standin.setDelay(0);
    }
  });

  it('marks a publication failed when retries run out, and alerts the supervisors', async () => {
    const c = await takePassingOffCaseToDecision(t, { summary: '罚款', facts: '标注失效专利号', fineFen: 1_000_000 }, [
      { ...orgRespondent(serial++), legalRepresentative: undefined },
    ]);
    const [p] = await publicationsOf(c); // incomplete (no legal representative): no job runs for it
    await db.query(
      `UPDATE credit_publications SET mapping_errors = '[]', record = record || '{"violationFacts":"事实","legalRepresentative":"王五"}' WHERE id = $1`,
      [p.id],
    );
    standin.setDown(true);
    try {
      await t.app.get(CreditDeliveryService).deliver(p.id, { attemptsMade: 12, maxAttempts: 13 });
    } finally {
      standin.setDown(false);
    }
    const failed = await getPub(p.id);
    expect(failed).toMatchObject({ status: 'failed', lastError: expect.stringContaining('unreachable') });
    await notified('credit.publication_failed', p.id);
    await act(failed, 'retry').expect(200);
    await waitFor(p.id, 'published');
  });

  it('withdraws a published record from the platform within 3 working days', async () => {
    const c = await takePassingOffCaseToDecision(t, PENALTY, [orgRespondent(serial++)]);
    const [created] = await publicationsOf(c);
    const published = await waitFor(created.id, 'published');
    await act(published, 'withdraw').expect(400);
    const withdrawn = (await act(published, 'withdraw', { reason: '处罚决定已撤销' }).expect(200)).body as Publication;
    expect(withdrawn).toMatchObject({ status: 'withdrawn', withdrawReason: '处罚决定已撤销', allowedActions: [] });
    expect((withdrawn.removalDueOn as string) > (c.decision as { decidedOn: string }).decidedOn).toBe(true);
    await eventually(async () => (await getPub(created.id)).removedAt ?? undefined, 15_000, 'removal at the platform');
    expect(standin.records.get(published.platformReceiptId as string)?.deletedAt).toBeTruthy();
    await act(withdrawn, 'withdraw', { reason: 'again' }).expect(422);
  });

  it('expires a record at the end of its display period, and escalates an overdue one once', async () => {
    const c = await takePassingOffCaseToDecision(t, PENALTY, [orgRespondent(serial++)]);
    const [created] = await publicationsOf(c);
    const published = await waitFor(created.id, 'published');
    await db.query(`UPDATE credit_publications SET display_until = current_date - 1 WHERE id = $1`, [created.id]);

    const late = await takePassingOffCaseToDecision(t, { summary: '罚款', facts: '标注失效专利号', fineFen: 1_000_000 }, [
      { ...orgRespondent(serial++), legalRepresentative: undefined },
    ]);
    const [pending] = await publicationsOf(late); // incomplete (no legal representative), so it stays undelivered
    await db.query(`UPDATE credit_publications SET due_on = current_date - 1 WHERE id = $1`, [pending.id]);

    const sweep = t.app.get(CreditSweep);
    const first = await sweep.run();
    expect(first.expired).toBeGreaterThanOrEqual(1);
    expect(first.escalated).toBeGreaterThanOrEqual(1);
    expect((await sweep.run()).escalated).toBe(0);
    expect((await getPub(created.id)).status).toBe('expired');
    await eventually(
      async () => standin.records.get(published.platformReceiptId as string)?.deletedAt ?? undefined,
      15_000,
      'expired record removed',
    );
    const overdue = await t.http.get('/api/v1/credit/publications?overdue=true').set(auth(supervisor)).expect(200);
    expect(overdue.body.items.map((p: Publication) => p.id)).toContain(pending.id);
    await eventually(
      async () => {
        const inbox = await t.http.get('/api/v1/notifications').set(auth(supervisor)).expect(200);
        const n = inbox.body.items.filter(
          (x: { kind: string; entityId: string }) => x.kind === 'credit.publication_overdue' && x.entityId === pending.id,
        );
        return n.length === 1;
      },
      10_000,
      'one overdue notification',
    );
  });

  it('exports the records in the standard column order with Chinese headers', async () => {
    const res = await t.http.get('/api/v1/credit/publications/export?format=csv&status=published').set(auth(supervisor)).expect(200);
    const [header, ...rows] = res.text
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n');
    expect(header.split(',').slice(0, 3)).toEqual(['行政相对人名称', '行政相对人类别', '统一社会信用代码']);
    expect(header.split(',')).toHaveLength(22);
    expect(rows.length).toBeGreaterThan(0);
    expect(res.text).not.toContain(uscc(99999));
    await t.http.get('/api/v1/credit/publications/export?format=pdf').set(auth(supervisor)).expect(400);
  });
});
