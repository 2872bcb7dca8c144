import { auth, createTestApp, TestApp } from '../utils/test-app';
import { uscc } from '../utils/identifiers';
import { sql } from '../utils/test-db';
import { act as actOn, Versioned } from '../factories/actions';
import { caseIntake, notifyPenaltyWaived } from '../factories/cases';

interface CaseBody {
  id: string;
  version: number;
  status: string;
  caseNo: string | null;
  allowedActions: string[];
  [k: string]: unknown;
}

describe('case lifecycle through HTTP', () => {
  let t: TestApp;
  let officer: string;
  let supervisor: string;
  let officerIds: string[];
  beforeAll(async () => {
    t = await createTestApp({ withWorker: false });
    officer = await t.token('off.binhai1');
    supervisor = await t.token('sup.binhai');
    const users = await t.http.get('/api/v1/users?orgUnitCode=120116&role=officer').set(auth(supervisor)).expect(200);
    officerIds = users.body.items.map((u: { id: string }) => u.id);
  });
  afterAll(() => t.close());

  const intake = async (type: string, extra: Record<string, unknown> = {}): Promise<CaseBody> =>
    (
      await t.http
        .post('/api/v1/cases')
        .set(auth(officer))
        .send(
          caseIntake({ type, requesters: [{ kind: 'organization', name: '请求人有限公司', uscc: uscc(11), role: 'patentee' }], ...extra }),
        )
        .expect(201)
    ).body as CaseBody;

  const act = (c: Versioned, action: string, body: Record<string, unknown> = {}, token = officer) =>
    actOn(t, 'cases', c, action, body, token);

  it('walks an infringement dispute from receipt to closing, with numbers, deadlines and a timeline', async () => {
    let c = await intake('infringement_dispute');
    c = (await act(c, 'file', { filedOn: '2026-11-03' }).expect(200)).body;
    expect(c).toMatchObject({ status: 'filed', caseNo: expect.stringMatching(/^津滨知执〔2026〕\d{4}号$/), filedOn: '2026-11-03' });
    expect(c.deadlines).toMatchObject({ closingDue: '2027-02-03' });

    const two = await act(c, 'assign', { officerIds: officerIds.slice(0, 2) }).expect(422);
    expect(two.body).toMatchObject({ code: 'OFFICER_COUNT', details: { rule: 'OFFICER_COUNT' } });
    c = (await act(c, 'assign', { officerIds: officerIds.slice(0, 3) }).expect(200)).body;
    expect(c.status).toBe('investigating');

    const tooHigh = await act(c, 'propose_decision', {
      decision: {
        kind: 'penalty',
        summary: '处罚',
        legalBasis: '专利法第六十八条',
        fineFen: 25_000_001,
        illegalGainsFen: 0,
        actDate: '2026-10-01',
      },
    }).expect(422);
    expect(tooHigh.body.details).toMatchObject({ rule: 'FINE_ABOVE_CAP', capFen: 25_000_000 });
    c = (
      await act(c, 'propose_decision', { decision: { kind: 'ruling', summary: '责令停止侵权', legalBasis: '专利法第六十五条' } }).expect(
        200,
      )
    ).body;
    expect(c.status).toBe('pending_decision');

    // only a supervisor approves
    const forbidden = await act(c, 'approve_decision').expect(403);
    expect(forbidden.body.code).toBe('FORBIDDEN');
    c = (await act(c, 'approve_decision', {}, supervisor).expect(200)).body;
    expect(c).toMatchObject({
      status: 'decided',
      decision: expect.objectContaining({ documentNo: expect.stringMatching(/^津滨知执决〔\d{4}〕0001号$/) }),
    });
    c = (await act(c, 'serve', { servedOn: c.decision && (c.decision as { decidedOn: string }).decidedOn, method: 'direct' }).expect(200))
      .body;
    c = (await act(c, 'close', { note: '已履行' }).expect(200)).body;
    expect(c).toMatchObject({ status: 'closed', outcome: { kind: 'ruling' }, allowedActions: [] });

    const events = await t.http.get(`/api/v1/audit?entityType=case&entityId=${c.id}`).set(auth(supervisor)).expect(200);
    expect(events.body.items.map((e: { action: string }) => e.action).reverse()).toEqual([
      'case.received',
      'case.file',
      'case.assign',
      'case.propose_decision',
      'case.approve_decision',
      'case.serve',
      'case.close',
    ]);
  });

  it('walks a passing-off case to a penalty: fine cap by the 2020 law, approval, service, closing', async () => {
    let c = await intake('passing_off', { source: 'inspection', requesters: [], patents: [] });
    c = (await act(c, 'file').expect(200)).body;
    c = (await act(c, 'assign', { officerIds: officerIds.slice(0, 2) }).expect(200)).body;
    // illegal gains 100,000 yuan → 5× = 500,000 yuan cap for an act after 2021-06-01
    const decision = {
      kind: 'penalty',
      summary: '假冒专利，罚款',
      facts: '当事人在产品上标注已失效的专利号',
      legalBasis: '专利法第六十八条',
      illegalGainsFen: 10_000_000,
      fineFen: 50_000_001,
      actDate: '2026-09-01',
    };
    const over = await act(c, 'propose_decision', { decision }).expect(422);
    expect(over.body.details).toMatchObject({ rule: 'FINE_ABOVE_CAP', capFen: 50_000_000 });
    // ¥500,000 with ¥100,000 confiscated: the party may ask for a hearing, and the decision is major (legal review)
    c = await notifyPenaltyWaived(t, c, { fineFen: 50_000_000, confiscatedFen: 10_000_000 }, officer);
    expect(c).toMatchObject({ procedure: { notice: { hearingRight: true }, statement: { waived: true } } });
    c = (await act(c, 'propose_decision', { decision: { ...decision, fineFen: 50_000_000, confiscatedFen: 10_000_000 } }).expect(200)).body;
    expect((await act(c, 'approve_decision', {}, supervisor).expect(422)).body.code).toBe('LEGAL_REVIEW_REQUIRED');
    c = (await act(c, 'record_legal_review', { opinion: '事实清楚，程序合法', conclusion: 'approve' }, supervisor).expect(200)).body;
    c = (await act(c, 'approve_decision', {}, supervisor).expect(200)).body;
    const decidedOn = (c.decision as { decidedOn: string }).decidedOn;
    const noTracking = await act(c, 'serve', { servedOn: decidedOn, method: 'mail' }).expect(400);
    expect(noTracking.body.details).toEqual([expect.objectContaining({ field: 'trackingNo' })]);
    c = (await act(c, 'serve', { servedOn: decidedOn, method: 'mail', trackingNo: 'EMS1234567890' }).expect(200)).body;
    expect((await act(c, 'close').expect(400)).body.details).toEqual([expect.objectContaining({ field: 'enforcement' })]);
    c = (await act(c, 'close', { enforcement: 'court_enforced' }).expect(200)).body;
    expect(c).toMatchObject({
      status: 'closed',
      outcome: { kind: 'penalty', enforcement: 'court_enforced' },
      decision: { fineFen: 50_000_000 },
    });
  });

  it('closes a mediation by agreement, and a dispute by referral to court (four-in-one routes)', async () => {
    let m = await intake('dispute_mediation', { requesters: [], patents: [] });
    m = (await act(m, 'file').expect(200)).body;
    m = (await act(m, 'assign', { officerIds: officerIds.slice(0, 1) }).expect(200)).body;
    m = (await act(m, 'mediate', { agreementSummary: '双方达成调解协议' }).expect(200)).body;
    expect(m).toMatchObject({ status: 'closed', outcome: { kind: 'mediation_agreement' } });

    let d = await intake('infringement_dispute');
    d = (await act(d, 'file').expect(200)).body;
    d = (await act(d, 'assign', { officerIds: officerIds.slice(0, 3) }).expect(200)).body;
    const inDays = (n: number) => new Date(Date.now() + 8 * 3600_000 + n * 86_400_000).toISOString().slice(0, 10); // Shanghai
    const tooSoon = await act(d, 'schedule_hearing', { hearingOn: inDays(1) }).expect(422);
    expect(tooSoon.body.details.earliest).toBeDefined();
    d = (await act(d, 'schedule_hearing', { hearingOn: inDays(30) }).expect(200)).body;
    expect(d.status).toBe('hearing');
    d = (await act(d, 'refer', { to: 'court', reason: '当事人已起诉' }).expect(200)).body;
    expect(d).toMatchObject({ status: 'closed', outcome: { kind: 'referral', to: 'court' } });
  });

  it('answers 422 with the allowed actions for an illegal step, 409 for a stale version, 400 for a missing field', async () => {
    const c = await intake('passing_off', { requesters: [], patents: [] });
    const illegal = await act(c, 'serve', { servedOn: '2026-11-03', method: 'mail' }).expect(422);
    expect(illegal.body).toMatchObject({
      code: 'ILLEGAL_TRANSITION',
      details: { allowedActions: expect.arrayContaining(['file', 'decline']) },
    });
    const missing = await act(c, 'decline').expect(400);
    expect(missing.body.details).toEqual([{ field: 'reason', message: 'is required for decline', constraint: expect.any(String) }]);
    const extra = await act(c, 'resume', { reason: 'x' }).expect(400);
    expect(extra.body.details).toEqual([{ field: 'reason', message: 'is not used by resume', constraint: expect.any(String) }]);
    await act(c, 'file').expect(200);
    const stale = await act(c, 'decline', { reason: '重复' }).expect(409);
    expect(stale.body.code).toBe('VERSION_CONFLICT');
    const unknown = await act(c, 'explode').expect(400);
    expect(unknown.body.details[0].field).toBe('action');
    // the role is checked before the version: an officer approving with a stale version gets 403, and no version
    const forbidden = await act({ id: c.id, version: 1 }, 'approve_decision').expect(403);
    expect(forbidden.body.code).toBe('FORBIDDEN');
    expect(JSON.stringify(forbidden.body)).not.toMatch(/current|version/i);
  });

  it('two officers acting on one version: exactly one wins, the other gets 409', async () => {
    const c = await intake('dispute_mediation', { requesters: [], patents: [] });
    const other = await t.token('off.binhai2');
    const results = await Promise.all([act(c, 'file'), act(c, 'decline', { reason: '不予受理' }, other)]);
    expect(results.map((r) => r.status).sort()).toEqual([200, 409]);
  });

  it('suspension moves the closing deadline by the paused days; extensions are capped and approved by a supervisor', async () => {
    let c = await intake('passing_off', { requesters: [], patents: [] });
    c = (await act(c, 'file', { filedOn: '2026-11-02' }).expect(200)).body;
    expect((c.deadlines as { closingDue: string }).closingDue).toBe('2026-12-02');
    c = (await act(c, 'suspend', { reason: '等待鉴定' }).expect(200)).body;
    expect(c.allowedActions.sort()).toEqual(['resume', 'withdraw']);
    const db = await sql(t.db.url);
    await db.query("UPDATE cases SET paused_since = '2026-11-20' WHERE id = $1", [c.id]); // paused since a date well in the past
    await db.end();
    c = (await act(c, 'resume').expect(200)).body;
    expect(c.pausedDays).toBeGreaterThanOrEqual(5);
    const tooLong = await act(c, 'request_extension', { days: 16, reason: '案情复杂' }).expect(422);
    expect(tooLong.body).toMatchObject({ code: 'EXTENSION_LIMIT', details: { rule: 'EXTENSION_LIMIT', maxDays: 15 } });
    c = (await act(c, 'request_extension', { days: 10, reason: '案情复杂' }).expect(200)).body;
    await act(c, 'approve_extension').expect(403);
    c = (await act(c, 'approve_extension', {}, supervisor).expect(200)).body;
    const d = c.deadlines as { closingDue: string; extendedClosingDue: string };
    expect(d.extendedClosingDue > d.closingDue).toBe(true);
  });

  it('files 20 cases at once with gapless, distinct case numbers', async () => {
    const cases = await Promise.all(Array.from({ length: 20 }, () => intake('passing_off', { requesters: [], patents: [] })));
    const filed = await Promise.all(cases.map((c) => act(c, 'file').expect(200)));
    const seqs = filed.map((r) => Number(/〔\d{4}〕(\d+)号/.exec(r.body.caseNo as string)![1])).sort((a, b) => a - b);
    expect(new Set(seqs).size).toBe(20);
    expect(seqs[19] - seqs[0]).toBe(19);
  });
});

describe('recusal (回避)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ withWorker: false });
  });
  afterAll(() => t.close());

  it('a recused officer loses access to the case, even within the unit', async () => {
    const officer = await t.token('off.binhai1');
    const other = await t.token('off.binhai2');
    const supervisor = await t.token('sup.binhai');
    const created = await t.http
      .post('/api/v1/cases')
      .set(auth(officer))
      .send({
        type: 'passing_off',
        source: 'inspection',
        orgUnitCode: '120116',
        receivedOn: '2026-11-02',
        summary: 's',
        requesters: [],
        respondents: [{ kind: 'organization', name: '某公司' }],
        patents: [],
      })
      .expect(201);
    const me = await t.http.get('/api/v1/auth/me').set(auth(other)).expect(200);
    await t.http
      .post(`/api/v1/cases/${created.body.id}/recusals`)
      .set(auth(officer))
      .send({ expectedVersion: 1, officerId: me.body.user.id, reason: '亲属' })
      .expect(403);
    const res = await t.http
      .post(`/api/v1/cases/${created.body.id}/recusals`)
      .set(auth(supervisor))
      .send({ expectedVersion: 1, officerId: me.body.user.id, reason: '与被请求人有亲属关系' })
      .expect(200);
    expect(res.body.version).toBe(2);
    await t.http.get(`/api/v1/cases/${created.body.id}`).set(auth(other)).expect(404);
    const list = await t.http.get('/api/v1/cases').set(auth(other)).expect(200);
    expect(list.body.items.some((c: { id: string }) => c.id === created.body.id)).toBe(false);
    await t.http.get(`/api/v1/cases/${created.body.id}`).set(auth(officer)).expect(200);
  });
});
