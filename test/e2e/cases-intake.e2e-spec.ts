import { auth, createTestApp, TestApp } from '../utils/test-app';
import { sql } from '../utils/test-db';
import { patentNumber, residentId, uscc } from '../utils/identifiers';

/** The same number with a different check character. */
const wrongCheck = (id: string) => id.slice(0, 17) + (id.endsWith('0') ? '1' : '0');

function intakeBody(overrides: Record<string, unknown> = {}) {
  return {
    type: 'infringement_dispute',
    source: 'complaint',
    orgUnitCode: '120116',
    receivedOn: '2026-09-28',
    summary: '请求人称被请求人在电商平台销售侵犯其发明专利权的产品',
    requesters: [{ kind: 'organization', name: '天津请求科技有限公司', uscc: uscc(1), role: 'patentee', phone: '022-5888-1234' }],
    respondents: [
      { kind: 'organization', name: '滨海被请求贸易有限公司', uscc: uscc(2), legalRepresentative: '王某' },
      { kind: 'individual', name: '李某', idNumber: residentId(7), phone: '13800138000' },
    ],
    patents: [{ number: patentNumber(17), title: '一种过滤装置' }],
    ftz: true,
    ...overrides,
  };
}

describe('case intake (收案), read and list', () => {
  let t: TestApp;
  let officer: string;
  beforeAll(async () => {
    t = await createTestApp({ withWorker: false });
    officer = await t.token('off.binhai1');
  });
  afterAll(() => t.close());

  const counts = async () => {
    const db = await sql(t.db.url);
    const r = await db.query(`SELECT (SELECT count(*) FROM cases)::int AS cases, (SELECT count(*) FROM case_parties)::int AS parties,
      (SELECT count(*) FROM audit_entries WHERE entity_type = 'case')::int AS audit`);
    await db.end();
    return r.rows[0] as Record<string, number>;
  };

  it('takes in a case: receipt number, filing deadline on the working-day calendar, masked personal data, allowed actions', async () => {
    const res = await t.http.post('/api/v1/cases').set(auth(officer)).send(intakeBody()).expect(201);
    const c = res.body;
    expect(c).toMatchObject({
      receiptNo: expect.stringMatching(/^津滨知收〔20\d\d〕0001号$/),
      caseNo: null,
      status: 'received',
      orgUnitCode: '120116',
      receivedOn: '2026-09-28',
      // 5 working days after 2026-09-28, across the National Day holiday (Oct 1–7; Sat Oct 10 is a make-up day)
      deadlines: { filingDecisionDue: '2026-10-10', closingDue: null, extendedClosingDue: null },
      ftz: true,
      version: 1,
    });
    expect(c.overdue).toBe(true); // today (2026-11-25) is past the filing deadline
    expect(c.respondents[1]).toMatchObject({
      kind: 'individual',
      idNumber: '120101********' + residentId(7).slice(-4),
      phone: '138****8000',
    });
    expect(c.requesters[0]).toMatchObject({ role: 'patentee', uscc: uscc(1), phone: '022****1234' });
    expect(c.patents[0]).toMatchObject({ kind: 'invention', normalized: patentNumber(17).slice(2) });
    expect(c.allowedActions).toEqual(expect.arrayContaining(['file', 'decline', 'suspend', 'withdraw']));
    expect(c.allowedActions).not.toContain('approve_decision');

    const db = await sql(t.db.url);
    const stored = await db.query('SELECT id_number_enc, phone_enc FROM case_parties WHERE id_number_masked IS NOT NULL');
    const audit = await db.query("SELECT after::text AS after FROM audit_entries WHERE entity_type = 'case' AND entity_id = $1", [c.id]);
    const events = await db.query('SELECT action, to_status FROM case_events WHERE case_id = $1', [c.id]);
    await db.end();
    expect(stored.rows[0].id_number_enc).toMatch(/^v1\.t1\./);
    expect(stored.rows[0].id_number_enc).not.toContain(residentId(7));
    expect(audit.rows).toHaveLength(1);
    expect(audit.rows[0].after).not.toContain(residentId(7));
    expect(audit.rows[0].after).not.toContain('13800138000');
    expect(events.rows).toEqual([{ action: 'receive', to_status: 'received' }]);

    const again = await t.http.get(`/api/v1/cases/${c.id}`).set(auth(officer)).expect(200);
    expect(again.body).toEqual(c);
  });

  it('answers the intake with exactly what a later GET of the case returns', async () => {
    const created = await t.http
      .post('/api/v1/cases')
      .set(auth(officer))
      .send(intakeBody({ patents: [{ number: patentNumber(17) }, { number: patentNumber(19), title: '二号' }] }))
      .expect(201);
    const read = await t.http.get(`/api/v1/cases/${created.body.id}`).set(auth(officer)).expect(200);
    expect(created.body).toEqual(read.body);
    expect(created.body.respondents.map((p: { name: string }) => p.name)).toEqual(['滨海被请求贸易有限公司', '李某']);
  });

  it('names every bad identifier and writes nothing', async () => {
    const before = await counts();
    const res = await t.http
      .post('/api/v1/cases')
      .set(auth(officer))
      .send(
        intakeBody({
          respondents: [
            { kind: 'organization', name: 'x', uscc: '91120116MA05XXXX0X' },
            { kind: 'individual', name: 'y', idNumber: wrongCheck(residentId(9)) },
          ],
          patents: [{ number: 'ZL202310000017.1' }],
          receivedOn: '2099-01-01',
        }),
      )
      .expect(400);
    expect(res.body.code).toBe('VALIDATION_FAILED');
    expect(res.body.details.map((d: { field: string }) => d.field).sort()).toEqual([
      'patents.0.number',
      'receivedOn',
      'respondents.0.uscc',
      'respondents.1.idNumber',
    ]);
    const unknown = await t.http
      .post('/api/v1/cases')
      .set(auth(officer))
      .send(intakeBody({ secret: 1 }))
      .expect(400);
    expect(unknown.body.details).toEqual([{ field: 'secret', message: 'is not an allowed field', constraint: expect.any(String) }]);
    const badType = await t.http
      .post('/api/v1/cases')
      .set(auth(officer))
      .send(intakeBody({ type: 'theft' }))
      .expect(400);
    expect(badType.body.details[0].field).toBe('type');
    expect(await counts()).toEqual(before);
  });

  it('refuses intake for a unit outside the caller’s scope, and hides other units’ cases (404)', async () => {
    await t.http
      .post('/api/v1/cases')
      .set(auth(officer))
      .send(intakeBody({ orgUnitCode: '120101' }))
      .expect(400);
    const own = await t.http
      .post('/api/v1/cases')
      .set(auth(officer))
      .send(intakeBody({ receivedOn: '2026-11-20' }))
      .expect(201);
    const heping = await t.token('off.heping1');
    await t.http.get(`/api/v1/cases/${own.body.id}`).set(auth(heping)).expect(404);
    const list = await t.http.get('/api/v1/cases').set(auth(heping)).expect(200);
    expect(list.body.items).toEqual([]);
    const city = await t.token('sup.city');
    await t.http.get(`/api/v1/cases/${own.body.id}`).set(auth(city)).expect(200);
    const operator = await t.token('op.12330');
    await t.http.get(`/api/v1/cases/${own.body.id}`).set(auth(operator)).expect(403);
  });

  it('applies the passing-off report rule (10 working days) and the fast track (halved)', async () => {
    const report = await t.http
      .post('/api/v1/cases')
      .set(auth(officer))
      .send(intakeBody({ type: 'passing_off', source: 'report', receivedOn: '2026-03-02', requesters: [], patents: [] }))
      .expect(201);
    expect(report.body.deadlines.filingDecisionDue).toBe('2026-03-16');
    const fast = await t.http
      .post('/api/v1/cases')
      .set(auth(officer))
      .send(intakeBody({ receivedOn: '2026-03-02', fastTrack: true }))
      .expect(201);
    expect(fast.body.deadlines.filingDecisionDue).toBe('2026-03-05');
  });

  it('lists with filters, free text over numbers, names, USCC and patent numbers, and cursor pages', async () => {
    const byName = await t.http
      .get(`/api/v1/cases?q=${encodeURIComponent('被请求贸易')}`)
      .set(auth(officer))
      .expect(200);
    expect(byName.body.items.length).toBeGreaterThan(0);
    const byPatent = await t.http
      .get(`/api/v1/cases?q=${patentNumber(17).slice(2, 12)}`)
      .set(auth(officer))
      .expect(200);
    // every case but the passing-off one names the patent
    expect(byPatent.body.items.length).toBe(byName.body.items.length - 1);
    expect(
      byPatent.body.items.every((c: { patents: { normalized: string }[] }) => c.patents[0].normalized === patentNumber(17).slice(2)),
    ).toBe(true);
    const byUscc = await t.http
      .get(`/api/v1/cases?q=${uscc(2)}`)
      .set(auth(officer))
      .expect(200);
    expect(byUscc.body.items.length).toBe(byName.body.items.length);
    const passing = await t.http.get('/api/v1/cases?type=passing_off').set(auth(officer)).expect(200);
    expect(passing.body.items.map((c: { type: string }) => c.type)).toEqual(['passing_off']);
    const overdue = await t.http.get('/api/v1/cases?overdue=true').set(auth(officer)).expect(200);
    expect(overdue.body.items.every((c: { overdue: boolean }) => c.overdue)).toBe(true);
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const url: string = `/api/v1/cases?limit=2${cursor ? `&cursor=${cursor}` : ''}`;
      const page = (await t.http.get(url).set(auth(officer)).expect(200)).body as { items: { id: string }[]; nextCursor: string | null };
      seen.push(...page.items.map((c) => c.id));
      cursor = page.nextCursor;
    } while (cursor);
    expect(new Set(seen).size).toBe(seen.length);
    expect(seen.length).toBe((await counts()).cases);

    // a search read by its matching ids pages newest first like the list, each match once
    const matches: { id: string; createdAt: string }[] = [];
    cursor = null;
    do {
      const url: string = `/api/v1/cases?q=${encodeURIComponent('被请求贸易')}&limit=2${cursor ? `&cursor=${cursor}` : ''}`;
      const page = (await t.http.get(url).set(auth(officer)).expect(200)).body as {
        items: { id: string; createdAt: string }[];
        nextCursor: string | null;
      };
      expect(page.items.length).toBeLessThanOrEqual(2);
      matches.push(...page.items);
      cursor = page.nextCursor;
    } while (cursor);
    expect(matches.map((c) => c.id).sort()).toEqual(byName.body.items.map((c: { id: string }) => c.id).sort());
    const order = matches.map((c) => `${c.createdAt}|${c.id}`);
    expect(order).toEqual([...order].sort().reverse());
  });

  it('replays an intake sent twice with one Idempotency-Key', async () => {
    const before = await counts();
    const a = await t.http
      .post('/api/v1/cases')
      .set(auth(officer))
      .set('Idempotency-Key', 'intake-0000-0001')
      .send(intakeBody())
      .expect(201);
    const b = await t.http
      .post('/api/v1/cases')
      .set(auth(officer))
      .set('Idempotency-Key', 'intake-0000-0001')
      .send(intakeBody())
      .expect(201);
    expect(b.body.id).toBe(a.body.id);
    expect((await counts()).cases).toBe(before.cases + 1);
  });
});
