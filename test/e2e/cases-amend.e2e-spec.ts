import { act as actOn, actOk, Versioned } from '../factories/actions';
import { caseIntake, notifyPenaltyWaived } from '../factories/cases';
import { patentNumber, residentId, uscc } from '../utils/identifiers';
import { auth, createTestApp, TestApp } from '../utils/test-app';
import { sql } from '../utils/test-db';

interface CaseBody extends Versioned {
  status: string;
  requesters: { kind: string; name: string; role: string | null; idNumber: string | null }[];
  respondents: { name: string }[];
  patents: { normalized: string }[];
  deadlines: { filingDecisionDue: string };
  summary: string;
}

describe('amending a case (补正) and converting a ticket that keeps what the caller said', () => {
  let t: TestApp;
  let op: string;
  let officer: string;
  let supervisor: string;
  beforeAll(async () => {
    t = await createTestApp({ withWorker: false });
    [op, officer, supervisor] = await Promise.all(['op.12330', 'off.binhai1', 'sup.binhai'].map((u) => t.token(u)));
  });
  afterAll(() => t.close());

  const ticket = async (caller: Record<string, unknown>) =>
    (
      await t.http
        .post('/api/v1/hotline/tickets')
        .set(auth(op))
        .send({
          channel: 'phone',
          category: 'complaint',
          caller,
          subject: '展会上销售侵权产品',
          description: '来电反映某公司销售涉嫌侵犯其发明专利的产品。',
          respondentName: '天津某某贸易有限公司',
          patentNumbers: [patentNumber(21)],
        })
        .expect(201)
    ).body as Versioned & { caseId?: string };
  const convert = async (tk: Versioned, body: Record<string, unknown>) =>
    actOk(t, 'hotline/tickets', tk, 'convert', { type: 'infringement_dispute', orgUnitCode: '120116', ...body }, op);
  const getCase = async (id: string) => (await t.http.get(`/api/v1/cases/${id}`).set(auth(officer)).expect(200)).body as CaseBody;
  const amend = (c: Versioned, body: Record<string, unknown>, token = officer) =>
    t.http
      .patch(`/api/v1/cases/${c.id}`)
      .set(auth(token))
      .send({ expectedVersion: c.version, ...body });
  const events = async (id: string) =>
    (await t.http.get(`/api/v1/cases/${id}/events`).set(auth(officer)).expect(200)).body as {
      action: string;
      payload: Record<string, unknown>;
    }[];

  it('unsticks a converted infringement case: file refuses a requester without standing, an amendment gives it, then it files', async () => {
    const tk = await ticket({ name: '张三', phone: '13912340001' });
    const converted = (await convert(tk, {})) as Versioned & { caseId: string };
    let c = await getCase(converted.caseId);
    expect(c.requesters).toEqual([expect.objectContaining({ kind: 'individual', name: '张三', role: null })]);
    expect(c.respondents).toEqual([expect.objectContaining({ name: '天津某某贸易有限公司' })]);

    const stuck = await actOn(t, 'cases', c, 'file', {}, officer).expect(422);
    expect(stuck.body).toMatchObject({ code: 'FILING_PREREQUISITES', details: { rule: 'FILING_PREREQUISITES' } });

    // a bad identifier is refused like at intake, naming the field, and nothing changes
    const bad = await amend(c, { requesters: [{ kind: 'individual', name: '张三', idNumber: '120101199001011235', role: 'patentee' }] });
    expect(bad.status).toBe(400);
    expect(bad.body.details).toEqual([expect.objectContaining({ field: 'requesters.0.idNumber' })]);
    expect((await getCase(c.id)).version).toBe(c.version);

    const id = residentId(7);
    const amended = await amend(c, {
      requesters: [{ kind: 'individual', name: '张三', idNumber: id, role: 'patentee', phone: '13912340001' }],
      summary: '来电人系专利权人，请求处理展会侵权',
    }).expect(200);
    c = amended.body as CaseBody;
    expect(c.requesters).toEqual([expect.objectContaining({ role: 'patentee', idNumber: expect.stringMatching(/^\d{6}\*+\d{3}[\dX]$/) })]);
    expect(c.summary).toBe('来电人系专利权人，请求处理展会侵权');

    const amendEvent = (await events(c.id)).find((e) => e.action === 'amend');
    expect(amendEvent?.payload).toMatchObject({
      changed: expect.arrayContaining(['summary', 'requesters']),
      before: { requesters: [expect.objectContaining({ role: null })] },
      after: { requesters: [expect.objectContaining({ role: 'patentee' })] },
    });
    // personal data stays encrypted at rest and masked in the trail
    const db = await sql(t.db.url);
    try {
      const stored = await db.query('SELECT id_number_enc FROM case_parties WHERE case_id = $1 AND role = $2', [c.id, 'requester']);
      expect(stored.rows[0].id_number_enc).not.toContain(id);
      const audit = await db.query("SELECT before, after FROM audit_entries WHERE entity_id = $1 AND action = 'case.amended'", [c.id]);
      expect(audit.rows).toHaveLength(1);
      expect(JSON.stringify(audit.rows[0])).not.toContain(id);
    } finally {
      await db.end();
    }

    const filed = await actOk(t, 'cases', c, 'file', {}, officer);
    expect(filed).toMatchObject({ status: 'filed' });

    // an officer of the case may read the party's ID number in clear: audited (masks and reason only), never cached
    const contact = await t.http
      .get(`/api/v1/cases/${c.id}/parties/requester/0/contact?reason=${encodeURIComponent('电话联系当事人')}`)
      .set(auth(officer))
      .expect(200);
    expect(contact.body).toEqual({ name: '张三', idNumber: id, phone: '13912340001' });
    expect(contact.headers['cache-control']).toBe('no-store');
    await t.http
      .get(`/api/v1/cases/${c.id}/parties/requester/0/contact`)
      .set(auth(await t.token('off.heping1')))
      .expect(404);
    await t.http.get(`/api/v1/cases/${c.id}/parties/requester/7/contact`).set(auth(officer)).expect(404);
    const db2 = await sql(t.db.url);
    try {
      const viewed = await db2.query("SELECT after FROM audit_entries WHERE entity_id = $1 AND action = 'case.party_unmasked'", [c.id]);
      expect(viewed.rows).toHaveLength(1);
      expect(viewed.rows[0].after).toMatchObject({ reason: '电话联系当事人', role: 'requester' });
      expect(JSON.stringify(viewed.rows[0])).not.toContain(id);
    } finally {
      await db2.end();
    }
  });

  it("converts with the caller's organisation as the requester and the operator's requesterRole, so the case files at once", async () => {
    const tk = await ticket({ name: '李四', phone: '13912340002', organization: '天津某科技有限公司' });
    const converted = (await convert(tk, { requesterRole: 'patentee' })) as Versioned & { caseId: string };
    const c = await getCase(converted.caseId);
    expect(c.requesters).toEqual([expect.objectContaining({ kind: 'organization', name: '天津某科技有限公司', role: 'patentee' })]);
    await actOk(t, 'cases', c, 'file', {}, officer);
  });

  it('recomputes the deadline when what it depends on changes, refuses stale, filed-only and decided changes', async () => {
    let c = (
      await t.http
        .post('/api/v1/cases')
        .set(auth(officer))
        .send(caseIntake({ type: 'passing_off', source: 'inspection', requesters: [], patents: [] }, 31))
        .expect(201)
    ).body as CaseBody;
    const due = c.deadlines.filingDecisionDue;
    c = (await amend(c, { reportReceived: true }).expect(200)).body as CaseBody;
    expect(c.deadlines.filingDecisionDue > due).toBe(true);
    const recomputed = (await events(c.id)).find((e) => e.action === 'amend');
    expect(recomputed?.payload).toMatchObject({
      deadlines: { before: { filingDecisionDue: due }, after: { filingDecisionDue: c.deadlines.filingDecisionDue } },
    });

    await amend({ ...c, version: c.version - 1 }, { summary: '过期版本' }).expect(409);
    await amend(c, {}).expect(400);
    c = (await actOn(t, 'cases', c, 'file', {}, officer).expect(200)).body as CaseBody;
    const fixed = await amend(c, { type: 'infringement_dispute' }).expect(400);
    expect(fixed.body.details[0].field).toBe('type');
    c = (await amend(c, { respondents: [{ kind: 'organization', name: '更正后的公司', uscc: uscc(32) }] }).expect(200)).body as CaseBody;
    expect(c.respondents.map((r) => r.name)).toEqual(['更正后的公司']);

    // a penalty must state its facts (行政处罚法 Art. 59)
    const users = await t.http.get('/api/v1/users?orgUnitCode=120116&role=officer').set(auth(supervisor)).expect(200);
    c = await actOk(t, 'cases', c, 'assign', { officerIds: users.body.items.slice(0, 2).map((u: { id: string }) => u.id) }, officer);
    c = await notifyPenaltyWaived(t, c, { fineFen: 100_000 }, officer);
    const noFacts = await actOn(
      t,
      'cases',
      c,
      'propose_decision',
      {
        decision: { kind: 'penalty', summary: '罚款', legalBasis: '专利法第六十八条', fineFen: 100_000 },
      },
      officer,
    ).expect(400);
    expect(noFacts.body.details).toEqual([expect.objectContaining({ field: 'decision.facts' })]);
    c = await actOk(
      t,
      'cases',
      c,
      'propose_decision',
      {
        decision: { kind: 'penalty', summary: '罚款', facts: '标注失效专利号', legalBasis: '专利法第六十八条', fineFen: 100_000 },
      },
      officer,
    );
    c = await actOk(t, 'cases', c, 'approve_decision', {}, supervisor);
    const late = await amend(c, { summary: '决定后' }).expect(422);
    expect(late.body.code).toBe('CASE_NOT_AMENDABLE');
  });
});
