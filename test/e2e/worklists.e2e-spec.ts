import { generateExchangeKeyPair } from '@app/transfers';
import { actOk, Versioned } from '../factories/actions';
import { caseIntake } from '../factories/cases';
import { auth, createTestApp, TestApp } from '../utils/test-app';
import { caseUnderInvestigation } from '../utils/transfers';

interface CaseBody extends Versioned {
  status: string;
  deadlines: { filingDecisionDue: string; closingDue: string | null };
  assignedOfficerIds: string[];
}

describe('worklists: my cases by deadline, list counts, the supervisor inbox', () => {
  let t: TestApp;
  let officer: string;
  let officer2: string;
  let heping: string;
  let supBinhai: string;
  let supCity: string;
  let ids: string[];
  beforeAll(async () => {
    t = await createTestApp({ withWorker: false });
    [officer, officer2, heping, supBinhai, supCity] = await Promise.all(
      ['off.binhai1', 'off.binhai2', 'off.heping1', 'sup.binhai', 'sup.city'].map((u) => t.token(u)),
    );
    const users = await t.http.get('/api/v1/users?orgUnitCode=120116&role=officer').set(auth(supBinhai)).expect(200);
    ids = (users.body.items as { id: string; username: string }[]).sort((a, b) => a.username.localeCompare(b.username)).map((u) => u.id);
  });
  afterAll(() => t.close());

  const intake = async (receivedOn: string, n: number, token = officer): Promise<CaseBody> =>
    (
      await t.http
        .post('/api/v1/cases')
        .set(auth(token))
        .send(caseIntake({ type: 'passing_off', source: 'inspection', receivedOn, requesters: [], patents: [] }, n))
        .expect(201)
    ).body as CaseBody;
  const list = async (query: string, token = officer) =>
    (await t.http.get(`/api/v1/cases?${query}`).set(auth(token)).expect(200)).body as { items: CaseBody[]; nextCursor: string | null };

  it("lists an officer's own cases nearest deadline first, pages in that order, and filters by due date", async () => {
    const late = await intake('2026-11-20', 1);
    const early = await intake('2026-11-02', 2);
    const other = await intake('2026-11-10', 3);
    // off.binhai1 is assigned to two of them (filed: closing deadline one month after filing), not to the third
    const [a, b] = await Promise.all(
      [
        [late, '2026-11-23'],
        [early, '2026-11-03'],
      ].map(async ([c, filedOn]) => {
        const filed = await actOk(t, 'cases', c as CaseBody, 'file', { filedOn }, officer);
        return actOk(t, 'cases', filed, 'assign', { officerIds: [ids[0], ids[1]] }, officer);
      }),
    );
    await actOk(t, 'cases', other, 'file', { filedOn: '2026-11-11' }, officer).then((c) =>
      actOk(t, 'cases', c, 'assign', { officerIds: [ids[1], ids[2]] }, officer),
    );

    const mine = await list('assignedTo=me&sort=deadline');
    expect(mine.items.map((c) => c.id)).toEqual([b.id, a.id]);
    expect(mine.items[0].deadlines.closingDue! <= mine.items[1].deadlines.closingDue!).toBe(true);

    const page1 = await list('assignedTo=me&sort=deadline&limit=1');
    expect(page1.items.map((c) => c.id)).toEqual([b.id]);
    const page2 = await list(`assignedTo=me&sort=deadline&limit=1&cursor=${page1.nextCursor}`);
    expect(page2.items.map((c) => c.id)).toEqual([a.id]);

    const soon = await list(`assignedTo=me&dueBefore=${a.deadlines.closingDue}`);
    expect(soon.items.map((c) => c.id)).toEqual([b.id]);
    // another officer's list is theirs: off.binhai2 is on all three
    expect((await list('assignedTo=me', officer2)).items).toHaveLength(3);
    await t.http.get('/api/v1/cases?assignedTo=someone').set(auth(officer)).expect(400);
  });

  it('counts the cases in scope by status, type or unit from the kept counts', async () => {
    const before = (await t.http.get('/api/v1/cases/counts?groupBy=status').set(auth(supBinhai)).expect(200)).body;
    const c = await intake('2026-11-25', 4);
    const afterIntake = (await t.http.get('/api/v1/cases/counts').set(auth(supBinhai)).expect(200)).body;
    const n = (body: { counts: { key: string; n: number }[] }, key: string) => body.counts.find((x) => x.key === key)?.n ?? 0;
    expect(afterIntake.total).toBe(before.total + 1);
    expect(n(afterIntake, 'received')).toBe(n(before, 'received') + 1);
    await actOk(t, 'cases', c, 'file', {}, officer);
    const afterFiling = (await t.http.get('/api/v1/cases/counts?groupBy=status').set(auth(supBinhai)).expect(200)).body;
    expect(n(afterFiling, 'received')).toBe(n(before, 'received'));
    expect(n(afterFiling, 'filed')).toBe(n(before, 'filed') + 1);

    const byType = (await t.http.get('/api/v1/cases/counts?groupBy=type').set(auth(supBinhai)).expect(200)).body;
    expect(byType.counts).toEqual([{ key: 'passing_off', n: afterFiling.total }]);
    // scope: the city sees 滨海新区 by unit; 和平区 sees none of it, and another unit answers 404
    const city = (await t.http.get('/api/v1/cases/counts?groupBy=orgUnit').set(auth(supCity)).expect(200)).body;
    expect(n(city, '120116')).toBe(afterFiling.total);
    expect((await t.http.get('/api/v1/cases/counts').set(auth(heping)).expect(200)).body.total).toBe(0);
    await t.http.get('/api/v1/cases/counts?orgUnitCode=120116').set(auth(heping)).expect(404);
  });

  it('gathers what waits for a supervisor, oldest first, with who asked, and counts by kind', async () => {
    let d = await intake('2026-11-26', 5);
    d = await actOk(t, 'cases', d, 'file', {}, officer);
    d = await actOk(t, 'cases', d, 'assign', { officerIds: [ids[0], ids[1]] }, officer);
    let x = await intake('2026-11-26', 6);
    x = await actOk(t, 'cases', x, 'file', {}, officer);
    x = await actOk(t, 'cases', x, 'assign', { officerIds: [ids[0], ids[1]] }, officer);
    await actOk(
      t,
      'cases',
      d,
      'propose_decision',
      { decision: { kind: 'no_penalty', summary: '不予处罚', legalBasis: '行政处罚法第三十三条' } },
      officer,
    );
    await actOk(t, 'cases', x, 'request_extension', { days: 10, reason: '案情复杂' }, officer2);

    const inbox = (await t.http.get('/api/v1/approvals').set(auth(supBinhai)).expect(200)).body as {
      items: { kind: string; entityId: string; label: string; orgUnit: { name: string }; requestedBy: { displayName: string } }[];
      counts: Record<string, number>;
      total: number;
    };
    expect(inbox.counts).toEqual({ decision: 1, extension: 1 });
    expect(inbox.items.map((i) => [i.kind, i.entityId])).toEqual([
      ['decision', d.id],
      ['extension', x.id],
    ]);
    expect(inbox.items[0]).toMatchObject({ orgUnit: { name: '滨海新区' }, label: expect.stringMatching(/^津滨知执/) });
    expect(inbox.items[1].requestedBy.displayName).toMatch(/.+/);
    expect((await t.http.get('/api/v1/approvals').set(auth(supCity)).expect(200)).body.total).toBe(2);
    await t.http.get('/api/v1/approvals').set(auth(officer)).expect(403);
  });

  it("lists an officer's transfer request in the inbox with the partner's name, until it is approved", async () => {
    const admin = await t.token('admin');
    const { publicKey } = generateExchangeKeyPair('ed25519');
    await t.http
      .put('/api/v1/partners/130000')
      .set(auth(admin))
      .send({
        name: '河北省知识产权局',
        endpoint: 'http://127.0.0.1:9/api/v1',
        keys: [{ keyId: 'hb-1', algorithm: 'ed25519', publicKey }],
        active: true,
      })
      .expect(200);
    const c = await caseUnderInvestigation(t, [], 7);
    const req = await t.http
      .post(`/api/v1/cases/${c.id}/transfers`)
      .set(auth(officer))
      .send({ partnerCode: '130000', kind: 'assist_investigation', reason: '协助调取销售记录' })
      .expect(201);
    const inbox = async (token: string) =>
      (await t.http.get('/api/v1/approvals').set(auth(token)).expect(200)).body as {
        items: {
          kind: string;
          entityType: string;
          entityId: string;
          label: string;
          summary: string;
          version: number;
          detail: Record<string, unknown>;
        }[];
        counts: Record<string, number>;
      };
    const item = (await inbox(supBinhai)).items.find((i) => i.kind === 'transfer');
    expect(item).toMatchObject({
      entityType: 'transfer',
      entityId: req.body.id,
      label: c.caseNo,
      summary: '河北省知识产权局：协助调取销售记录',
      detail: { transferKind: 'assist_investigation', partner: { code: '130000', name: '河北省知识产权局' } },
    });
    expect((await inbox(supBinhai)).counts.transfer).toBe(1);
    await t.http
      .post(`/api/v1/transfers/${req.body.id}/actions/approve`)
      .set(auth(supBinhai))
      .send({ expectedVersion: item!.version })
      .expect(200);
    expect((await inbox(supBinhai)).counts.transfer).toBeUndefined();
  });
});
