// Metrics: GET /api/v1/metrics/target-progress and /kpis at 1,000,000 cases (bulk-loaded with the cases bench's SQL),
// answered from the counters, beside the live-scan SQL over the cases table that the counters replace.
import pg from 'pg';
import { fmt, login, onCleanup, printTable, runCli, JWT_SECRET, startSeededApi } from './lib.mjs';
import { BULK_SQL, cannon } from './cases.mjs';

const RUNS = 5;

// What the two answers would cost without counters: the same figures aggregated from the cases table.
const LIVE_SQL = {
  'target-progress': `SELECT org_unit_code, date_trunc('month', filed_on) AS m, type, ftz, (ecommerce IS NOT NULL OR source = 'ecommerce') AS ec, count(*)
      FROM cases WHERE filed_on >= '2026-01-01' AND filed_on < '2027-01-01' GROUP BY 1, 2, 3, 4, 5`,
  kpis: `SELECT count(*) FILTER (WHERE coalesce(filed_on, closed_on) <= filing_decision_due) AS decided_on_time,
            count(*) FILTER (WHERE filed_on IS NOT NULL OR status = 'not_filed') AS decided,
            count(*) FILTER (WHERE status = 'closed' AND closed_on <= coalesce(extended_closing_due, closing_due)) AS closed_on_time,
            count(*) FILTER (WHERE status = 'closed') AS closed,
            percentile_disc(0.5) WITHIN GROUP (ORDER BY closed_on - filed_on) FILTER (WHERE status = 'closed') AS median_days,
            percentile_disc(0.9) WITHIN GROUP (ORDER BY closed_on - filed_on) FILTER (WHERE status = 'closed') AS p90_days
       FROM cases WHERE coalesce(closed_on, filed_on, received_on) BETWEEN '2026-01-01' AND '2026-12-31'`,
};

async function timeSql(client, text) {
  const ms = [];
  for (let i = 0; i < RUNS; i++) {
    const t0 = performance.now();
    await client.query(text);
    ms.push(performance.now() - t0);
  }
  ms.sort((a, b) => a - b);
  return { p50Ms: ms[Math.floor(RUNS / 2)], maxMs: ms[RUNS - 1] };
}

export async function run() {
  // the api alone: with RUN_WORKER the deadline sweep would spend the run alerting on the bulk-loaded overdue cases
  // in the same process; the roll-up of live states is run by metrics:rebuild below
  const api = await startSeededApi({ RUN_WORKER: 'false' });
  const client = new pg.Client({ connectionString: api.db.url });
  await client.connect();
  const endClient = onCleanup(() => client.end());
  const cli = (args) => runCli(args, { DATABASE_URL: api.db.url, JWT_SECRET, LOG_LEVEL: 'warn' });
  const results = {};
  try {
    const t0 = performance.now();
    await client.query(`SET maintenance_work_mem = '256MB'`);
    await client.query(BULK_SQL[0]); // 1,000,000 cases in 16 districts over 2025–2026, all statuses
    await client.query('ANALYZE cases');
    results.loadS = (performance.now() - t0) / 1000;
    results.cases = Number((await client.query('SELECT count(*) FROM cases')).rows[0].count);

    const r0 = performance.now();
    await cli(['metrics:rebuild']);
    results.rebuildS = (performance.now() - r0) / 1000;
    const dry = await cli(['metrics:rebuild', '--dry-run']);
    results.driftAfterRebuild = Number(/total drift (\d+)/.exec(dry)?.[1] ?? NaN);
    results.cells = Number((await client.query('SELECT count(*) FROM metric_counts')).rows[0].count);

    const city = await login(api.base, 'sup.city');
    await fetch(`${api.base}/api/v1/metrics/targets/2026`, {
      method: 'PUT',
      headers: { authorization: `Bearer ${city}`, 'content-type': 'application/json' },
      body: JSON.stringify({ targets: [{ orgUnitCode: '120000', target: 630 }] }),
    });
    const routes = {
      'target-progress': '/api/v1/metrics/target-progress?year=2026',
      kpis: '/api/v1/metrics/kpis?from=2026-01-01&to=2026-12-31',
    };
    results.http = {};
    results.live = {};
    for (const [name, route] of Object.entries(routes)) {
      const probe = await fetch(`${api.base}${route}`, { headers: { authorization: `Bearer ${city}` } });
      if (probe.status !== 200) throw new Error(`GET ${route}: HTTP ${probe.status} ${await probe.text()}`);
      results.http[name] = await cannon({ url: `${api.base}${route}`, token: city, connections: 10 });
      results.live[name] = await timeSql(client, LIVE_SQL[name]);
    }
  } catch (err) {
    if (!api.proc.running) console.error(`the api exited:\n${api.proc.output()}`);
    throw err;
  } finally {
    await endClient();
    await api.stop();
  }

  printTable(
    `metrics at ${fmt(results.cases)} cases — as sup.city (whole city), 10 connections (goal p95 < 50 ms)`,
    ['GET', 'req/s', 'p50 ms', 'p95 ms', 'p99 ms', 'non-200', 'live-scan SQL p50 ms (baseline)'],
    Object.entries(results.http).map(([n, r]) => [
      `/api/v1/metrics/${n}`,
      fmt(r.rps),
      fmt(r.p50Ms, 1),
      fmt(r.p95Ms, 1),
      fmt(r.p99Ms, 1),
      fmt(r.other),
      fmt(results.live[n].p50Ms, 1),
    ]),
    [
      `the api answers from ${fmt(results.cells)} counter cells; the baseline is the same figures aggregated from the cases`,
      `table by SQL alone (psql-side, no HTTP, median of ${RUNS} runs): what each request would cost without the counters`,
      `bulk load ${fmt(results.loadS, 1)} s; metrics:rebuild from the source tables ${fmt(results.rebuildS, 1)} s; drift afterwards ${results.driftAfterRebuild}`,
    ],
  );
  return results;
}
