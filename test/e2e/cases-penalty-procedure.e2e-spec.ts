import { CaseDeadlineSweep } from '@app/cases';
import PizZip from 'pizzip';
import type { Test } from 'supertest';
import { Clock } from '@app/kernel';
import { act as actOn, Versioned } from '../factories/actions';
import { caseIntake, orgRespondent } from '../factories/cases';
import { uscc } from '../utils/identifiers';
import { auth, createTestApp, TestApp } from '../utils/test-app';

interface CaseBody extends Versioned {
  status: string;
  allowedActions: string[];
  decision: Record<string, unknown> | null;
  procedure: Record<string, unknown> & { amountOwedTodayFen: number | null };
  [k: string]: unknown;
}

const binary = (req: Test) =>
  req.buffer(true).parse((r, cb) => {
    const chunks: Buffer[] = [];
    r.on('data', (c: Buffer) => chunks.push(c));
    r.on('end', () => cb(null, Buffer.concat(chunks)));
  });

/** Shanghai 10:00 on a date: the api's "today" is that date. */
const at = (date: string) => new Date(`${date}T10:00:00+08:00`);

// 行政处罚法 2021: advance notice, hearing, legal review, service and payment; the dispute's service and answer.
describe('penalty procedure and dispute procedure through HTTP', () => {
  let t: TestApp;
  let officer: string;
  let supervisor: string;
  let officerIds: string[];
  let now: jest.SpyInstance<Date, []>;
  beforeAll(async () => {
    t = await createTestApp({ withWorker: false });
    officer = await t.token('off.binhai1');
    supervisor = await t.token('sup.binhai');
    const users = await t.http.get('/api/v1/users?orgUnitCode=120116&role=officer').set(auth(supervisor)).expect(200);
    officerIds = users.body.items.map((u: { id: string }) => u.id);
  });
  beforeEach(() => {
    now = jest.spyOn(t.app.get(Clock), 'now').mockReturnValue(at('2026-12-02'));
  });
  afterEach(() => now.mockRestore());
  afterAll(() => t.close());

  const act = (c: Versioned, action: string, body: Record<string, unknown> = {}, token = officer) =>
    actOn(t, 'cases', c, action, body, token);
  const ok = async (c: Versioned, action: string, body: Record<string, unknown> = {}, token = officer) =>
    (await act(c, action, body, token).expect(200)).body as CaseBody;

  const passingOff = async (serial: number): Promise<CaseBody> => {
    let c = (
      await t.http
        .post('/api/v1/cases')
        .set(auth(officer))
        .send({
          type: 'passing_off',
          source: 'inspection',
          orgUnitCode: '120116',
          receivedOn: '2026-11-02',
          summary: '假冒专利检查',
          requesters: [],
          respondents: [orgRespondent(serial)],
          patents: [],
        })
        .expect(201)
    ).body as CaseBody;
    c = await ok(c, 'file', { filedOn: '2026-11-03' });
    return ok(c, 'assign', { officerIds: officerIds.slice(0, 2) });
  };
  const penalty = (fineFen: number) => ({
    kind: 'penalty',
    summary: `罚款${fineFen / 100}元`,
    facts: '当事人在其销售的产品包装上标注已失效的专利号',
    legalBasis: '《专利法》第六十八条',
    fineFen,
    illegalGainsFen: 0,
    actDate: '2026-09-01',
  });
  /** Generates a document of the case and answers the DOCX's words, with the case as it is afterwards. */
  const documentText = async (c: CaseBody, kind: string): Promise<{ words: string; c: CaseBody }> => {
    const doc = await t.http.post(`/api/v1/cases/${c.id}/documents`).set(auth(officer)).send({ kind }).expect(201);
    const docx = await binary(t.http.get(`/api/v1/cases/${c.id}/documents/${doc.body.id}/content?format=docx`).set(auth(officer))).expect(
      200,
    );
    const words = new PizZip(docx.body as Buffer)
      .file('word/document.xml')!
      .asText()
      .replace(/<[^>]+>/g, '');
    const fresh = (await t.http.get(`/api/v1/cases/${c.id}`).set(auth(officer)).expect(200)).body as CaseBody;
    return { words, c: fresh };
  };

  const intended = (fineFen: number) => ({ summary: `拟罚款${fineFen / 100}元`, legalBasis: '《专利法》第六十八条', fineFen });

  it('takes a passing-off case from intake through notice, a hearing, legal review, approval, service, a late payment and closing', async () => {
    let c = await passingOff(61);
    // ¥200,000 against a company: at the ¥100,000 threshold the party may ask for a hearing (Art. 63)
    c = await ok(c, 'notify_penalty', { servedOn: '2026-11-16', method: 'direct', intendedPenalty: intended(20_000_000) });
    expect(c.procedure.notice).toMatchObject({ servedOn: '2026-11-16', hearingRight: true, periodEndsOn: '2026-11-23' });
    expect(c.allowedActions).toEqual(expect.arrayContaining(['record_statement', 'request_penalty_hearing', 'propose_decision']));
    expect(c.allowedActions).not.toContain('schedule_penalty_hearing');
    // the 行政处罚事先告知书 states the intended penalty recorded with the notice
    let generated = await documentText(c, 'penalty_advance_notice');
    expect(generated.words).toContain('¥200,000.00');
    expect(generated.words).toContain('《专利法》第六十八条');
    c = generated.c;

    // 5 working days after 11-16 is 11-23 (the weekend does not count): a request on 11-24 is late
    const late = await act(c, 'request_penalty_hearing', { receivedOn: '2026-11-24' }).expect(422);
    expect(late.body).toMatchObject({
      code: 'HEARING_REQUEST_LATE',
      details: { rule: 'HEARING_REQUEST_LATE', periodEndsOn: '2026-11-23' },
    });
    c = await ok(c, 'request_penalty_hearing', { receivedOn: '2026-11-20' });

    // the hearing is notified 7 working days ahead: from 12-02 that is 12-11 at the earliest
    const short = await act(c, 'schedule_penalty_hearing', { hearingOn: '2026-12-10' }).expect(422);
    expect(short.body).toMatchObject({ code: 'PENALTY_HEARING_NOTICE', details: { earliest: '2026-12-11' } });
    expect(short.body.message).toMatch(/7 working days ahead/);
    c = await ok(c, 'schedule_penalty_hearing', { hearingOn: '2026-12-11' });
    generated = await documentText(c, 'penalty_hearing_notice');
    expect(generated.words).toContain('二〇二六年十二月十一日');
    c = generated.c;
    expect(c.procedure.hearing).toMatchObject({
      requestedOn: '2026-11-20',
      scheduledOn: '2026-12-11',
      notifiedOn: '2026-12-02',
      heldOn: null,
    });

    c = await ok(c, 'propose_decision', { decision: penalty(20_000_000) });
    const pending = await act(c, 'approve_decision', {}, supervisor).expect(422);
    expect(pending.body.code).toBe('PENALTY_HEARING_PENDING');

    now.mockReturnValue(at('2026-12-11'));
    c = await ok(c, 'record_penalty_hearing', { heldOn: '2026-12-11', summary: '当事人到场陈述，承认标注行为' });
    // a heard case and a fine at the configured ¥100,000 are major decisions: legal review first (Art. 58)
    const unreviewed = await act(c, 'approve_decision', {}, supervisor).expect(422);
    expect(unreviewed.body.code).toBe('LEGAL_REVIEW_REQUIRED');
    // the supervisor's inbox shows it as a legal review to record, then as a decision to approve
    const inboxKind = async () =>
      ((await t.http.get('/api/v1/approvals').set(auth(supervisor)).expect(200)).body.items as { kind: string; entityId: string }[]).find(
        (i) => i.entityId === c.id,
      )?.kind;
    expect(await inboxKind()).toBe('legal_review');
    expect((await act(c, 'record_legal_review', { opinion: '同意', conclusion: 'approve' }).expect(403)).body.code).toBe('FORBIDDEN');
    c = await ok(c, 'record_legal_review', { opinion: '事实清楚，证据确凿，程序合法', conclusion: 'approve' }, supervisor);
    expect(await inboxKind()).toBe('decision');
    generated = await documentText(c, 'legal_review_opinion');
    expect(generated.words).toContain('事实清楚，证据确凿，程序合法');
    expect(generated.words).toContain('同意');
    c = generated.c;
    c = await ok(c, 'approve_decision', {}, supervisor);
    // served within 7 working days of 12-11 (Art. 61)
    expect(c).toMatchObject({ status: 'decided', procedure: { serviceDueOn: '2026-12-22', legalReviewRequired: true } });

    // not served by 12-22: the sweep escalates once
    const sweep = t.app.get(CaseDeadlineSweep);
    now.mockReturnValue(at('2026-12-23'));
    expect(await sweep.runServiceDeadlines()).toBeGreaterThanOrEqual(1);
    expect(await sweep.runServiceDeadlines()).toBe(0);

    const noConsent = await act(c, 'serve', { servedOn: '2026-12-14', method: 'electronic' }).expect(400);
    expect(noConsent.body.details).toEqual([expect.objectContaining({ field: 'consent' })]);
    c = await ok(c, 'serve', { servedOn: '2026-12-14', method: 'electronic', consent: true });
    // 15 days after service: 12-29
    expect(c.procedure).toMatchObject({
      payment: { dueOn: '2026-12-29', principalFen: 20_000_000, surchargeFen: 0 },
      amountOwedTodayFen: 20_000_000,
    });

    const noTracking = await t.http
      .post(`/api/v1/cases/${c.id}/service-records`)
      .set(auth(officer))
      .send({ document: 'hearing_notice', method: 'mail', servedOn: '2026-12-03' })
      .expect(400);
    expect(noTracking.body.details).toEqual([expect.objectContaining({ field: 'trackingNo' })]);
    await t.http
      .post(`/api/v1/cases/${c.id}/service-records`)
      .set(auth(officer))
      .send({ document: 'hearing_notice', method: 'mail', servedOn: '2026-12-03', trackingNo: 'EMS1001', receiptNote: '法定代表人签收' })
      .expect(201);
    const records = (await t.http.get(`/api/v1/cases/${c.id}/service-records`).set(auth(officer)).expect(200)).body as {
      document: string;
      method: string;
    }[];
    expect(records.map((r) => [r.document, r.method])).toEqual([
      ['penalty_notice', 'direct'],
      ['decision', 'electronic'],
      ['hearing_notice', 'mail'],
    ]);

    // paid two days late: 3 % of the fine a day (Art. 72)
    now.mockReturnValue(at('2026-12-31'));
    c = (await t.http.get(`/api/v1/cases/${c.id}`).set(auth(officer)).expect(200)).body as CaseBody;
    expect(c.procedure).toMatchObject({ payment: { surchargeFen: 1_200_000 }, amountOwedTodayFen: 21_200_000 });
    const pay = (amountFen: number, receiptNo: string) =>
      t.http.post(`/api/v1/cases/${c.id}/payments`).set(auth(officer)).send({ paidOn: '2026-12-31', amountFen, receiptNo });
    c = (await pay(20_000_000, 'JK-2026-001').expect(201)).body as CaseBody;
    expect(c.procedure.amountOwedTodayFen).toBe(1_200_000);
    const short2 = await act(c, 'close', { enforcement: 'paid' }).expect(422);
    expect(short2.body).toMatchObject({ code: 'PAYMENT_OUTSTANDING', details: { amountOwedFen: 1_200_000 } });
    c = (await pay(1_200_000, 'JK-2026-002').expect(201)).body as CaseBody;
    expect(c.procedure).toMatchObject({ amountOwedTodayFen: 0, payment: { paidInFull: true, paidFen: 21_200_000 } });
    c = await ok(c, 'close', { enforcement: 'paid' });
    expect(c).toMatchObject({ status: 'closed', outcome: { kind: 'penalty', enforcement: 'paid' }, procedure: { enforcement: 'paid' } });

    const events = (await t.http.get(`/api/v1/cases/${c.id}/events`).set(auth(officer)).expect(200)).body as { action: string }[];
    expect(events.map((e) => e.action)).toEqual(
      expect.arrayContaining([
        'notify_penalty',
        'request_penalty_hearing',
        'schedule_penalty_hearing',
        'record_penalty_hearing',
        'record_legal_review',
        'record_service',
        'record_payment',
      ]),
    );
    const audit = await t.http.get(`/api/v1/audit?entityType=case&entityId=${c.id}`).set(auth(supervisor)).expect(200);
    expect(audit.body.items.map((e: { action: string }) => e.action)).toEqual(
      expect.arrayContaining(['case.notify_penalty', 'case.record_legal_review', 'case.payment_recorded', 'case.service_recorded']),
    );
  });

  it('refuses approval without the notice and while the statement period is open, naming the rule and its end', async () => {
    let c = await passingOff(62);
    c = await ok(c, 'propose_decision', { decision: penalty(5_000_000) });
    const noNotice = await act(c, 'approve_decision', {}, supervisor).expect(422);
    expect(noNotice.body).toMatchObject({ code: 'PENALTY_NOTICE_REQUIRED', details: { rule: 'PENALTY_NOTICE_REQUIRED' } });
    c = await ok(c, 'return_decision', { reason: '先告知' }, supervisor);

    // ¥50,000 against a company: a statement, but no hearing right
    c = await ok(c, 'notify_penalty', { servedOn: '2026-12-02', method: 'direct', intendedPenalty: intended(5_000_000) });
    expect(c.procedure.notice).toMatchObject({ hearingRight: false, periodEndsOn: '2026-12-09' });
    expect(c.allowedActions).not.toContain('request_penalty_hearing');
    expect((await act(c, 'request_penalty_hearing', { receivedOn: '2026-12-02' }).expect(422)).body.code).toBe('NO_HEARING_RIGHT');
    c = await ok(c, 'propose_decision', { decision: penalty(5_000_000) });
    const open = await act(c, 'approve_decision', {}, supervisor).expect(422);
    expect(open.body).toMatchObject({ code: 'NOTICE_PERIOD_OPEN', details: { rule: 'NOTICE_PERIOD_OPEN', periodEndsOn: '2026-12-09' } });
    expect(open.body.message).toMatch(/until 2026-12-09 .*Art\. 44, 64/);
    const zh = await act(c, 'approve_decision', {}, supervisor).set('accept-language', 'zh-CN').expect(422);
    expect(zh.body.message).toContain('2026-12-09');
    expect(zh.body.message).toContain('第六十四条');

    // a heavier decision than the notice needs a new notice (Art. 45)
    const heavier = await ok(c, 'return_decision', { reason: '加重' }, supervisor);
    const proposed = await ok(heavier, 'propose_decision', { decision: penalty(6_000_000) });
    const heavy = await act(proposed, 'approve_decision', {}, supervisor).expect(422);
    expect(heavy.body).toMatchObject({ code: 'PENALTY_NOTICE_REQUIRED', details: { heavier: true } });
    c = await ok(proposed, 'return_decision', { reason: '按告知内容' }, supervisor);
    c = await ok(c, 'propose_decision', { decision: penalty(5_000_000) });

    // the party's statement closes the period when it has no hearing right
    c = await ok(c, 'record_statement', { receivedOn: '2026-12-02', summary: '对事实无异议，请求从轻' });
    c = await ok(c, 'approve_decision', {}, supervisor);
    expect(c.status).toBe('decided');
    const missing = await act(c, 'record_statement', { receivedOn: '2026-12-02' }).expect(422);
    expect(missing.body.code).toBe('ILLEGAL_TRANSITION');
  });

  it('serves an infringement dispute on the respondent and records the answer within 15 days', async () => {
    let d = (
      await t.http
        .post('/api/v1/cases')
        .set(auth(officer))
        .send(caseIntake({ requesters: [{ kind: 'organization', name: '请求人有限公司', uscc: uscc(63), role: 'patentee' }] }, 63))
        .expect(201)
    ).body as CaseBody;
    d = await ok(d, 'file', { filedOn: '2026-11-03', requesterNotifiedOn: '2026-11-04' });
    expect(d.procedure.dispute).toMatchObject({ requesterNotifiedOn: '2026-11-04', requestServedOn: null });
    expect(d.allowedActions).toContain('serve_dispute_request');
    expect(d.allowedActions).not.toContain('record_answer');
    const early = await act(d, 'record_answer', { receivedOn: '2026-11-05', summary: '答辩' }).expect(422);
    expect(early.body.code).toBe('PROCEDURE_STEP');

    const noTracking = await act(d, 'serve_dispute_request', { servedOn: '2026-11-05', method: 'mail' }).expect(400);
    expect(noTracking.body.details).toEqual([expect.objectContaining({ field: 'trackingNo' })]);
    d = await ok(d, 'serve_dispute_request', { servedOn: '2026-11-05', method: 'mail', trackingNo: 'EMS2002' });
    expect(d.procedure.dispute).toMatchObject({ requestServedOn: '2026-11-05', answerDueOn: '2026-11-20' });
    d = await ok(d, 'assign', { officerIds: officerIds.slice(0, 3) });
    d = await ok(d, 'record_answer', { receivedOn: '2026-11-18', summary: '被请求人认为不构成侵权' });
    expect(d.procedure.dispute).toMatchObject({ answer: { receivedOn: '2026-11-18', late: false } });
    expect(d.allowedActions).not.toContain('record_answer');

    // the oral hearing keeps its 3-working-day notice
    const short = await act(d, 'schedule_hearing', { hearingOn: '2026-12-04' }).expect(422);
    expect(short.body).toMatchObject({ code: 'HEARING_NOTICE', details: { earliest: '2026-12-07' } });
    d = await ok(d, 'schedule_hearing', { hearingOn: '2026-12-07' });
    expect(d.status).toBe('hearing');

    // a passing-off case has no dispute request
    const po = await passingOff(64);
    expect(po.allowedActions).not.toContain('serve_dispute_request');
    expect((await act(po, 'serve_dispute_request', { servedOn: '2026-11-05' }).expect(422)).body.code).toBe('PROCEDURE_STEP');
  });
});
