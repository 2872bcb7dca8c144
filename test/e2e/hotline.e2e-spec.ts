import { Clock } from '@app/kernel';
import { EarlyWarningService, HotlineSlaSweep } from '@app/hotline';
import { auth, createTestApp, TestApp } from '../utils/test-app';
import { patentNumber, residentId, uscc } from '../utils/identifiers';
import { sql } from '../utils/test-db';
import { act as actOn, Versioned } from '../factories/actions';

interface Ticket {
  id: string;
  ticketNo: string;
  status: string;
  version: number;
  caseId: string | null;
  case: { id: string; status: string; receiptNo: string } | null;
  possibleDuplicates: { id: string; ticketNo: string; reason: string; reasons: string[] }[];
  allowedActions: string[];
  [k: string]: unknown;
}

describe('12330 hotline tickets over HTTP', () => {
  let t: TestApp;
  let op: string;
  let supCity: string;
  let supBinhai: string;
  let offBinhai: string;
  let offHeping: string;
  beforeAll(async () => {
    t = await createTestApp({
      withWorker: false,
      env: { HOTLINE_EARLY_WARNING: '{"windowDays":30,"respondent":3,"patent":50,"industry":50}' },
    });
    [op, supCity, supBinhai, offBinhai, offHeping] = await Promise.all(
      ['op.12330', 'sup.city', 'sup.binhai', 'off.binhai1', 'off.heping1'].map((u) => t.token(u)),
    );
  });
  afterAll(() => t.close());
  afterEach(() => jest.restoreAllMocks());

  let serial = 0;
  const create = async (extra: Record<string, unknown> = {}, token = op): Promise<Ticket> => {
    serial++;
    const res = await t.http
      .post('/api/v1/hotline/tickets')
      .set(auth(token))
      .send({
        channel: 'phone',
        category: 'complaint',
        caller: { name: '张三', phone: `1391234${String(1000 + serial).slice(-4)}` },
        subject: '展会上销售侵权产品',
        description: '来电反映某公司在展会上销售涉嫌侵犯其实用新型专利的产品。',
        ...extra,
      });
    if (res.status !== 201) throw new Error(`create: ${res.status} ${JSON.stringify(res.body)}`);
    return res.body as Ticket;
  };
  const act = (tk: Versioned, action: string, body: Record<string, unknown> = {}, token = op) =>
    actOn(t, 'hotline/tickets', tk, action, body, token);
  const count = async (table: string): Promise<number> => {
    const db = await sql(t.db.url);
    const r = await db.query<{ n: string }>(`SELECT count(*) AS n FROM ${table}`);
    await db.end();
    return Number(r.rows[0].n);
  };

  it('takes a call through triage, assignment, work, answer, closing and callback; versioned, audited, masked', async () => {
    let tk = await create({ caller: { name: '李四', phone: '138 1234 5678', idNumber: residentId(7) } });
    expect(tk).toMatchObject({
      ticketNo: expect.stringMatching(/^12330-\d{4}-\d{6}$/),
      status: 'new',
      caller: { name: '李四', phoneMasked: '138****5678', idNumberMasked: expect.stringMatching(/^\d{6}\*+\w{4}$/) },
      due: { firstResponse: expect.any(String), resolution: expect.any(String) },
      version: 1,
    });
    expect(JSON.stringify(tk)).not.toContain('13812345678');
    expect(JSON.stringify(tk)).not.toContain(residentId(7));

    // illegal step: 422 with the allowed actions; stale version: 409
    const illegal = await act(tk, 'close').expect(422);
    expect(illegal.body).toMatchObject({ code: 'ILLEGAL_TRANSITION', details: { allowedActions: ['triage', 'convert', 'forward'] } });
    tk = (await act(tk, 'triage', { note: '投诉，转滨海' }).expect(200)).body;
    await act({ ...tk, version: 1 }, 'assign', { orgUnitCode: '120116' }).expect(409);
    // an officer of another district does not see it, even once assigned
    tk = (await act(tk, 'assign', { orgUnitCode: '120116' }).expect(200)).body;
    await t.http.get(`/api/v1/hotline/tickets/${tk.id}`).set(auth(offHeping)).expect(404);
    await act(tk, 'start', {}, offHeping).expect(404);
    // an officer may not close (the centre closes): 403 whatever the state
    expect((await act(tk, 'close', {}, offBinhai).expect(403)).body.code).toBe('FORBIDDEN');
    tk = (await act(tk, 'start', {}, offBinhai).expect(200)).body;
    tk = (await act(tk, 'respond', { response: '已约谈被投诉人，责令撤展' }, offBinhai).expect(200)).body;
    expect(tk.firstRespondedAt).toEqual(expect.any(String));
    tk = (await act(tk, 'close', { note: '来电人认可' }).expect(200)).body;
    expect(tk).toMatchObject({ status: 'closed', due: { callback: expect.any(String) }, allowedActions: ['reopen', 'callback'] });
    const badScore = await act(tk, 'callback', { satisfaction: 6 }).expect(400);
    expect(badScore.body.details).toEqual([expect.objectContaining({ field: 'satisfaction' })]);
    tk = (await act(tk, 'callback', { satisfaction: 5, note: '满意' }).expect(200)).body;
    expect(tk).toMatchObject({ status: 'closed', satisfaction: 5, version: 7, allowedActions: ['reopen'] });

    const audit = await t.http.get(`/api/v1/audit?entityType=ticket&entityId=${tk.id}`).set(auth(supCity)).expect(200);
    expect(audit.body.items.map((e: { action: string }) => e.action).reverse()).toEqual([
      'ticket.created',
      'ticket.triage',
      'ticket.assign',
      'ticket.start',
      'ticket.respond',
      'ticket.close',
      'ticket.callback',
    ]);
    expect(JSON.stringify(audit.body)).not.toContain('13812345678');
    const events = await t.http.get(`/api/v1/hotline/tickets/${tk.id}/events`).set(auth(offBinhai)).expect(200);
    expect(events.body.map((e: { action: string }) => e.action)).toEqual([
      'create',
      'triage',
      'assign',
      'start',
      'respond',
      'close',
      'callback',
    ]);
    // phone and ID number are encrypted at rest
    const db = await sql(t.db.url);
    const row = await db.query('SELECT caller_phone_enc, caller_id_number_enc FROM hotline_tickets WHERE id = $1', [tk.id]);
    await db.end();
    expect(row.rows[0].caller_phone_enc).toMatch(/^v1\./);
    expect(JSON.stringify(row.rows[0])).not.toContain('13812345678');
  });

  it('numbers concurrent tickets without gaps or repeats, and replays an Idempotency-Key', async () => {
    const made = await Promise.all(Array.from({ length: 8 }, () => create()));
    const seqs = made.map((m) => Number(m.ticketNo.slice(-6))).sort((a, b) => a - b);
    expect(seqs).toEqual(Array.from({ length: 8 }, (_, i) => seqs[0] + i));
    const body = { channel: 'web', category: 'consultation', caller: { name: '幂等' }, subject: 's', description: 'd' };
    const a = await t.http.post('/api/v1/hotline/tickets').set(auth(op)).set('idempotency-key', 'hotline-key-0001').send(body).expect(201);
    const b = await t.http.post('/api/v1/hotline/tickets').set(auth(op)).set('idempotency-key', 'hotline-key-0001').send(body).expect(201);
    expect(b.body.id).toBe(a.body.id);
  });

  it('refuses bad input with 400 naming the field and stores nothing', async () => {
    const before = await count('hotline_tickets');
    const send = (body: Record<string, unknown>) =>
      t.http
        .post('/api/v1/hotline/tickets')
        .set(auth(op))
        .send({ channel: 'web', category: 'consultation', caller: { name: '王五' }, subject: 's', description: 'd', ...body });
    const anon = await send({ category: 'complaint', caller: { anonymous: true } }).expect(400);
    expect(anon.body.details).toEqual([expect.objectContaining({ field: 'caller.anonymous' })]);
    const phone = await send({ caller: { name: '王五', phone: '12345' } }).expect(400);
    expect(phone.body.details).toEqual([expect.objectContaining({ field: 'caller.phone' })]);
    const goodId = residentId(8);
    const badId = goodId.slice(0, 17) + (goodId[17] === '0' ? '1' : '0');
    const id = await send({ caller: { name: '王五', idNumber: badId } }).expect(400);
    expect(id.body.details).toEqual([expect.objectContaining({ field: 'caller.idNumber' })]);
    const patent = await send({ patentNumbers: [patentNumber(1), 'ZL201510958772.1'] }).expect(400);
    expect(patent.body.details).toEqual([expect.objectContaining({ field: 'patentNumbers.1' })]);
    const unknown = await send({ priority: 'high' }).expect(400);
    expect(unknown.body.details).toEqual([expect.objectContaining({ field: 'priority' })]);
    const noName = await send({ caller: {} }).expect(400);
    expect(noName.body.details).toEqual([expect.objectContaining({ field: 'caller.name' })]);
    expect(await count('hotline_tickets')).toBe(before);
    // an anonymous report is fine
    const report = await create({ category: 'report', channel: 'letter', caller: { anonymous: true } });
    expect(report.caller).toMatchObject({ anonymous: true, name: null, phoneMasked: null });
  });

  it('warns of likely duplicates: same respondent after normalisation, same patent, same caller phone, within 30 days', async () => {
    const first = await create({
      respondentName: '天津市某某精密机械有限公司',
      patentNumbers: [patentNumber(41, 2)],
      caller: { name: '赵六', phone: '13700001111' },
    });
    expect(first.possibleDuplicates).toEqual([]);
    const byName = await create({
      respondentName: '天津市某某精密机械（滨海）股份有限公司 ',
      caller: { name: '钱七', phone: '13700002222' },
    });
    expect(byName.possibleDuplicates).toEqual([{ id: first.id, ticketNo: first.ticketNo, reason: 'respondent', reasons: ['respondent'] }]);
    const byPatent = await create({
      patentNumbers: [`CN ${patentNumber(41, 2).slice(2).replace('.', '')}`],
      caller: { name: '孙八', phone: '13700003333' },
    });
    expect(byPatent.possibleDuplicates).toEqual([{ id: first.id, ticketNo: first.ticketNo, reason: 'patent', reasons: ['patent'] }]);
    const byPhone = await create({ caller: { name: '赵六', phone: '+86 137-0000-1111' } });
    expect(byPhone.possibleDuplicates).toEqual([
      { id: first.id, ticketNo: first.ticketNo, reason: 'caller_phone', reasons: ['caller_phone'] },
    ]);
    // every reason a ticket matched, not only the first
    const byAll = await create({
      respondentName: '天津市某某精密机械有限公司',
      patentNumbers: [patentNumber(41, 2)],
      caller: { name: '赵六', phone: '13700001111' },
    });
    expect(byAll.possibleDuplicates.find((d) => d.id === first.id)).toEqual({
      id: first.id,
      ticketNo: first.ticketNo,
      reason: 'respondent',
      reasons: ['respondent', 'patent', 'caller_phone'],
    });
    // 31 days later the first ticket is out of the window
    const clock = t.app.get(Clock);
    jest.spyOn(clock, 'now').mockReturnValue(new Date(Date.now() + 31 * 86_400_000));
    const later = await create({ respondentName: '天津市某某精密机械有限公司', caller: { name: '周九', phone: '13700004444' } });
    expect(later.possibleDuplicates.map((d) => d.id)).not.toContain(first.id);
    expect(later.possibleDuplicates.map((d) => d.id)).not.toContain(byName.id);
  });

  it('converts a ticket into a case the district officer sees; a second ticket links to the same case; no second conversion', async () => {
    const tk = await create({ category: 'report', respondentName: '天津某某电子有限公司', patentNumbers: [patentNumber(52)] });
    const converted = (await act(tk, 'convert', { type: 'passing_off', orgUnitCode: '120116' }).expect(200)).body as Ticket;
    expect(converted).toMatchObject({
      status: 'converted',
      caseId: expect.any(String),
      case: { status: 'received' },
      orgUnitCode: '120116',
    });
    const c = await t.http.get(`/api/v1/cases/${converted.caseId}`).set(auth(offBinhai)).expect(200);
    expect(c.body).toMatchObject({
      source: 'hotline',
      orgUnitCode: '120116',
      reportReceived: true,
      respondents: [expect.objectContaining({ name: '天津某某电子有限公司' })],
      patents: [expect.objectContaining({ normalized: patentNumber(52).slice(2) })],
    });
    // the operator sees the case's status on the ticket, not the case itself
    await t.http.get(`/api/v1/cases/${converted.caseId}`).set(auth(op)).expect(403);
    await t.http.get(`/api/v1/cases/${converted.caseId}`).set(auth(offHeping)).expect(404);
    const twice = await act(converted, 'convert', { type: 'passing_off', orgUnitCode: '120116' }).expect(422);
    expect(twice.body).toMatchObject({ code: 'ILLEGAL_TRANSITION', details: { allowedActions: [] } });

    const other = await create({ category: 'report', respondentName: '天津某某电子有限公司' });
    expect(other.possibleDuplicates.map((d) => d.id)).toContain(tk.id);
    const mixed = await act(other, 'convert', { caseId: converted.caseId, type: 'passing_off' }).expect(400);
    expect(mixed.body.details).toEqual([expect.objectContaining({ field: 'type' })]);
    const linked = (await act(other, 'convert', { caseId: converted.caseId }).expect(200)).body as Ticket;
    expect(linked).toMatchObject({ status: 'converted', caseId: converted.caseId });
    const both = await t.http.get(`/api/v1/hotline/tickets?caseId=${converted.caseId}`).set(auth(supBinhai)).expect(200);
    expect(both.body.items.map((x: Ticket) => x.id).sort()).toEqual([tk.id, other.id].sort());
    const db = await sql(t.db.url);
    const cases = await db.query(`SELECT count(*)::int AS n FROM cases WHERE source = 'hotline'`);
    await db.end();
    expect(cases.rows[0].n).toBe(1);

    // a bad case field is named and nothing is written (neither the case nor the ticket change)
    const third = await create({ category: 'complaint' });
    const casesBefore = await count('cases');
    const bad = await act(third, 'convert', { type: 'infringement_dispute', orgUnitCode: '130000' }).expect(400);
    expect(bad.body.details).toEqual([expect.objectContaining({ field: 'orgUnitCode' })]);
    expect(await count('cases')).toBe(casesBefore);
    expect((await t.http.get(`/api/v1/hotline/tickets/${third.id}`).set(auth(op)).expect(200)).body).toMatchObject({
      status: 'new',
      version: 1,
    });
  });

  it('reopens within 15 days of closing, not after', async () => {
    const close = async () => {
      let tk = await create({ category: 'consultation', channel: 'web', caller: { name: '吴十' } });
      tk = (await act(tk, 'triage').expect(200)).body;
      tk = (await act(tk, 'start').expect(200)).body;
      tk = (await act(tk, 'respond', { response: '已解答' }).expect(200)).body;
      return (await act(tk, 'close').expect(200)).body as Ticket;
    };
    const clock = t.app.get(Clock);
    const a = await close();
    jest.spyOn(clock, 'now').mockReturnValue(new Date(Date.now() + 15 * 86_400_000));
    const reopened = (await act(a, 'reopen', { reason: '来电人不满意' }).expect(200)).body as Ticket;
    expect(reopened).toMatchObject({ status: 'reopened', reopenCount: 1, closedAt: null });
    jest.restoreAllMocks();
    const b = await close();
    jest.spyOn(clock, 'now').mockReturnValue(new Date(Date.now() + 17 * 86_400_000));
    const late = await act(b, 'reopen', { reason: '来电人不满意' }).expect(422);
    expect(late.body).toMatchObject({ code: 'REOPEN_WINDOW', details: { rule: 'REOPEN_WINDOW' } });
  });

  it('unmasks the caller for operators and supervisors only, and audits every unmasking', async () => {
    const tk = await create({ caller: { name: '郑一', phone: '13911112222', idNumber: residentId(9) } });
    const res = await t.http.get(`/api/v1/hotline/tickets/${tk.id}/caller`).set(auth(op)).expect(200);
    expect(res.body).toEqual({ name: '郑一', phone: '13911112222', idNumber: residentId(9), organization: null, anonymous: false });
    await t.http.get(`/api/v1/hotline/tickets/${tk.id}/caller`).set(auth(offBinhai)).expect(403);
    // a district supervisor sees only tickets assigned to the district
    await t.http.get(`/api/v1/hotline/tickets/${tk.id}/caller`).set(auth(supBinhai)).expect(404);
    await t.http.get(`/api/v1/hotline/tickets/${tk.id}/caller`).set(auth(supCity)).expect(200);
    const audit = await t.http
      .get(`/api/v1/audit?entityType=ticket&entityId=${tk.id}&action=ticket.caller_viewed`)
      .set(auth(supCity))
      .expect(200);
    expect(audit.body.items).toHaveLength(2);
    expect(JSON.stringify(audit.body)).not.toContain('13911112222');
    expect(JSON.stringify(audit.body)).not.toContain(residentId(9));
  });

  it('lists, filters and exports masked; the export is audited', async () => {
    const tk = await create({ caller: { name: '冯二', phone: '13622223333' }, subject: '导出测试工单' });
    const list = await t.http.get('/api/v1/hotline/tickets?q=导出测试&limit=5').set(auth(op)).expect(200);
    expect(list.body.items.map((x: Ticket) => x.id)).toEqual([tk.id]);
    const byNo = await t.http.get(`/api/v1/hotline/tickets?q=${tk.ticketNo}`).set(auth(op)).expect(200);
    expect(byNo.body.items.map((x: Ticket) => x.id)).toEqual([tk.id]);
    const officerList = await t.http.get('/api/v1/hotline/tickets').set(auth(offHeping)).expect(200);
    expect(officerList.body.items).toEqual([]);
    const csv = await t.http.get('/api/v1/hotline/tickets/export?format=csv&q=导出测试').set(auth(op)).buffer(true).expect(200);
    const text = csv.text;
    expect(text).toContain('工单号');
    expect(text).toContain('136****3333');
    expect(text).not.toContain('13622223333');
    const audit = await t.http.get('/api/v1/audit?entityType=ticket&action=ticket.exported').set(auth(supCity)).expect(200);
    expect(audit.body.items.length).toBeGreaterThanOrEqual(1);
  });

  it('raises exactly one early-warning alert when a respondent crosses the threshold, and clears it when it falls back', async () => {
    const warnings = t.app.get(EarlyWarningService);
    const name = '天津预警测试科技有限公司';
    await warnings.run(); // whatever other tests' tickets have crossed already
    await create({ respondentName: name });
    await create({ respondentName: `${name}（分公司）` });
    expect((await warnings.run()).raised).toBe(0);
    const third = await create({ respondentName: '天津预警测试科技股份有限公司' });
    const first = await warnings.run();
    const second = await warnings.run();
    expect(first.raised).toBe(1);
    expect(second.raised).toBe(0);
    const db = await sql(t.db.url);
    const rows = await db.query(`SELECT count(*)::int AS n FROM hotline_alerts WHERE key = '天津预警测试科技'`);
    expect(rows.rows[0].n).toBe(1);
    const alerts = await t.http.get('/api/v1/hotline/alerts?open=true').set(auth(supCity)).expect(200);
    const mine = alerts.body.items.filter((a: { key: string }) => a.key === '天津预警测试科技');
    expect(mine).toHaveLength(1);
    expect(mine[0]).toMatchObject({ kind: 'respondent', ticketCount: 3, threshold: 3, acknowledgedAt: null });
    expect(mine[0].tickets).toHaveLength(3);
    expect(mine[0].tickets.map((x: { id: string }) => x.id)).toContain(third.id);
    const ev = await db.query(
      `SELECT count(*)::int AS n FROM notification_events WHERE kind = 'hotline.early_warning' AND entity_id = $1`,
      [mine[0].id],
    );
    expect(ev.rows[0].n).toBe(1);
    // acknowledged by a supervisor (versioned); operators may not
    await t.http.post(`/api/v1/hotline/alerts/${mine[0].id}/acknowledge`).set(auth(op)).send({ expectedVersion: 1 }).expect(403);
    const ack = await t.http
      .post(`/api/v1/hotline/alerts/${mine[0].id}/acknowledge`)
      .set(auth(supCity))
      .send({ expectedVersion: mine[0].version })
      .expect(200);
    expect(ack.body).toMatchObject({ acknowledgedAt: expect.any(String), version: mine[0].version + 1 });
    // the window slides past the tickets: the alert is cleared, and a new crossing would raise a new one
    const clock = t.app.get(Clock);
    jest.spyOn(clock, 'now').mockReturnValue(new Date(Date.now() + 31 * 86_400_000));
    expect((await warnings.run()).cleared).toBeGreaterThanOrEqual(1);
    const open = await db.query(`SELECT count(*)::int AS n FROM hotline_alerts WHERE key = '天津预警测试科技' AND cleared_at IS NULL`);
    await db.end();
    expect(open.rows[0].n).toBe(0);
  });

  it('sends SLA reminders and escalations once', async () => {
    const tk = await create({ category: 'consultation', channel: 'web', caller: { name: '陈三' } });
    const sweep = t.app.get(HotlineSlaSweep);
    const clock = t.app.get(Clock);
    jest.spyOn(clock, 'now').mockReturnValue(new Date(Date.now() + 20 * 86_400_000));
    const first = await sweep.run();
    const second = await sweep.run();
    expect(first.escalations).toBeGreaterThanOrEqual(2);
    expect(second).toEqual({ reminders: 0, escalations: 0 });
    const db = await sql(t.db.url);
    const rows = await db.query('SELECT sla, kind FROM hotline_sla_alerts WHERE ticket_id = $1 ORDER BY sla', [tk.id]);
    await db.end();
    expect(rows.rows).toEqual([
      { sla: 'first_response', kind: 'overdue' },
      { sla: 'resolution', kind: 'overdue' },
    ]);
    const overdue = await t.http.get('/api/v1/hotline/tickets?overdue=true&limit=200').set(auth(op)).expect(200);
    expect(overdue.body.items.map((x: Ticket) => x.id)).toContain(tk.id);
  });

  it('names in duplicate hints only the tickets the reader may open (list, get and export alike)', async () => {
    const name = '天津提示范围测试材料有限公司';
    const heping = await create({ respondentName: name, orgUnitCode: '120101', caller: { name: '韩一', phone: '13755550001' } });
    const binhai = await create({ respondentName: name, orgUnitCode: '120116', caller: { name: '韩二', phone: '13755550002' } });
    // the centre sees both, and the hint
    expect(binhai.possibleDuplicates).toEqual([
      { id: heping.id, ticketNo: heping.ticketNo, reason: 'respondent', reasons: ['respondent'] },
    ]);
    const city = await t.http.get(`/api/v1/hotline/tickets/${binhai.id}`).set(auth(supCity)).expect(200);
    expect(city.body.possibleDuplicates.map((d: { id: string }) => d.id)).toEqual([heping.id]);
    // 滨海新区 does not learn of 和平区's ticket through the hint
    const got = await t.http.get(`/api/v1/hotline/tickets/${binhai.id}`).set(auth(supBinhai)).expect(200);
    expect(got.body.possibleDuplicates).toEqual([]);
    const listed = await t.http.get(`/api/v1/hotline/tickets?q=${binhai.ticketNo}`).set(auth(offBinhai)).expect(200);
    expect(listed.body.items.map((x: Ticket) => [x.id, x.possibleDuplicates])).toEqual([[binhai.id, []]]);
    const csv = await t.http
      .get(`/api/v1/hotline/tickets/export?format=csv&q=${binhai.ticketNo}`)
      .set(auth(supBinhai))
      .buffer(true)
      .expect(200);
    expect(csv.text).toContain(binhai.ticketNo);
    expect(csv.text).not.toContain(heping.ticketNo);
  });

  it('lets only a supervisor whose scope covers every ticket behind an alert acknowledge it (404 for others)', async () => {
    const warnings = t.app.get(EarlyWarningService);
    await warnings.run();
    const raise = async (name: string, units: string[]) => {
      const made: Ticket[] = [];
      for (const orgUnitCode of units) made.push(await create({ respondentName: name, orgUnitCode }));
      await warnings.run();
      const alerts = await t.http.get('/api/v1/hotline/alerts?open=true&limit=200').set(auth(supCity)).expect(200);
      const alert = alerts.body.items.find((a: { tickets: { id: string }[] }) => a.tickets.some((x) => x.id === made[0].id));
      expect(alert).toBeDefined();
      return alert as { id: string; version: number };
    };
    const ack = (alert: { id: string; version: number }, token: string) =>
      t.http.post(`/api/v1/hotline/alerts/${alert.id}/acknowledge`).set(auth(token)).send({ expectedVersion: alert.version });

    // a city-wide alert: two of 滨海新区's tickets and one of 和平区's
    const wide = await raise('天津跨区预警测试仪器有限公司', ['120116', '120116', '120101']);
    const refused = await ack(wide, supBinhai).expect(404);
    expect(refused.body.code).toBe('NOT_FOUND');
    expect((await ack(wide, supCity).expect(200)).body).toMatchObject({ acknowledgedAt: expect.any(String) });
    // an alert about 滨海新区's tickets only: its supervisor may
    const local = await raise('天津本区预警测试仪器有限公司', ['120116', '120116', '120116']);
    expect((await ack(local, supBinhai).expect(200)).body).toMatchObject({ acknowledgedAt: expect.any(String) });
  });

  it('links a ticket only to a case the linking user’s authority covers', async () => {
    const source = await create({ category: 'report', respondentName: '天津关联范围测试有限公司' });
    const converted = (await act(source, 'convert', { type: 'passing_off', orgUnitCode: '120116' }).expect(200)).body as Ticket;
    const today = new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);
    const direct = await t.http
      .post('/api/v1/cases')
      .set(auth(offBinhai))
      .send({
        type: 'infringement_dispute',
        source: 'complaint',
        orgUnitCode: '120116',
        receivedOn: today,
        summary: '直接受理的案件',
        requesters: [{ kind: 'organization', name: '请求人', uscc: uscc(61), role: 'patentee' }],
        respondents: [{ kind: 'organization', name: '被请求人' }],
        patents: [{ number: patentNumber(61) }],
      })
      .expect(201);
    const refuse = async (tk: Ticket, caseId: string, token = op) => {
      const res = await act(tk, 'convert', { caseId }, token).expect(400);
      expect(res.body.details).toEqual([expect.objectContaining({ field: 'caseId' })]);
      const after = (await t.http.get(`/api/v1/hotline/tickets/${tk.id}`).set(auth(supCity)).expect(200)).body as Ticket;
      expect(after).toMatchObject({ status: tk.status, caseId: null, version: tk.version });
    };
    // the centre: not a case no ticket was converted into, nor a case of another unit than the ticket's
    await refuse(await create({ category: 'report' }), direct.body.id);
    await refuse(await create({ category: 'report', orgUnitCode: '120101' }), converted.caseId as string);
    // an officer: not a case outside their scope
    const heping = await create({ category: 'report', orgUnitCode: '120101' });
    await refuse(heping, converted.caseId as string, offHeping);
    // within that authority it links
    const sameUnit = await create({ category: 'report', orgUnitCode: '120116' });
    expect((await act(sameUnit, 'convert', { caseId: converted.caseId }).expect(200)).body).toMatchObject({
      status: 'converted',
      caseId: converted.caseId,
    });
    const byOfficer = await create({ category: 'report', orgUnitCode: '120116' });
    expect((await act(byOfficer, 'convert', { caseId: direct.body.id }, offBinhai).expect(200)).body).toMatchObject({
      caseId: direct.body.id,
      orgUnitCode: '120116',
    });
  });

  it("finds a caller's earlier tickets by phone (exact, any way it is dialled) and by name; names units and Shanghai times in the export", async () => {
    const a = await create({ caller: { name: '韩梅梅', phone: '13855556666' }, subject: '来电检索一' });
    const b = await create({ caller: { name: '韩梅梅', phone: '13855556666' }, subject: '来电检索二', orgUnitCode: '120116' });
    await create({ caller: { name: '李雷', phone: '13855557777' }, subject: '来电检索三' });
    const ids = (res: { body: { items: Ticket[] } }) => res.body.items.map((x) => x.id).sort();
    const byPhone = await t.http
      .get(`/api/v1/hotline/tickets?q=${encodeURIComponent('+86 138-5555-6666')}`)
      .set(auth(op))
      .expect(200);
    expect(ids(byPhone)).toEqual([a.id, b.id].sort());
    const byName = await t.http
      .get(`/api/v1/hotline/tickets?q=${encodeURIComponent('韩梅梅')}`)
      .set(auth(op))
      .expect(200);
    expect(ids(byName)).toEqual([a.id, b.id].sort());
    // a partial phone is not a search key: the blind index only matches the whole number
    const partial = await t.http.get('/api/v1/hotline/tickets?q=55556666').set(auth(op)).expect(200);
    expect(partial.body.items).toEqual([]);

    const csv = await t.http
      .get(`/api/v1/hotline/tickets/export?format=csv&q=${encodeURIComponent('来电检索')}`)
      .set(auth(op))
      .buffer(true)
      .expect(200);
    expect(csv.headers['content-disposition']).toMatch(/filename="tickets-\d{4}-\d{2}-\d{2}\.csv"/);
    const lines = csv.text.split(/\r?\n/);
    const row = lines.find((l) => l.includes(b.ticketNo))!;
    expect(row).toContain('滨海新区');
    expect(row).not.toContain('120116');
    const shanghai = new Date(new Date(b.createdAt as string).getTime() + 8 * 3_600_000).toISOString().slice(0, 16).replace('T', ' ');
    expect(row).toContain(shanghai);
    expect(row).not.toMatch(/\d{4}-\d{2}-\d{2}T\d{2}:/);
  });

  it('orders the worklist by the next SLA date (sort=sla) and pages it with its own cursor; the timeline names its actors', async () => {
    // a consultation is answered within 3 working days, a complaint within 13: the consultation comes first
    const tickets = [];
    for (const category of ['complaint', 'consultation', 'complaint'])
      tickets.push(await create({ category, subject: `时限排序${category}` }));
    await act(tickets[0], 'triage', { note: '分拣' }).expect(200);
    const q = `q=${encodeURIComponent('时限排序')}&sort=sla`;
    const first = await t.http.get(`/api/v1/hotline/tickets?${q}&limit=2`).set(auth(op)).expect(200);
    const second = await t.http.get(`/api/v1/hotline/tickets?${q}&limit=2&cursor=${first.body.nextCursor}`).set(auth(op)).expect(200);
    const order = [...first.body.items, ...second.body.items] as Ticket[];
    expect(order).toHaveLength(3);
    expect(order[0].id).toBe(tickets[1].id);
    const dues = order.map((x) => (x.due as { firstResponse: string }).firstResponse);
    expect([...dues].sort()).toEqual(dues);
    // a newest-first cursor does not page the SLA order
    const newest = await t.http
      .get(`/api/v1/hotline/tickets?q=${encodeURIComponent('时限排序')}&limit=1`)
      .set(auth(op))
      .expect(200);
    const mixed = await t.http.get(`/api/v1/hotline/tickets?${q}&cursor=${newest.body.nextCursor}`).set(auth(op)).expect(400);
    expect(mixed.body.details[0].field).toBe('cursor');

    const events = await t.http.get(`/api/v1/hotline/tickets/${tickets[0].id}/events`).set(auth(op)).expect(200);
    expect(events.body.map((e: { action: string }) => e.action)).toEqual(['create', 'triage']);
    expect(events.body.every((e: { actor: { displayName: string } | null }) => e.actor && e.actor.displayName.length > 0)).toBe(true);
  });
});
