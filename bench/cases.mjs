// Cases: intake throughput (POST /api/v1/cases) against a pgbench replay of the same statements, GET by id,
// then the list/search endpoints and the deadline sweep's query at 1,000,000 cases bulk-loaded with SQL.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import autocannon from 'autocannon';
import { createRequire } from 'node:module';
import pg from 'pg';
import { fmt, login, mib, onCleanup, percentile, printTable, rssKiB, sampleRss, startSeededApi, DISTRICTS_SQL, pgbench } from './lib.mjs';

// the sweep's statement as the worker runs it (from the build: `npm run bench` builds first)
const { CASE_SWEEP_SQL } = createRequire(import.meta.url)('../dist/libs/cases/src/persistence/case-sql.js');

const PHASE_S = 6;
const WARMUP_S = 1;
const CASES = 1_000_000;
const SLOW_MS = 500;
export const INTAKE_BODY = JSON.stringify({
  type: 'passing_off',
  source: 'inspection',
  orgUnitCode: '120116',
  receivedOn: '2026-11-02',
  summary: 'bench',
  requesters: [],
  respondents: [{ kind: 'organization', name: '基准测试公司' }],
  patents: [],
});

/**
 * autocannon with per-response latencies (from its 'response' event), so p95 is exact rather than interpolated;
 * counts only answers with `okStatus`.
 */
export async function cannon({ url, method = 'GET', token, body, connections, durationS = PHASE_S, okStatus = 200, warmupS = WARMUP_S }) {
  const headers = { authorization: `Bearer ${token}`, ...(body ? { 'content-type': 'application/json' } : {}) };
  const once = (duration, record) =>
    new Promise((resolve, reject) => {
      const lat = [];
      const codes = {};
      const inst = autocannon({ url, method, headers, body, connections, duration, timeout: 10 }, (err, r) =>
        err ? reject(err) : resolve({ r, lat, codes }),
      );
      if (record)
        inst.on('response', (_client, status, _bytes, ms) => {
          codes[status] = (codes[status] ?? 0) + 1;
          if (status === okStatus) lat.push(ms);
        });
    });
  if (warmupS > 0) await once(warmupS, false);
  const { r, lat, codes } = await once(durationS, true);
  if (!lat.length) {
    // reported, not thrown: e.g. every request slower than autocannon's 10 s timeout
    return {
      rps: 0,
      ok: 0,
      other: r.errors + r.timeouts,
      timeouts: r.timeouts,
      codes,
      p50Ms: null,
      p95Ms: null,
      p99Ms: null,
      maxMs: null,
      connections,
    };
  }
  lat.sort((a, b) => a - b);
  return {
    rps: lat.length / r.duration,
    ok: lat.length,
    other: r.errors + r.timeouts + Object.entries(codes).reduce((s, [k, v]) => s + (Number(k) === okStatus ? 0 : v), 0),
    codes,
    p50Ms: percentile(lat, 50),
    p95Ms: percentile(lat, 95),
    p99Ms: percentile(lat, 99),
    maxMs: lat[lat.length - 1],
    connections,
  };
}

/**
 * The statements the api runs for one intake (captured with log_statement = all), replayed by pgbench: the session
 * check of the JWT guard, the org unit, the receipt number (its own statement, before the transaction), the
 * transaction (case, party, event, audit entry), and the read-back of the created case row.
 */
export const pgbenchScript = ({
  sid,
  uid,
}) => `SELECT u.id, u.username, u.display_name, u.roles, u.org_unit_code, o.name AS unit_name, o.kind, u.active, s.revoked_at
  FROM sessions s JOIN users u ON u.id = s.user_id JOIN org_units o ON o.code = u.org_unit_code
 WHERE s.id = '${sid}' AND u.id = '${uid}';
SELECT code, name, abbr, kind, parent_code FROM org_units WHERE code = '120116' LIMIT 1;
INSERT INTO number_sequences (org_unit_code, year, kind, last_value) VALUES ('120116', 2026, 'receipt', 1)
  ON CONFLICT (org_unit_code, year, kind) DO UPDATE SET last_value = number_sequences.last_value + 1 RETURNING last_value AS seq \\gset
BEGIN;
SET TRANSACTION ISOLATION LEVEL READ COMMITTED;
INSERT INTO cases (receipt_no, type, source, status, org_unit_code, received_on, filing_decision_due, summary, created_by)
VALUES ('B' || gen_random_uuid(), 'passing_off', 'inspection', 'received', '120116', '2026-11-02', '2026-11-09', 'bench', '${uid}')
RETURNING id AS case_id \\gset
INSERT INTO case_parties (case_id, role, ordinal, kind, name) VALUES (':case_id', 'respondent', 0, 'organization', '基准测试公司');
INSERT INTO case_events (case_id, at, actor_id, action, from_status, to_status, payload)
VALUES (':case_id', now(), '${uid}', 'receive', NULL, 'received', jsonb_build_object('receiptNo', 'B:seq')) RETURNING id;
INSERT INTO audit_entries (at, actor_id, on_behalf_of_id, action, entity_type, entity_id, org_unit_code, before, after, request_id, ip)
VALUES (now(), '${uid}', NULL, 'case.received', 'case', ':case_id', '120116', NULL,
       jsonb_build_object('receiptNo', 'B:seq', 'type', 'passing_off', 'source', 'inspection', 'receivedOn', '2026-11-02',
                          'filingDecisionDue', '2026-11-09', 'requesters', '[]'::jsonb,
                          'respondents', jsonb_build_array(jsonb_build_object('name', '基准测试公司')), 'patents', '[]'::jsonb),
       'pgbench', '127.0.0.1') RETURNING id;
COMMIT;
SELECT * FROM cases WHERE id = ':case_id' LIMIT 1;
`;

const CODES = DISTRICTS_SQL;
const STATUSES = `(ARRAY['received','filed','investigating','hearing','pending_decision','decided','served','closed','not_filed'])`;
const caseId = (i) => `md5('bench-case-' || ${i})::uuid`;
// n cases (1M here): district i % 16, status (i / 16) % 9, received over 2025-01-01 … 2026-12-31, filed ones with a closing due
// The kept status counts (case_status_counts) are a per-row trigger: a million rows in one statement would update the
// same few counter rows a million times in one transaction, each update walking the row's earlier versions (hours).
// A bulk load switches the trigger off and counts once afterwards, as an import of old records would.
export const bulkSql = (n) => [
  `ALTER TABLE cases DISABLE TRIGGER tr_case_status_counts_ins;
   INSERT INTO cases (id, receipt_no, case_no, type, source, status, org_unit_code, received_on, filed_on, closed_on,
                      filing_decision_due, closing_due, summary)
   SELECT ${caseId('i')}, 'BR' || i, CASE WHEN s NOT IN ('received', 'not_filed') THEN 'BC' || i END,
          (ARRAY['infringement_dispute','passing_off','dispute_mediation'])[1 + i % 3], 'complaint', s, ${CODES}[1 + i % 16],
          r, CASE WHEN s NOT IN ('received', 'not_filed') THEN r + 5 END, CASE WHEN s = 'closed' THEN r + 60 END,
          r + 7, CASE WHEN s NOT IN ('received', 'not_filed') THEN r + 95 END, 'bulk case ' || i
     FROM (SELECT i, ${STATUSES}[1 + (i / 16) % 9] AS s, date '2025-01-01' + (i % 730) AS r
             FROM generate_series(1, ${n}) i) g;
   ALTER TABLE cases ENABLE TRIGGER tr_case_status_counts_ins;
   DELETE FROM case_status_counts;
   INSERT INTO case_status_counts (org_unit_code, status, type, n)
   SELECT org_unit_code, status, type, count(*) FROM cases GROUP BY 1, 2, 3`,
  `INSERT INTO case_parties (case_id, role, ordinal, kind, name)
   SELECT ${caseId('i')}, 'respondent', 0, 'organization', '公司' || i FROM generate_series(1, ${n}) i`,
  `INSERT INTO case_patents (case_id, ordinal, number, normalized, kind)
   SELECT ${caseId('i')}, 0, 'ZL2023' || lpad(i::text, 8, '0') || '.' || (i % 10), '2023' || lpad(i::text, 8, '0') || '.' || (i % 10), 'invention'
     FROM generate_series(2, ${n}, 2) i`,
  'ANALYZE cases, case_parties, case_patents',
];
export const BULK_SQL = bulkSql(CASES);

const execMs = (plan) => Number(/Execution Time: ([\d.]+) ms/.exec(plan.map((r) => r['QUERY PLAN']).join('\n'))?.[1]);

export async function run() {
  // the api alone: with RUN_WORKER its deadline sweep would work through the bulk-loaded overdue cases during the list
  // phases (and race the sweep measured below)
  const api = await startSeededApi({ RUN_WORKER: 'false' });
  const tmp = await mkdtemp(path.join(os.tmpdir(), 'ped-bench-cases-'));
  const rmTmp = onCleanup(() => rm(tmp, { recursive: true, force: true }));
  const client = new pg.Client({ connectionString: api.db.url });
  await client.connect();
  const endClient = onCleanup(() => client.end());
  const rssIdleKiB = rssKiB(api.proc.pid);
  const rss = sampleRss(api.proc.pid);
  const url = (p) => `${api.base}/api/v1/cases${p}`;
  let intake, pgb, byId, bulk, list, sweep, rssPeak;
  try {
    const officer = await login(api.base, 'off.binhai1');
    const supervisor = await login(api.base, 'sup.city');

    // 1. intake, API vs pgbench
    intake = {};
    pgb = {};
    for (const c of [10, 50]) {
      intake[c] = await cannon({ url: url(''), method: 'POST', token: officer, body: INTAKE_BODY, connections: c, okStatus: 201 });
    }
    const script = path.join(tmp, 'intake.sql');
    const { rows: sess } = await client.query(
      `SELECT s.id AS sid, s.user_id AS uid FROM sessions s JOIN users u ON u.id = s.user_id
        WHERE u.username = 'off.binhai1' ORDER BY s.created_at DESC LIMIT 1`,
    );
    await writeFile(script, pgbenchScript(sess[0]));
    for (const c of [10, 50]) pgb[c] = await pgbench(api.db.url, script, c, PHASE_S);

    // 2. GET by id
    const { rows: some } = await client.query(`SELECT id FROM cases WHERE created_by IS NOT NULL LIMIT 1`);
    byId = await cannon({ url: url(`/${some[0].id}`), token: officer, connections: 50 });

    // 3. 1M cases
    const steps = [];
    const t0 = performance.now();
    await client.query(`SET maintenance_work_mem = '256MB'`);
    for (const sql of BULK_SQL) {
      const s0 = performance.now();
      await client.query(sql);
      steps.push(performance.now() - s0);
    }
    bulk = {
      totalMs: performance.now() - t0,
      stepsMs: steps,
      cases: Number((await client.query('SELECT count(*) FROM cases')).rows[0].count),
    };

    list = {};
    // rare terms (a company's full name, a patent number in its ZL form, a receipt number), a common one (公司: every
    // case), two characters (no trigram: the bigram index), and one in between (司123: 1,111 of 1,000,000 names)
    const queries = {
      'limit=50': '?limit=50',
      'status=investigating&orgUnitCode=120116': '?status=investigating&orgUnitCode=120116&limit=50',
      'overdue=true': '?overdue=true&limit=50',
      'q=公司123457 (one party)': `?q=${encodeURIComponent('公司123457')}&limit=50`,
      'q=ZL202300012346 (one patent)': '?q=ZL202300012346&limit=50',
      'q=BR777777 (receipt no.)': '?q=BR777777&limit=50',
      'q=公司 (every case)': `?q=${encodeURIComponent('公司')}&limit=50`,
      'q=华为 (2 chars, none)': `?q=${encodeURIComponent('华为')}&limit=50`,
      'q=司123 (1,111 cases)': `?q=${encodeURIComponent('司123')}&limit=50`,
    };
    for (const [name, qs] of Object.entries(queries)) {
      // a single request first: a query that takes seconds is reported from 3 sequential requests instead of a load
      // run (10 connections of multi-second queries would time out and keep PostgreSQL busy for the next phases)
      const single = [];
      let items = null;
      for (let k = 0; k < 3; k++) {
        const s0 = performance.now();
        const probe = await fetch(url(qs), { headers: { authorization: `Bearer ${supervisor}` } });
        const probeBody = await probe.json();
        single.push(performance.now() - s0);
        if (probe.status !== 200) throw new Error(`GET ${qs}: HTTP ${probe.status} ${JSON.stringify(probeBody)}`);
        const arr = probeBody.items ?? probeBody.data ?? probeBody;
        items = Array.isArray(arr) ? arr.length : null;
        if (single[0] < SLOW_MS) break;
      }
      if (single[0] >= SLOW_MS) {
        const sorted = [...single].sort((a, b) => a - b);
        list[name] = { slow: true, rps: null, p50Ms: sorted[1], p95Ms: null, p99Ms: null, maxMs: sorted[2], single, items, other: null };
      } else {
        const one = await cannon({ url: url(qs), token: supervisor, connections: 1, durationS: 3 });
        list[name] = { ...(await cannon({ url: url(qs), token: supervisor, connections: 10 })), one, single, items };
      }
    }

    // 4. the deadline sweep at a million cases: the first batches over the whole backlog (every overdue case of the
    // bulk load is new to it), then the steady state once the backlog has been escalated, beside a full count
    const sweepArgs = ['2026-12-04', '2026-12-01', 1000];
    const open = Number(
      (await client.query(`SELECT count(*) FROM cases WHERE status NOT IN ('not_filed', 'closed', 'transferred_out')`)).rows[0].count,
    );
    const backlog = [];
    for (let k = 0; k < 10; k++) {
      const s0 = performance.now();
      const r = await client.query(CASE_SWEEP_SQL, sweepArgs);
      backlog.push({ ms: performance.now() - s0, rows: r.rowCount });
    }
    // what the worker would do with the rest of the backlog, in one statement (not timed), then vacuum as autovacuum would
    await client.query(
      `UPDATE cases SET escalated_for = CASE WHEN status = 'received' THEN filing_decision_due ELSE coalesce(extended_closing_due, closing_due) END
        WHERE status NOT IN ('not_filed', 'closed', 'transferred_out')
          AND CASE WHEN status = 'received' THEN filing_decision_due ELSE coalesce(extended_closing_due, closing_due) END < $1`,
      [sweepArgs[1]],
    );
    await client.query(
      `UPDATE cases SET reminded_for = CASE WHEN status = 'received' THEN filing_decision_due ELSE coalesce(extended_closing_due, closing_due) END
        WHERE status NOT IN ('not_filed', 'closed', 'transferred_out')
          AND CASE WHEN status = 'received' THEN filing_decision_due ELSE coalesce(extended_closing_due, closing_due) END BETWEEN $1 AND $2`,
      [sweepArgs[1], sweepArgs[0]],
    );
    await client.query('VACUUM ANALYZE cases');
    const steady = [];
    for (let k = 0; k < 5; k++) {
      const s0 = performance.now();
      const r = await client.query(CASE_SWEEP_SQL, sweepArgs);
      steady.push({ ms: performance.now() - s0, rows: r.rowCount });
    }
    const counts = [];
    for (let k = 0; k < 3; k++) {
      const s0 = performance.now();
      await client.query('SELECT count(*) FROM cases');
      counts.push(performance.now() - s0);
    }
    const med = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
    const steadyPlan = (await client.query(`EXPLAIN (ANALYZE) ${CASE_SWEEP_SQL}`, sweepArgs)).rows;
    sweep = {
      open,
      backlogBatchMs: med(backlog.map((b) => b.ms)),
      backlogAlerts: backlog.reduce((n, b) => n + b.rows, 0),
      backlogTotalMs: backlog.reduce((n, b) => n + b.ms, 0),
      steadyMs: med(steady.map((b) => b.ms)),
      steadyRows: steady.reduce((n, b) => n + b.rows, 0),
      countMs: med(counts),
      planTop: steadyPlan.map((r) => r['QUERY PLAN']).filter((l) => /Scan|Execution/.test(l)),
    };
  } finally {
    rssPeak = rss.stop().peakKiB;
    await endClient();
    await rmTmp();
    await api.stop();
  }

  printTable(
    `case intake — POST /api/v1/cases as off.binhai1 (unit 120116), ${PHASE_S} s per phase; pgbench replays the same statements`,
    ['connections', 'api 201/s', 'p50 ms', 'p99 ms', 'non-201', 'pgbench tps', 'api / pgbench'],
    [10, 50].map((c) => [
      String(c),
      fmt(intake[c].rps),
      fmt(intake[c].p50Ms, 1),
      fmt(intake[c].p99Ms, 1),
      fmt(intake[c].other),
      fmt(pgb[c].tps),
      fmt(intake[c].rps / pgb[c].tps, 2),
    ]),
    [
      'pgbench replays the statements the api runs for one intake (log_statement = all): session check, org unit, the',
      'receipt number in its own statement, then BEGIN; case, party, event, audit entry; COMMIT; and the case row read back.',
      'the api also parses and validates the body, verifies the JWT, checks scope, maps entities and logs the request;',
      'with 50 connections pgbench queues on the receipt counter row while the api spends its time in node.',
    ],
  );
  printTable(
    `GET /api/v1/cases/:id, 50 connections, ${PHASE_S} s`,
    ['endpoint', 'req/s', 'p50 ms', 'p95 ms', 'p99 ms', 'non-200'],
    [['GET /api/v1/cases/:id', fmt(byId.rps), fmt(byId.p50Ms, 1), fmt(byId.p95Ms, 1), fmt(byId.p99Ms, 1), fmt(byId.other)]],
  );
  printTable(
    `list/search at ${fmt(bulk.cases)} cases — as sup.city (whole city); 1 connection for 3 s, then 10 connections for ${PHASE_S} s (goal p95 < 50 ms)`,
    ['GET /api/v1/cases?…&limit=50', '1 conn p50 ms', '1 conn p95 ms', '10 conns req/s', 'p50 ms', 'p95 ms', 'p99 ms', 'items', 'non-200'],
    Object.entries(list).map(([n, r]) => [
      n + (r.slow ? ' (*)' : ''),
      fmt(r.one?.p50Ms, 1),
      fmt(r.one?.p95Ms, 1),
      fmt(r.rps),
      fmt(r.p50Ms, 1),
      fmt(r.p95Ms, 1),
      fmt(r.p99Ms, 1),
      fmt(r.items),
      fmt(r.other),
    ]),
    [
      ...Object.entries(list)
        .filter(([, r]) => r.slow)
        .map(
          ([n, r]) =>
            `(*) ${n}: first request took ${fmt(r.single[0])} ms (≥ ${SLOW_MS} ms), so no load run; p50 = median of 3 sequential requests (${r.single.map((x) => fmt(x)).join(', ')} ms)`,
        ),
      `bulk load (SQL INSERT … SELECT generate_series, indexes in place): ${fmt(bulk.totalMs / 1000, 1)} s total — cases ${fmt(bulk.stepsMs[0] / 1000, 1)} s, ` +
        `parties ${fmt(bulk.stepsMs[1] / 1000, 1)} s, patents (every 2nd case) ${fmt(bulk.stepsMs[2] / 1000, 1)} s, ANALYZE ${fmt(bulk.stepsMs[3] / 1000, 1)} s`,
      "percentiles are exact, from every 200 answer's latency (autocannon 'response' events)",
    ],
  );
  printTable(
    `deadline sweep at ${fmt(bulk.cases)} cases, ${fmt(sweep.open)} of them open (today 2026-12-01, reminder horizon 2026-12-04, batches of 1,000)`,
    ['phase', 'median ms per sweep', 'alerts'],
    [
      ['backlog: first 10 batches over every overdue case of the load', fmt(sweep.backlogBatchMs, 1), fmt(sweep.backlogAlerts)],
      ['steady state: nothing new (5 sweeps)', fmt(sweep.steadyMs, 1), fmt(sweep.steadyRows)],
      ['baseline: SELECT count(*) FROM cases', fmt(sweep.countMs, 1), '—'],
    ],
    [
      'a sweep reads only running cases not yet escalated for their current due date (partial indexes): the cases due',
      'within the horizon and the newly overdue ones, so its cost follows what is due, not the size of the register',
      ...sweep.planTop.map((l) => `| ${l.trim()}`),
    ],
  );
  printTable(
    'api memory (VmRSS)',
    ['when', 'RSS'],
    [
      ['idle, after start', mib(rssIdleKiB)],
      ['peak during the whole run', mib(rssPeak)],
    ],
  );

  return { phaseS: PHASE_S, intake, pgbench: pgb, getById: byId, bulk, list, sweep, rss: { idleKiB: rssIdleKiB, peakKiB: rssPeak } };
}
