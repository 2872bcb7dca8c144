import { CreditStandin, startCreditStandin } from '@app/credit';
import { Clock } from '@app/kernel';
import { MetricsRebuildService, MetricsRollup } from '@app/metrics';
import { takePassingOffCaseToDecision, orgRespondent, PENALTY } from '../factories/cases';
import { actOk } from '../factories/actions';
import { patentNumber } from '../utils/identifiers';
import { auth, createTestApp, eventually, TestApp } from '../utils/test-app';
import { sql } from '../utils/test-db';

interface Ticket {
  id: string;
  version: number;
  status: string;
  caseId: string | null;
  orgUnitCode: string | null;
  [k: string]: unknown;
}

interface Kpi {
  key: string;
  available: boolean;
  value: number | null;
  detail?: Record<string, number | null>;
}

const CENTRE = '120000-12330';

/**
 * The hotline and credit KPIs over a mixed history of cases, tickets and publications: tickets answered on time and
 * late, closed, called back (scores 4 and 2), one reopened, moved to another district and closed again (counted once,
 * where it was first counted), two tickets converted into one case (the case counts once), one penalty published at the
 * credit stand-in and one left pending. The figures come from the counts kept in the steps' transactions, and a
 * rebuild from the source tables agrees with them exactly.
 */
describe('metrics: hotline and credit KPIs', () => {
  let t: TestApp;
  let standin: CreditStandin;
  let op: string;
  let city: string;
  let binhaiSup: string;
  let binhai: string;
  let serial = 700;

  beforeAll(async () => {
    standin = await startCreditStandin();
    t = await createTestApp({ env: { CREDIT_PLATFORM_URL: standin.url, CREDIT_SWEEP_INTERVAL_MS: '3600000' } });
    [op, city, binhaiSup, binhai] = await Promise.all(['op.12330', 'sup.city', 'sup.binhai', 'off.binhai1'].map((u) => t.token(u)));
  });
  afterAll(async () => {
    await t.close();
    await standin.stop();
  });
  afterEach(() => jest.restoreAllMocks());

  const create = async (category: string, extra: Record<string, unknown> = {}): Promise<Ticket> => {
    serial++;
    const res = await t.http
      .post('/api/v1/hotline/tickets')
      .set(auth(op))
      .send({
        channel: 'phone',
        category,
        caller: { name: '来电人', phone: `1380000${String(serial).padStart(4, '0')}` },
        subject: '统计测试工单',
        description: '来电反映有关专利的问题。',
        ...extra,
      });
    if (res.status !== 201) throw new Error(`create: ${res.status} ${JSON.stringify(res.body)}`);
    return res.body as Ticket;
  };
  const act = (tk: Ticket, action: string, body: Record<string, unknown> = {}, token = op): Promise<Ticket> =>
    actOk(t, 'hotline/tickets', tk, action, body, token);
  const steps = async (tk: Ticket, list: [string, Record<string, unknown>?, string?][]): Promise<Ticket> => {
    for (const [action, body, token] of list) tk = await act(tk, action, body ?? {}, token ?? op);
    return tk;
  };
  const kpisOf = async (token: string, query = ''): Promise<Record<string, Kpi>> => {
    const res = await t.http.get(`/api/v1/metrics/kpis?${query}`).set(auth(token)).expect(200);
    return Object.fromEntries((res.body.kpis as Kpi[]).map((k) => [k.key, k]));
  };

  it('counts tickets and publications in their own transactions; KPIs per unit and city; a rebuild finds no drift', async () => {
    // T1: a consultation the centre answers on time, closes, and calls back (4)
    await steps(await create('consultation'), [
      ['triage'],
      ['start'],
      ['respond', { response: '已解答' }],
      ['close'],
      ['callback', { satisfaction: 4 }],
    ]);
    // T2: a complaint taken in 60 days ago, assigned to 滨海新区, answered and closed late today, called back (2)
    const clock = t.app.get(Clock);
    jest.spyOn(clock, 'now').mockReturnValue(new Date(Date.now() - 60 * 86_400_000));
    let t2 = await create('complaint');
    t2 = await steps(t2, [['triage'], ['assign', { orgUnitCode: '120116' }]]);
    jest.restoreAllMocks();
    await steps(t2, [['start', {}, binhai], ['respond', { response: '已处理' }, binhai], ['close'], ['callback', { satisfaction: 2 }]]);
    // T3 + T4: two reports about one respondent converted into ONE case of 滨海新区 (answered and resolved on time)
    const t3 = await steps(await create('report', { respondentName: '天津某某统计电子有限公司', patentNumbers: [patentNumber(701)] }), [
      ['triage'],
      ['convert', { type: 'passing_off', orgUnitCode: '120116' }],
    ]);
    const t4 = await steps(await create('report', { respondentName: '天津某某统计电子有限公司' }), [['convert', { caseId: t3.caseId }]]);
    expect(t4).toMatchObject({ status: 'converted', caseId: t3.caseId, orgUnitCode: '120116' });
    // the case is filed: it counts once in the filed figures, however many tickets point at it
    const converted = (await t.http.get(`/api/v1/cases/${t3.caseId}`).set(auth(binhai)).expect(200)).body as {
      id: string;
      version: number;
    };
    await t.http
      .post(`/api/v1/cases/${converted.id}/actions/file`)
      .set(auth(binhai))
      .send({ expectedVersion: converted.version })
      .expect(200);
    // T5: the centre answers and closes on time; reopened, moved to 和平区, closed again: still one resolution, counted
    // for the centre where it happened (the ticket's unit is now 120101: the rebuild must not move it)
    const t5 = await steps(await create('consultation'), [
      ['triage'],
      ['start'],
      ['respond', { response: '已解答' }],
      ['close'],
      ['reopen', { reason: '来电人不满意' }],
      ['assign', { orgUnitCode: '120101' }],
      ['start'],
      ['respond', { response: '再次解答' }],
      ['close'],
    ]);
    expect(t5).toMatchObject({ status: 'closed', orgUnitCode: '120101' });

    // credit: one penalty published at the stand-in (on time); one with an incomplete record stays pending (backlog)
    const published = await takePassingOffCaseToDecision(t, PENALTY, [orgRespondent(serial++)]);
    await takePassingOffCaseToDecision(t, { summary: '罚款', facts: '标注失效专利号', fineFen: 1_000_000 }, [
      { ...orgRespondent(serial++), legalRepresentative: undefined },
    ]);
    const pubs = await eventually(
      async () => {
        const res = await t.http.get(`/api/v1/credit/publications?caseId=${published.id}`).set(auth(binhaiSup)).expect(200);
        const items = res.body.items as { status: string }[];
        return items.length === 1 && items[0].status === 'published' ? items : undefined;
      },
      20_000,
      'publication published',
    );
    expect(pubs).toHaveLength(1);
    expect(standin.records.size).toBe(1);
    // the worker's own roll-up may hold the lock at this moment: roll up until this call did
    await eventually(() => t.app.get(MetricsRollup).run(), 10_000, 'a roll-up');

    // the whole city (this year)
    const k = await kpisOf(city);
    expect(k.hotline_first_response_on_time).toMatchObject({ available: true, value: 0.8, detail: { onTime: 4, responded: 5 } });
    expect(k.hotline_resolved_on_time).toMatchObject({ available: true, value: 0.8, detail: { onTime: 4, resolved: 5 } });
    expect(k.hotline_satisfaction).toMatchObject({ available: true, value: 3, detail: { callbacks: 2 } });
    expect(k.credit_published_on_time).toMatchObject({ available: true, value: 1, detail: { onTime: 1, published: 1 } });
    expect(k.credit_publication_backlog).toMatchObject({ available: true, value: 1 });
    // 滨海新区: T2 (late), T3, T4
    const kb = await kpisOf(binhaiSup);
    expect(kb.hotline_first_response_on_time).toMatchObject({ value: 0.6667, detail: { onTime: 2, responded: 3 } });
    expect(kb.hotline_resolved_on_time).toMatchObject({ value: 0.6667, detail: { onTime: 2, resolved: 3 } });
    expect(kb.hotline_satisfaction).toMatchObject({ value: 2, detail: { callbacks: 1 } });
    expect(kb.credit_publication_backlog.value).toBe(1);
    // the 12330 centre: T1 and T5's first round; 和平区: nothing (T5's second round counts nowhere)
    const kc = await kpisOf(city, `orgUnitCode=${CENTRE}`);
    expect(kc.hotline_first_response_on_time).toMatchObject({ value: 1, detail: { onTime: 2, responded: 2 } });
    expect(kc.hotline_resolved_on_time).toMatchObject({ value: 1, detail: { onTime: 2, resolved: 2 } });
    expect(kc.hotline_satisfaction.value).toBe(4);
    const kh = await kpisOf(city, 'orgUnitCode=120101');
    expect(kh.hotline_resolved_on_time).toMatchObject({ available: true, value: null, detail: { onTime: 0, resolved: 0 } });
    expect(kh.credit_publication_backlog.value).toBe(0);
    // cases filed this year in 滨海新区: the converted case once, and the two penalty cases
    const progress = (await t.http.get('/api/v1/metrics/target-progress').set(auth(binhaiSup)).expect(200)).body;
    expect(progress.filed).toBe(3);

    // Prometheus: the backlog per unit and for the city
    const text = (await t.http.get('/metrics').expect(200)).text;
    expect(text).toContain('ped_credit_publication_backlog{org_unit="120116"} 1');
    expect(text).toContain('ped_credit_publication_backlog{org_unit="all"} 1');

    // a recomputation from cases, ticket events and publications agrees with the kept counts: zero drift everywhere
    const rebuild = t.app.get(MetricsRebuildService);
    const clean = await rebuild.rebuild({ dryRun: true });
    expect([...clean.sources].sort()).toEqual(['cases', 'credit', 'hotline', 'transfers']);
    expect(clean.metrics.filter((m) => m.drift !== 0)).toEqual([]);
    const byMetric = Object.fromEntries(clean.metrics.map((m) => [m.metric, m]));
    expect(byMetric['case.received']).toMatchObject({ expected: 3, actual: 3 });
    expect(byMetric['hotline.first_responded']).toMatchObject({ expected: 5, actual: 5 });
    expect(byMetric['hotline.resolved_on_time']).toMatchObject({ expected: 4, actual: 4 });
    expect(byMetric['hotline.satisfaction_sum']).toMatchObject({ expected: 6, actual: 6 });
    expect(byMetric['credit.published']).toMatchObject({ expected: 1, actual: 1 });

    // a lost hotline count and an extra credit one are reported, and a rebuild repairs them
    const db = await sql(t.db.url);
    try {
      await db.query(`DELETE FROM metric_counts WHERE metric = 'hotline.resolved' AND org_unit_code = $1`, [CENTRE]);
      await db.query(
        `UPDATE metric_counts SET value = value + 1 WHERE ctid = (SELECT ctid FROM metric_counts WHERE metric = 'credit.published_on_time' LIMIT 1)`,
      );
      const dirty = Object.fromEntries((await rebuild.rebuild({ dryRun: true })).metrics.map((m) => [m.metric, m]));
      expect(dirty['hotline.resolved']).toMatchObject({ expected: 5, actual: 3, drift: 2 });
      expect(dirty['credit.published_on_time']).toMatchObject({ expected: 1, actual: 2, drift: 1 });
      await rebuild.rebuild({ dryRun: false });
      expect((await rebuild.rebuild({ dryRun: true })).totalDrift).toBe(0);
    } finally {
      await db.end();
    }
    expect((await kpisOf(city)).hotline_resolved_on_time.value).toBe(0.8);
  });
});
