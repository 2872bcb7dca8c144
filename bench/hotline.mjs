// Hotline: ticket creation (POST /api/v1/hotline/tickets) with duplicate detection on, at 1,000,000 existing tickets
// bulk-loaded with SQL, beside the same endpoint with nothing to look up and a pgbench replay of the three duplicate
// lookups; EXPLAIN of each lookup (index use); the early-warning job (cli hotline:early-warning) over the 1M tickets.
import { createHmac } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import autocannon from 'autocannon';
import pg from 'pg';
import { fmt, JWT_SECRET, login, onCleanup, percentile, printTable, runCli, startSeededApi, DISTRICTS_SQL, pgbench } from './lib.mjs';

const PHASE_S = 8;
const WARMUP_S = 2;
const CONNECTIONS = 50;
const TICKETS = 1_000_000;
const RESPONDENTS = 50_000;
const PATENTS = 20_000;
const PHONES = 100;
const BLIND_KEY = Buffer.alloc(32, 9);

const WEIGHTS = [2, 3, 4, 5, 6, 7, 8, 9, 2, 3, 4, 5];
const check = (digits) => {
  const r = [...digits].reduce((s, d, i) => s + Number(d) * WEIGHTS[i], 0) % 11;
  return r === 10 ? 'X' : String(r);
};
const patentDigits = (n) => `20231${String(n).padStart(7, '0')}`;
const PATENT_NORMALIZED = Array.from({ length: PATENTS }, (_, n) => `${patentDigits(n)}.${check(patentDigits(n))}`);
const PHONE = Array.from({ length: PHONES }, (_, n) => `1390000${String(n).padStart(4, '0')}`);
const PHONE_INDEX = PHONE.map((p) => createHmac('sha256', BLIND_KEY).update(p, 'utf8').digest('hex'));

// 1M tickets over the last 365 days (≈ 82k in any 30-day window): 50,000 respondents (≈ 1.6 tickets each per 30 days),
// every 2nd ticket with one of 20,000 patents, every 1,000th with one of the 100 bench phones, 20 industries.
const BULK_SQL = [
  `INSERT INTO hotline_tickets (id, ticket_no, channel, category, status, callback_recorded, caller_name, caller_phone_masked,
                                caller_phone_index, subject, description, respondent_name, respondent_key, industry, industry_key,
                                patent_numbers, org_unit_code, first_response_due, resolution_due, created_at, updated_at)
   SELECT md5('bench-ticket-' || i)::uuid, '12330-B-' || i, (ARRAY['phone','web','email','letter','visit'])[1 + i % 5],
          (ARRAY['consultation','complaint','report','assistance'])[1 + i % 4], CASE WHEN i % 10 < 8 THEN 'closed' ELSE 'in_progress' END,
          true, '来电人', '139****0000', CASE WHEN i % 1000 = 0 THEN ($2::text[])[1 + (i / 1000) % ${PHONES}] ELSE 'bulk' || (i % 300000) END,
          'bulk', 'bulk', '被反映公司' || (i % ${RESPONDENTS}) || '有限公司', '被反映公司' || (i % ${RESPONDENTS}),
          '行业' || (i % 20), '行业' || (i % 20),
          CASE WHEN i % 2 = 0 THEN ARRAY[($1::text[])[1 + (i / 2) % ${PATENTS}]] ELSE '{}' END, ${DISTRICTS_SQL}[1 + i % 16],
          ts::date + 3, ts::date + 19, ts, ts
     FROM (SELECT i, now() - ((i::bigint * 7919) % (365 * 86400)) * interval '1 second' AS ts FROM generate_series(1, ${TICKETS}) i) g`,
  `INSERT INTO hotline_ticket_patents (ticket_id, normalized, created_at)
   SELECT id, patent_numbers[1], created_at FROM hotline_tickets WHERE cardinality(patent_numbers) > 0`,
  'ANALYZE hotline_tickets, hotline_ticket_patents',
];

// HotlineService.findDuplicates, one statement per rule (the service runs them as one UNION ALL)
const LOOKUPS = {
  respondent: `SELECT id, ticket_no FROM hotline_tickets WHERE respondent_key = $1 AND created_at >= now() - interval '30 days'
                ORDER BY created_at DESC LIMIT 20`,
  patent: `SELECT t.id, t.ticket_no FROM (SELECT DISTINCT ticket_id, created_at FROM hotline_ticket_patents
              WHERE normalized = ANY($1::text[]) AND created_at >= now() - interval '30 days' ORDER BY created_at DESC LIMIT 20) p
            JOIN hotline_tickets t ON t.id = p.ticket_id`,
  caller_phone: `SELECT id, ticket_no FROM hotline_tickets WHERE caller_phone_index = $1 AND created_at >= now() - interval '30 days'
                  ORDER BY created_at DESC LIMIT 20`,
};

const PGBENCH_SCRIPT = `\\set k random(0, ${RESPONDENTS - 1})
\\set p random(0, ${PATENTS - 1})
\\set ph random(0, ${PHONES - 1})
(SELECT id, ticket_no FROM hotline_tickets WHERE respondent_key = '被反映公司' || :k AND created_at >= now() - interval '30 days' ORDER BY created_at DESC LIMIT 20)
UNION ALL
(SELECT t.id, t.ticket_no FROM (SELECT DISTINCT ticket_id, created_at FROM hotline_ticket_patents
   WHERE normalized = ANY(ARRAY[(SELECT normalized FROM bench_patents WHERE n = :p)]) AND created_at >= now() - interval '30 days'
   ORDER BY created_at DESC LIMIT 20) p JOIN hotline_tickets t ON t.id = p.ticket_id)
UNION ALL
(SELECT id, ticket_no FROM hotline_tickets WHERE caller_phone_index = (SELECT idx FROM bench_phones WHERE n = :ph)
   AND created_at >= now() - interval '30 days' ORDER BY created_at DESC LIMIT 20);
`;

/** autocannon POSTing a fresh body per request (`makeBody(n)`); exact percentiles from every 201's latency. */
async function post(url, token, makeBody) {
  let n = 0;
  const once = (duration, record) =>
    new Promise((resolve, reject) => {
      const lat = [];
      const codes = {};
      const inst = autocannon(
        {
          url,
          connections: CONNECTIONS,
          duration,
          timeout: 10,
          requests: [
            {
              method: 'POST',
              headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
              setupRequest: (req) => ({ ...req, body: JSON.stringify(makeBody(n++)) }),
            },
          ],
        },
        (err, r) => (err ? reject(err) : resolve({ r, lat, codes })),
      );
      if (record)
        inst.on('response', (_c, status, _b, ms) => {
          codes[status] = (codes[status] ?? 0) + 1;
          if (status === 201) lat.push(ms);
        });
    });
  await once(WARMUP_S, false);
  const { r, lat, codes } = await once(PHASE_S, true);
  lat.sort((a, b) => a - b);
  return {
    rps: lat.length / r.duration,
    ok: lat.length,
    codes,
    p50Ms: lat.length ? percentile(lat, 50) : null,
    p99Ms: lat.length ? percentile(lat, 99) : null,
    maxMs: lat.length ? lat[lat.length - 1] : null,
  };
}

const execMs = (plan) => Number(/Execution Time: ([\d.]+) ms/.exec(plan.join('\n'))?.[1]);

export async function run() {
  const env = { HOTLINE_BLIND_INDEX_KEY: BLIND_KEY.toString('base64') };
  // RUN_WORKER=false: the worker's periodic early-warning run must not race the timed cli run
  const api = await startSeededApi({ ...env, RUN_WORKER: 'false' });
  const tmp = await mkdtemp(path.join(os.tmpdir(), 'ped-bench-hotline-'));
  const rmTmp = onCleanup(() => rm(tmp, { recursive: true, force: true }));
  const client = new pg.Client({ connectionString: api.db.url });
  await client.connect();
  const endClient = onCleanup(() => client.end());
  const url = `${api.base}/api/v1/hotline/tickets`;
  let bulk, withDup, noDup, pgb, plans, warning, dupHits;
  try {
    const op = await login(api.base, 'op.12330');

    const t0 = performance.now();
    await client.query(`SET maintenance_work_mem = '256MB'`);
    const steps = [];
    for (const sql of BULK_SQL) {
      const s0 = performance.now();
      await client.query(sql, sql.includes('$2') ? [PATENT_NORMALIZED, PHONE_INDEX] : []);
      steps.push(performance.now() - s0);
    }
    bulk = {
      totalMs: performance.now() - t0,
      stepsMs: steps,
      tickets: Number((await client.query('SELECT count(*) FROM hotline_tickets')).rows[0].count),
    };

    // every request carries a respondent, a patent and a phone that exist in the bulk data: three real lookups, with hits
    const dupBody = (n) => ({
      channel: 'phone',
      category: 'complaint',
      caller: { name: '基准来电人', phone: PHONE[n % PHONES] },
      subject: '基准测试',
      description: 'bench',
      respondentName: `被反映公司${(n * 7) % RESPONDENTS}有限公司`,
      patentNumbers: [`ZL${PATENT_NORMALIZED[(n * 13) % PATENTS]}`],
    });
    // the same insert path with nothing to look up (no respondent, patent or phone): the baseline without detection
    const plainBody = () => ({
      channel: 'web',
      category: 'consultation',
      caller: { name: '基准来电人' },
      subject: '基准测试',
      description: 'bench',
    });
    const probe = await fetch(url, {
      method: 'POST',
      headers: { authorization: `Bearer ${op}`, 'content-type': 'application/json' },
      body: JSON.stringify(dupBody(1)),
    });
    dupHits = (await probe.json()).possibleDuplicates?.length ?? null;
    noDup = await post(url, op, plainBody);
    withDup = await post(url, op, dupBody);

    await client.query(
      `CREATE TABLE bench_patents AS SELECT n - 1 AS n, v AS normalized FROM unnest($1::text[]) WITH ORDINALITY AS u(v, n)`,
      [PATENT_NORMALIZED],
    );
    await client.query(`CREATE TABLE bench_phones AS SELECT n - 1 AS n, v AS idx FROM unnest($1::text[]) WITH ORDINALITY AS u(v, n)`, [
      PHONE_INDEX,
    ]);
    const script = path.join(tmp, 'lookup.sql');
    await writeFile(script, PGBENCH_SCRIPT);
    pgb = await pgbench(api.db.url, script, CONNECTIONS, PHASE_S);

    plans = {};
    const args = { respondent: ['被反映公司123'], patent: [[PATENT_NORMALIZED[123]]], caller_phone: [PHONE_INDEX[7]] };
    for (const [rule, sql] of Object.entries(LOOKUPS)) {
      const plan = (await client.query(`EXPLAIN (ANALYZE, BUFFERS) ${sql}`, args[rule])).rows.map((r) => r['QUERY PLAN']);
      plans[rule] = {
        ms: execMs(plan),
        indexUsed: /Index (Only )?Scan|Bitmap Index Scan/.test(plan.join('\n')),
        seqScan: /Seq Scan/.test(plan.join('\n')),
        plan,
      };
    }

    // early warning over the 1M tickets: the real job, twice (first raises, second is the steady state)
    const cliEnv = { DATABASE_URL: api.db.url, JWT_SECRET, LOG_LEVEL: 'warn', ...env };
    const parse = (out) =>
      JSON.parse(
        out
          .split('\n')
          .filter((l) => l.startsWith('{'))
          .pop(),
      );
    const first = parse(await runCli(['hotline:early-warning'], cliEnv));
    const second = parse(await runCli(['hotline:early-warning'], cliEnv));
    const s0 = performance.now();
    await client.query('SELECT count(*) FROM hotline_tickets');
    const countMs = performance.now() - s0;
    const groupPlan = (
      await client.query(`EXPLAIN (ANALYZE, BUFFERS) SELECT respondent_key, count(*) FROM hotline_tickets
                           WHERE created_at >= now() - interval '30 days' AND respondent_key IS NOT NULL
                           GROUP BY respondent_key HAVING count(*) >= 5`)
    ).rows.map((r) => r['QUERY PLAN']);
    warning = { first, second, countMs, groupMs: execMs(groupPlan), groupPlanTop: groupPlan.slice(0, 8) };
  } catch (err) {
    console.error(`api output:\n${api.proc.output(60)}`);
    throw err;
  } finally {
    await endClient();
    await rmTmp();
    await api.stop();
  }

  printTable(
    `ticket creation at ${fmt(bulk.tickets)} existing tickets — POST /api/v1/hotline/tickets as op.12330, ${CONNECTIONS} connections, ${PHASE_S} s (aim: p99 < 50 ms)`,
    ['run', '201/s', 'p50 ms', 'p99 ms', 'max ms', 'non-201'],
    [
      [
        'duplicate detection on (respondent + patent + phone, with hits)',
        fmt(withDup.rps),
        fmt(withDup.p50Ms, 1),
        fmt(withDup.p99Ms, 1),
        fmt(withDup.maxMs),
        fmt(
          Object.entries(withDup.codes)
            .filter(([k]) => k !== '201')
            .reduce((s, [, v]) => s + v, 0),
        ),
      ],
      [
        'baseline: nothing to look up (same insert path)',
        fmt(noDup.rps),
        fmt(noDup.p50Ms, 1),
        fmt(noDup.p99Ms, 1),
        fmt(noDup.maxMs),
        fmt(
          Object.entries(noDup.codes)
            .filter(([k]) => k !== '201')
            .reduce((s, [, v]) => s + v, 0),
        ),
      ],
      ['baseline: pgbench, the three lookups alone (tps, avg latency)', fmt(pgb.tps), fmt(pgb.latencyAvgMs, 2), '-', '-', '-'],
    ],
    [
      `a sample request found ${dupHits} possible duplicates; with detection on / off: ${fmt(withDup.rps / noDup.rps, 2)}×`,
      'ticket numbers are gapless per year: every creation updates one number_sequences row, so creations serialise on it;',
      'the number is taken last in the transaction (after the lookups) to keep that lock short.',
      `bulk load: ${fmt(bulk.totalMs / 1000, 1)} s (tickets ${fmt(bulk.stepsMs[0] / 1000, 1)} s, patents ${fmt(bulk.stepsMs[1] / 1000, 1)} s, ANALYZE ${fmt(bulk.stepsMs[2] / 1000, 1)} s)`,
    ],
  );
  printTable(
    'duplicate lookups — EXPLAIN (ANALYZE, BUFFERS), 30-day window',
    ['rule', 'execution ms', 'index used', 'seq scan'],
    Object.entries(plans).map(([rule, p]) => [rule, fmt(p.ms, 2), p.indexUsed ? 'yes' : 'NO', p.seqScan ? 'YES' : 'no']),
    Object.entries(plans).flatMap(([rule, p]) => [`${rule}:`, ...p.plan.slice(0, 6).map((l) => `| ${l}`)]),
  );
  printTable(
    `early warning over ${fmt(bulk.tickets)} tickets (cli hotline:early-warning; window 30 days, thresholds respondent 5, patent 5, industry 20)`,
    ['run', 'ms', 'raised', 'cleared'],
    [
      ['first run (raises)', fmt(warning.first.elapsedMs), fmt(warning.first.raised), fmt(warning.first.cleared)],
      ['second run (steady state)', fmt(warning.second.elapsedMs), fmt(warning.second.raised), fmt(warning.second.cleared)],
      ['baseline: SELECT count(*) FROM hotline_tickets', fmt(warning.countMs), '-', '-'],
      ['the respondent GROUP BY alone', fmt(warning.groupMs), '-', '-'],
    ],
    warning.groupPlanTop.map((l) => `| ${l}`),
  );

  return {
    tickets: bulk.tickets,
    bulkLoadS: bulk.totalMs / 1000,
    createWithDuplicateDetection: withDup,
    createWithoutLookups: noDup,
    pgbenchLookups: pgb,
    duplicateLookupPlans: Object.fromEntries(
      Object.entries(plans).map(([k, v]) => [k, { ms: v.ms, indexUsed: v.indexUsed, seqScan: v.seqScan }]),
    ),
    earlyWarning: { first: warning.first, second: warning.second, countMs: warning.countMs, groupMs: warning.groupMs },
  };
}
