import ExcelJS from 'exceljs';
import { shanghaiDate } from '@app/kernel';
import { MetricsRebuildService, MetricsRollup } from '@app/metrics';
import { auth, createTestApp, TestApp } from '../utils/test-app';
import { patentNumber, residentId, uscc } from '../utils/identifiers';
import { sql } from '../utils/test-db';
import { actOk } from '../factories/actions';

interface CaseBody {
  id: string;
  version: number;
  status: string;
  [k: string]: unknown;
}

interface Kpi {
  key: string;
  available: boolean;
  value: number | null;
  detail?: Record<string, number | null>;
}

/**
 * Metrics over a mixed history of cases (filed on time and late, back-entered, declined, withdrawn, suspended,
 * extended, closed on time and late, e-commerce, FTZ, in two districts). Tickets and publications together with cases:
 * metrics-hotline-credit.e2e-spec.ts.
 */
describe('metrics: targets, progress, KPIs, rebuild', () => {
  let t: TestApp;
  let city: string;
  let binhaiSup: string;
  let binhai: string;
  let heping: string;
  let binhaiOfficers: string[];
  let hepingOfficers: string[];
  const today = shanghaiDate(new Date());
  const Y = Number(today.slice(0, 4));
  const Y1 = Y - 1;
  let seq = 100;

  beforeAll(async () => {
    t = await createTestApp({ withWorker: false });
    [city, binhaiSup, binhai, heping] = await Promise.all(['sup.city', 'sup.binhai', 'off.binhai1', 'off.heping1'].map((u) => t.token(u)));
    const ids = async (unit: string) =>
      (await t.http.get(`/api/v1/users?orgUnitCode=${unit}&role=officer`).set(auth(city)).expect(200)).body.items.map(
        (u: { id: string }) => u.id,
      );
    binhaiOfficers = await ids('120116');
    hepingOfficers = await ids('120101');
  });
  afterAll(() => t.close());

  const intake = async (token: string, unit: string, type: string, extra: Record<string, unknown> = {}): Promise<CaseBody> => {
    seq++;
    const body = {
      type,
      source: 'complaint',
      orgUnitCode: unit,
      receivedOn: today,
      summary: '统计测试案件',
      requesters: type === 'infringement_dispute' ? [{ kind: 'organization', name: '请求人公司', uscc: uscc(seq), role: 'patentee' }] : [],
      respondents: [{ kind: 'individual', name: '被请求人', idNumber: residentId(seq) }],
      patents: type === 'infringement_dispute' ? [{ number: patentNumber(seq) }] : [],
      ...extra,
    };
    return (await t.http.post('/api/v1/cases').set(auth(token)).send(body).expect(201)).body as CaseBody;
  };
  const act = (c: CaseBody, action: string, body: Record<string, unknown>, token: string): Promise<CaseBody> =>
    actOk(t, 'cases', c, action, body, token);

  const kpisOf = async (token: string, query: string): Promise<Record<string, Kpi>> => {
    const res = await t.http.get(`/api/v1/metrics/kpis?${query}`).set(auth(token)).expect(200);
    return Object.fromEntries((res.body.kpis as Kpi[]).map((k) => [k.key, k]));
  };

  it('targets: set by a city supervisor with history and audit; refused to a district supervisor; bad input writes nothing', async () => {
    const db = await sql(t.db.url);
    const count = async () => Number((await db.query('SELECT count(*) AS n FROM metric_targets')).rows[0].n);
    try {
      await t.http
        .put(`/api/v1/metrics/targets/${Y}`)
        .set(auth(binhaiSup))
        .send({ targets: [{ orgUnitCode: '120116', target: 10 }] })
        .expect(403);
      const bad = await t.http
        .put(`/api/v1/metrics/targets/${Y}`)
        .set(auth(city))
        .send({
          targets: [
            { orgUnitCode: '120116', target: 60 },
            { orgUnitCode: '999999', target: 5 },
          ],
        })
        .expect(400);
      expect(bad.body.details).toEqual([
        { field: 'targets.1.orgUnitCode', message: 'is not the bureau or a district', constraint: expect.any(String) },
      ]);
      const negative = await t.http
        .put(`/api/v1/metrics/targets/${Y}`)
        .set(auth(city))
        .send({ targets: [{ orgUnitCode: '120116', target: -1 }] })
        .expect(400);
      expect(negative.body.details[0].field).toBe('targets.0.target');
      await t.http
        .put('/api/v1/metrics/targets/twenty')
        .set(auth(city))
        .send({ targets: [{ orgUnitCode: '120116', target: 1 }] })
        .expect(400);
      expect(await count()).toBe(0);

      await t.http
        .put(`/api/v1/metrics/targets/${Y1}`)
        .set(auth(city))
        .send({
          targets: [
            { orgUnitCode: '120000', target: 630 },
            { orgUnitCode: '120116', target: 60 },
          ],
        })
        .expect(200);
      await t.http
        .put(`/api/v1/metrics/targets/${Y}`)
        .set(auth(city))
        .send({ targets: [{ orgUnitCode: '120000', target: 600 }] })
        .expect(200);
      const res = await t.http
        .put(`/api/v1/metrics/targets/${Y}`)
        .set(auth(city))
        .send({
          targets: [
            { orgUnitCode: '120000', target: 630 },
            { orgUnitCode: '120116', target: 66 },
          ],
        })
        .expect(200);
      expect(res.body.targets.map((x: { orgUnitCode: string; target: number }) => [x.orgUnitCode, x.target])).toEqual([
        ['120000', 630],
        ['120116', 66],
      ]);
      expect(res.body.history.map((x: { target: number }) => x.target).sort()).toEqual([600, 630, 66]);
      // setting the same value again changes nothing
      await t.http
        .put(`/api/v1/metrics/targets/${Y}`)
        .set(auth(city))
        .send({ targets: [{ orgUnitCode: '120000', target: 630 }] })
        .expect(200);
      expect(await count()).toBe(5);
      const audit = await db.query(
        `SELECT entity_id, before, after FROM audit_entries WHERE entity_type = 'target' AND action = 'target.set' ORDER BY id`,
      );
      expect(audit.rows.map((r: { entity_id: string }) => r.entity_id)).toEqual([
        `${Y1}:120000`,
        `${Y1}:120116`,
        `${Y}:120000`,
        `${Y}:120000`,
        `${Y}:120116`,
      ]);
      expect(audit.rows[3]).toMatchObject({ before: { target: 600 }, after: { target: 630 } });
      await expect(db.query('UPDATE metric_targets SET target = 1')).rejects.toThrow(/append-only/);
      // the district supervisor sees only their district's target
      const mine = await t.http.get(`/api/v1/metrics/targets/${Y}`).set(auth(binhaiSup)).expect(200);
      expect(mine.body.targets).toEqual([expect.objectContaining({ orgUnitCode: '120116', target: 66 })]);
    } finally {
      await db.end();
    }
  });

  it('counts a mixed history in the same transactions, answers progress and KPIs from the counts, and rebuilds with zero drift', async () => {
    // A: filed on time (back-entered, last year), mediated today: closed late
    let a = await intake(binhai, '120116', 'infringement_dispute', { receivedOn: `${Y1}-03-02` });
    a = await act(a, 'file', { filedOn: `${Y1}-03-04` }, binhai);
    a = await act(a, 'assign', { officerIds: binhaiOfficers.slice(0, 3) }, binhai);
    await act(a, 'mediate', { agreementSummary: '调解' }, binhai);
    // D2: filed late (two months after receipt), last year, still open
    const d2 = await intake(binhai, '120116', 'infringement_dispute', { receivedOn: `${Y1}-02-02` });
    await act(d2, 'file', { filedOn: `${Y1}-04-01` }, binhai);
    // F: filed on the last day of last year (a Shanghai date): counts in December
    const f = await intake(binhai, '120116', 'infringement_dispute', { receivedOn: `${Y1}-12-29` });
    await act(f, 'file', { filedOn: `${Y1}-12-31` }, binhai);
    // G: e-commerce case in 和平区, last year
    const g = await intake(heping, '120101', 'infringement_dispute', {
      source: 'ecommerce',
      receivedOn: `${Y1}-05-06`,
      ecommerce: { platform: '某电商平台' },
    });
    await act(g, 'file', { filedOn: `${Y1}-05-07` }, heping);
    // B: FTZ passing-off case this year: suspended, resumed, extended, decided, served, closed on time
    let b = await intake(binhai, '120116', 'passing_off', { source: 'inspection', ftz: true });
    b = await act(b, 'file', {}, binhai);
    b = await act(b, 'assign', { officerIds: binhaiOfficers.slice(0, 2) }, binhai);
    b = await act(b, 'suspend', { reason: '鉴定' }, binhai);
    b = await act(b, 'resume', {}, binhai);
    b = await act(b, 'request_extension', { days: 10, reason: '复杂' }, binhai);
    b = await act(b, 'approve_extension', {}, binhaiSup);
    b = await act(b, 'propose_decision', { decision: { kind: 'no_penalty', summary: '不予处罚', legalBasis: '专利法' } }, binhai);
    b = await act(b, 'approve_decision', {}, binhaiSup);
    b = await act(b, 'serve', { servedOn: today, method: 'direct' }, binhai);
    await act(b, 'close', {}, binhai);
    // C: declined (a filing decision, on time); E: withdrawn before filing (never in the flow)
    const c = await intake(binhai, '120116', 'passing_off');
    await act(c, 'decline', { reason: '不属于受理范围' }, binhai);
    const e = await intake(binhai, '120116', 'dispute_mediation');
    await act(e, 'withdraw', { reason: '撤回' }, binhai);
    // D: received last year and never decided: open and overdue
    await intake(binhai, '120116', 'infringement_dispute', { receivedOn: `${Y1}-06-01` });
    // H: filed this year in 和平区, then an officer recused (no count changes)
    let h = await intake(heping, '120101', 'infringement_dispute');
    h = await act(h, 'file', {}, heping);
    await t.http
      .post(`/api/v1/cases/${h.id}/recusals`)
      .set(auth(city))
      .send({ expectedVersion: h.version, officerId: hepingOfficers[2], reason: '回避' })
      .expect(200);
    // ten filings at once in one unit and month: no lost update on the shared cells
    const many = await Promise.all(Array.from({ length: 10 }, () => intake(heping, '120101', 'passing_off')));
    await Promise.all(many.map((m) => act(m, 'file', {}, heping)));

    // last year, the whole city: A, D2, F, G
    const last = (await t.http.get(`/api/v1/metrics/target-progress?year=${Y1}`).set(auth(city)).expect(200)).body;
    expect(last).toMatchObject({
      year: Y1,
      orgUnitCode: '120000',
      target: 630,
      filed: 4,
      remaining: 626,
      expectedToDate: 630,
      onTrack: false,
      projectedYearEnd: 4,
      byType: { infringement_dispute: 4, passing_off: 0, dispute_mediation: 0 },
      ftz: { filed: 0, share: 0 },
      ecommerce: { filed: 1, share: 0.25 },
    });
    expect(last.byMonth.map((m: { filed: number }) => m.filed)).toEqual([0, 0, 1, 1, 1, 0, 0, 0, 0, 0, 0, 1]);
    expect(last.byMonth[11]).toMatchObject({ month: `${Y1}-12`, cumulative: 4, expectedCumulative: 630 });
    const units = Object.fromEntries(last.byOrgUnit.map((u: { code: string }) => [u.code, u]));
    expect(units['120116']).toMatchObject({ name: '滨海新区', target: 60, filed: 3 });
    expect(units['120101']).toMatchObject({ target: null, filed: 1 });
    expect(units['120000']).toMatchObject({ target: null, filed: 0 });

    // this year: B, H and the ten
    const now = (await t.http.get('/api/v1/metrics/target-progress').set(auth(city)).expect(200)).body;
    expect(now).toMatchObject({ year: Y, target: 630, filed: 12, byType: { passing_off: 11, infringement_dispute: 1 }, ftz: { filed: 1 } });
    expect(now.expectedToDate).toBeGreaterThan(0);
    expect(now.projectedInterval.low).toBeLessThanOrEqual(now.projectedYearEnd);
    // a district supervisor: their district by default; another district or the city → 404
    const mine = (await t.http.get('/api/v1/metrics/target-progress').set(auth(binhaiSup)).expect(200)).body;
    expect(mine).toMatchObject({ orgUnitCode: '120116', target: 66, filed: 1, byOrgUnit: [{ code: '120116', filed: 1 }] });
    await t.http.get('/api/v1/metrics/target-progress?orgUnitCode=120101').set(auth(binhaiSup)).expect(404);
    await t.http.get('/api/v1/metrics/target-progress?orgUnitCode=120000').set(auth(binhaiSup)).expect(404);
    await t.http.get('/api/v1/metrics/target-progress?orgUnitCode=120101').set(auth(heping)).expect(200);
    await t.http
      .get('/api/v1/metrics/target-progress')
      .set(auth(await t.token('op.12330')))
      .expect(403);
    const badYear = await t.http.get('/api/v1/metrics/target-progress?year=19').set(auth(city)).expect(400);
    expect(badYear.body.details[0].field).toBe('year');

    // KPIs over both years, the whole city
    await t.app.get(MetricsRollup).run();
    const k = await kpisOf(city, `from=${Y1}-01-01&to=${today}`);
    expect(k.filing_decisions_on_time).toMatchObject({ available: true, value: 0.9412, detail: { onTime: 16, decided: 17 } });
    expect(k.closed_on_time).toMatchObject({ value: 0.5, detail: { onTime: 1, closed: 2 } });
    const daysA = Math.round((Date.parse(today) - Date.parse(`${Y1}-03-04`)) / 86_400_000);
    expect(k.median_days_to_close.value).toBe(0);
    expect(k.p90_days_to_close.value).toBe(daysA);
    expect(k.paused_days).toMatchObject({ value: 0, detail: { pauses: 1 } });
    expect(k.extensions_used).toMatchObject({ value: 1, detail: { daysGranted: 10, requested: 1 } });
    // the same open-overdue rule as the case list's filter
    const overdueList = await t.http.get('/api/v1/cases?overdue=true&limit=200').set(auth(city)).expect(200);
    expect(overdueList.body.items.length).toBeGreaterThanOrEqual(1);
    expect(k.open_overdue.value).toBe(overdueList.body.items.length);
    // hotline and credit keep counts (no tickets or publications here: nothing to divide); transfers do not yet
    for (const key of ['hotline_first_response_on_time', 'hotline_resolved_on_time', 'hotline_satisfaction', 'credit_published_on_time'])
      expect(k[key]).toMatchObject({ available: true, value: null });
    expect(k.credit_publication_backlog).toMatchObject({ available: true, value: 0 });
    // live since libs/transfers declares its source; no transfer replied yet
    expect(k.transfer_median_reply_days).toMatchObject({ available: true, value: null });
    // one district, this year only
    const kb = await kpisOf(binhaiSup, '');
    // A (closed late) and B (on time) were both closed today
    expect(kb.closed_on_time).toMatchObject({ value: 0.5, detail: { onTime: 1, closed: 2 } });
    expect(kb.filing_decisions_on_time.detail).toEqual({ onTime: 2, decided: 2 });
    const inverted = await t.http.get(`/api/v1/metrics/kpis?from=${today}&to=${Y1}-01-01`).set(auth(city)).expect(400);
    expect(inverted.body.details[0].field).toBe('to');

    // the counts agree with a recomputation from the cases: zero drift
    const rebuild = t.app.get(MetricsRebuildService);
    const clean = await rebuild.rebuild({ dryRun: true });
    expect([...clean.sources].sort()).toEqual(['cases', 'credit', 'hotline', 'transfers']);
    expect(clean.metrics.filter((m) => m.drift !== 0)).toEqual([]);
    // 16 filings under '' and their type, B under ftz, G under e-commerce
    expect(clean.metrics.find((m) => m.metric === 'case.filed')).toMatchObject({ expected: 34, actual: 34 });

    // drift is reported, and a rebuild repairs it
    const db = await sql(t.db.url);
    try {
      // one row of one cell (a cell is kept in shards, one per writing connection)
      await db.query(
        `UPDATE metric_counts SET value = value + 2
          WHERE ctid = (SELECT ctid FROM metric_counts WHERE metric = 'case.closed' AND org_unit_code = '120116' LIMIT 1)`,
      );
      await db.query(`DELETE FROM metric_counts WHERE metric = 'case.received' AND org_unit_code = '120101'`);
      const dirty = await rebuild.rebuild({ dryRun: true });
      const byMetric = Object.fromEntries(dirty.metrics.map((m) => [m.metric, m]));
      expect(byMetric['case.closed']).toMatchObject({ drift: 2, cellsDiffering: 1 });
      expect(byMetric['case.received']).toMatchObject({ drift: 12, actual: byMetric['case.received'].expected - 12 });
      expect((await rebuild.rebuild({ dryRun: true })).totalDrift).toBe(dirty.totalDrift); // a dry run changes nothing
      await rebuild.rebuild({ dryRun: false });
      expect((await rebuild.rebuild({ dryRun: true })).totalDrift).toBe(0);
    } finally {
      await db.end();
    }
    expect((await kpisOf(city, `from=${Y1}-01-01&to=${today}`)).closed_on_time.value).toBe(0.5);
  });

  it('exposes the headline figures to Prometheus', async () => {
    const text = (await t.http.get('/metrics').expect(200)).text;
    expect(text).toContain(`ped_target_cases{year="${Y}",org_unit="120000"} 630`);
    expect(text).toContain(`ped_filed_cases{year="${Y}",org_unit="120101"} 11`);
    expect(text).toMatch(/ped_open_overdue_cases\{org_unit="all"\} [1-9]/);
    expect(text).toContain('# TYPE ped_credit_publication_backlog gauge');
  });

  it('exports the monthly report as XLSX with Chinese headers, audited', async () => {
    const res = await t.http
      .get(`/api/v1/metrics/report?year=${Y1}&month=3&format=xlsx`)
      .set(auth(city))
      .buffer(true)
      .parse((r, cb) => {
        const chunks: Buffer[] = [];
        r.on('data', (c: Buffer) => chunks.push(c));
        r.on('end', () => cb(null, Buffer.concat(chunks)));
      })
      .expect(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.body as Parameters<typeof wb.xlsx.load>[0]);
    const sheet = wb.worksheets[0];
    const header = (sheet.getRow(1).values as unknown[]).slice(1);
    expect(header.slice(0, 5)).toEqual(['单位代码', '单位名称', '年度立案目标', '本月立案', '年度累计立案']);
    const rows = new Map<string, unknown[]>();
    sheet.eachRow((row, n) => {
      if (n > 1) rows.set(`${row.getCell(1).text}|${row.getCell(2).text}`, (row.values as unknown[]).slice(1));
    });
    expect(rows.get('120116|滨海新区')!.slice(2, 5)).toEqual([60, 1, 1]);
    expect(rows.get('120000|合计')!.slice(2, 5)).toEqual([630, 1, 1]);
    const db = await sql(t.db.url);
    try {
      const audit = await db.query(`SELECT after FROM audit_entries WHERE action = 'metrics.report_exported'`);
      expect(audit.rows).toEqual([{ after: expect.objectContaining({ year: Y1, month: 3, format: 'xlsx' }) }]);
    } finally {
      await db.end();
    }
    await t.http.get(`/api/v1/metrics/report?year=${Y1}&month=13`).set(auth(city)).expect(400);
    await t.http.get(`/api/v1/metrics/report?year=${Y1}&month=3`).set(auth(binhai)).expect(403);
  });
});
