// Hot paths of the api side by side with a baseline that does only the database work: a bare Fastify 5 +
// node-postgres server (bench/bare-server.mjs) that verifies the same JWT and runs exactly the statements the api ran
// for that request, captured from the api at bench time (bench/sql-capture.cjs), as named prepared statements; for
// the intake also pgbench -M prepared of the same statements; for /health/live a bare Fastify hello. Each path is run
// alternately (api, bare, api, bare, …) after an unrecorded warm-up of each; the table gives the medians, the p99s
// and the per-pair ratio api ÷ bare. At 200,000 bulk-loaded cases, so the plans are those of a used register.
// BENCH_CPU_PROF=1: the api runs with --cpu-prof, and the self time of its GET /cases/:id runs (50 connections) is
// printed by npm package (bench/cpu-profile-summary.mjs).
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { cannon, INTAKE_BODY, bulkSql } from './cases.mjs';
import { formatSummary, summarise } from './cpu-profile-summary.mjs';
import {
  appEnv,
  fmt,
  freePort,
  JWT_SECRET,
  login,
  median,
  mib,
  onCleanup,
  pgbench,
  printTable,
  ROOT,
  sampleRss,
  sleep,
  spawnNode,
  startSeededApi,
  waitForStatus,
} from './lib.mjs';
import { compilePlan, describeNotes, pgbenchScript, readCapture } from './replay-plan.mjs';

const PHASE_S = 5;
const WARMUP_S = 1;
const PAIRS = 3;
const BULK_CASES = 200_000;
const POOL_SIZE = 20; // the api's DATABASE_POOL_SIZE default (libs/kernel/src/config/app-config.ts)
const WARM_REQUESTS = 20; // sequential requests per path before the capture (caches, first-use code paths)
const TICKET_BODY = JSON.stringify({
  channel: 'web',
  category: 'consultation',
  caller: { name: '基准来电人' },
  subject: '基准测试',
  description: 'bench',
});
/** The route of each captured request, as the api declares it; the bare server serves the same shape. */
const ROUTES = {
  case: 'GET /api/v1/cases/:id',
  ticket: 'GET /api/v1/hotline/tickets/:id',
  list: 'GET /api/v1/cases',
  intake: 'POST /api/v1/cases',
  live: 'GET /health/live',
};

const hrUs = () => Number(process.hrtime.bigint() / 1000n);

/** One line per statement: whitespace collapsed, TypeORM's long select lists folded, cut to `max` characters. */
export function abbreviate(text, max = 150) {
  let s = text.replace(/\s+/g, ' ').trim();
  s = s.replace(/("\w+"\."\w+" AS "\w+", ){3,}("\w+"\."\w+" AS "\w+")/g, (m) => `${m.split(', ')[0]}, …`);
  s = s.replace(/\(("\w+", ){4,}"\w+"\)/g, (m) => `(${m.slice(1).split(', ')[0]}, …)`);
  s = s.replace(/VALUES \((DEFAULT|\$\d+)(, (DEFAULT|\$\d+)){4,}\)/g, 'VALUES (…)');
  return s.length > max ? `${s.slice(0, max - 1)}…` : s;
}

/** The parameter types PostgreSQL infers for a statement (PREPARE + pg_prepared_statements), or [] when not preparable. */
async function parameterTypes(client, text, i) {
  if (!/\$\d/.test(text)) return [];
  const name = `bench_types_${i}`;
  try {
    await client.query(`PREPARE ${name} AS ${text}`);
    const { rows } = await client.query('SELECT parameter_types::text[] AS t FROM pg_prepared_statements WHERE name = $1', [name]);
    return rows[0]?.t ?? [];
  } catch {
    return [];
  } finally {
    await client.query(`DEALLOCATE ${name}`).catch(() => undefined);
  }
}

const stats = (xs) => (xs.length ? { min: Math.min(...xs), median: median(xs), max: Math.max(...xs) } : null);
const summary = (runs) => ({
  rps: median(runs.map((r) => r.rps)),
  p99Ms: median(runs.filter((r) => r.p99Ms != null).map((r) => r.p99Ms)),
  other: runs.reduce((n, r) => n + (r.other ?? r.failed ?? 0), 0),
  runs,
});

export async function run() {
  const cpuProf = process.env.BENCH_CPU_PROF === '1';
  const tmp = await mkdtemp(path.join(os.tmpdir(), 'ped-bench-hotpaths-'));
  const rmTmp = onCleanup(() => rm(tmp, { recursive: true, force: true }));
  const captureFile = path.join(tmp, 'capture.jsonl');
  const profDir = path.join(tmp, 'cpuprof');
  const api = await startSeededApi(
    { RUN_WORKER: 'false', BENCH_SQL_CAPTURE: captureFile },
    { nodeArgs: ['-r', path.join(ROOT, 'bench/sql-capture.cjs'), ...(cpuProf ? ['--cpu-prof', `--cpu-prof-dir=${profDir}`] : [])] },
  );
  const client = new pg.Client({ connectionString: api.db.url });
  await client.connect();
  const endClient = onCleanup(() => client.end());
  let bare = null;
  let hello = null;
  const result = { phaseS: PHASE_S, warmupS: WARMUP_S, pairs: PAIRS, paths: {}, captured: {}, substitutions: {} };
  let rss = null;
  const profWindows = [];
  try {
    const officer = await login(api.base, 'off.binhai1');
    const operator = await login(api.base, 'op.12330');
    const send = async (url, { method = 'GET', token, body, headers = {}, okStatus = method === 'POST' ? 201 : 200 } = {}) => {
      const res = await fetch(url, {
        method,
        headers: {
          ...(token ? { authorization: `Bearer ${token}` } : {}),
          ...(body ? { 'content-type': 'application/json' } : {}),
          ...headers,
        },
        body,
      });
      const text = await res.text();
      if (res.status !== okStatus) throw new Error(`${method} ${url}: HTTP ${res.status} ${text.slice(0, 500)}`);
      return { res, json: text ? JSON.parse(text) : null };
    };

    // 1. setup: a case of off.binhai1's unit (an intake through the api), a ticket (through the api), 200k cases
    const caseId = (await send(`${api.base}/api/v1/cases`, { method: 'POST', token: officer, body: INTAKE_BODY })).json.id;
    const ticketId = (await send(`${api.base}/api/v1/hotline/tickets`, { method: 'POST', token: operator, body: TICKET_BODY })).json.id;
    const t0 = performance.now();
    await client.query(`SET maintenance_work_mem = '256MB'`);
    for (const sql of bulkSql(BULK_CASES)) await client.query(sql);
    result.bulk = {
      cases: Number((await client.query('SELECT count(*) FROM cases')).rows[0].count),
      loadS: (performance.now() - t0) / 1000,
    };

    const paths = [
      { key: 'case@50', name: 'GET /cases/:id', label: 'case', url: `/api/v1/cases/${caseId}`, token: officer, connections: 50 },
      { key: 'case@10', name: 'GET /cases/:id', label: 'case', url: `/api/v1/cases/${caseId}`, token: officer, connections: 10 },
      {
        key: 'ticket@50',
        name: 'GET /hotline/tickets/:id',
        label: 'ticket',
        url: `/api/v1/hotline/tickets/${ticketId}`,
        token: operator,
        connections: 50,
      },
      { key: 'list@50', name: 'GET /cases?limit=20', label: 'list', url: '/api/v1/cases?limit=20', token: officer, connections: 50 },
      ...[10, 50].map((connections) => ({
        key: `intake@${connections}`,
        name: 'POST /cases (intake)',
        label: 'intake',
        url: '/api/v1/cases',
        method: 'POST',
        body: INTAKE_BODY,
        okStatus: 201,
        token: officer,
        connections,
        pgbench: true,
      })),
      { key: 'live@50', name: 'GET /health/live', label: 'live', url: '/health/live', connections: 50, hello: true },
    ];
    const byLabel = new Map(paths.map((p) => [p.label, p]));

    // 2. capture: warm each path up, then one request with the header; then the hooks come off
    // the answer of the captured request is the bare server's answer too: a baseline sends the same bytes
    const answers = {};
    for (const p of byLabel.values()) {
      for (let k = 0; k < WARM_REQUESTS; k++) await send(`${api.base}${p.url}`, p);
      answers[p.label] = (await send(`${api.base}${p.url}`, { ...p, headers: { 'x-bench-capture': p.label } })).json;
    }
    await send(`${api.base}/health/live`, { headers: { 'x-bench-capture-off': '1' } });
    await sleep(100);
    await send(`${api.base}/health/live`, { headers: { 'x-bench-capture': 'after-off' } });
    const capture = readCapture(captureFile);
    if (capture.has('after-off')) throw new Error('sql-capture: the hooks are still on after x-bench-capture-off');
    const plans = {};
    for (const label of byLabel.keys()) {
      const entry = capture.get(label);
      if (!entry) throw new Error(`nothing captured for ${label}`);
      plans[label] = compilePlan(entry, ROUTES[label], { body: byLabel.get(label).body ?? '' });
      const plan = plans[label];
      result.captured[label] = {
        route: ROUTES[label],
        statements: plan.statements.length,
        connections: new Set(plan.statements.map((s) => s.conn)).size,
        texts: plan.statements.map((s) => s.text),
        errors: plan.statements.filter((s) => s.error).map((s) => s.error),
        inlined: plan.inlined,
      };
      result.substitutions[label] = describeNotes(plan);
    }

    // 3. the baselines: bare server (routes from the capture), Fastify hello, the intake's pgbench script
    const barePort = await freePort();
    const bareConfig = path.join(tmp, 'bare.json');
    const replayed = [...byLabel.keys()].filter((l) => l !== 'live');
    await writeFile(
      bareConfig,
      JSON.stringify({
        port: barePort,
        databaseUrl: api.db.url,
        jwtSecret: JWT_SECRET,
        poolSize: POOL_SIZE,
        capture: captureFile,
        routes: Object.fromEntries(replayed.map((l) => [l, ROUTES[l]])),
        bodies: Object.fromEntries(replayed.map((l) => [l, byLabel.get(l).body ?? ''])),
        answers: Object.fromEntries(replayed.map((l) => [l, answers[l]])),
      }),
    );
    bare = spawnNode([path.join(ROOT, 'bench/bare-server.mjs'), bareConfig], { name: 'bare-server', env: appEnv({}) });
    const stopBare = onCleanup(() => bare.stop('SIGINT'));
    const bareBase = `http://127.0.0.1:${barePort}`;
    await waitForStatus(`${bareBase}/__bare/ready`, { proc: bare, timeoutMs: 15_000 });
    for (const label of replayed) {
      const p = byLabel.get(label);
      const { res } = await send(`${bareBase}${p.url}`, p);
      const n = Number(res.headers.get('x-bench-statements'));
      if (n !== plans[label].statements.length)
        throw new Error(`bare ${label}: ran ${n} statements, the api ${plans[label].statements.length}`);
      result.captured[label].answerBytes = Buffer.byteLength(JSON.stringify(answers[label]));
    }
    const helloPort = await freePort();
    hello = spawnNode([path.join(ROOT, 'bench/fastify-hello.mjs')], { name: 'fastify-hello', env: appEnv({ PORT: String(helloPort) }) });
    const stopHello = onCleanup(() => hello.stop('SIGINT'));
    const helloBase = `http://127.0.0.1:${helloPort}`;
    await waitForStatus(`${helloBase}/`, { proc: hello, timeoutMs: 15_000 });

    const intakePlan = plans.intake;
    const types = [];
    for (const [i, s] of intakePlan.statements.entries()) types.push(await parameterTypes(client, s.text, i));
    const pgb = pgbenchScript(intakePlan, types);
    const scriptFile = path.join(tmp, 'intake.pgbench.sql');
    await writeFile(scriptFile, pgb.script);
    result.pgbenchScript = pgb.script;
    result.pgbenchNotes = pgb.notes;

    // 4. the load: per path api / bare (/ pgbench) alternately, each warmed up first
    rss = sampleRss(api.proc.pid);
    for (const p of paths) {
      const http = (base, urlPath) => (durationS) =>
        cannon({
          url: `${base}${urlPath}`,
          method: p.method ?? 'GET',
          token: p.token ?? 'none',
          body: p.body,
          connections: p.connections,
          okStatus: p.okStatus ?? 200,
          durationS,
          warmupS: 0,
        });
      const targets = [
        { name: 'api', run: http(api.base, p.url) },
        { name: 'bare', run: p.hello ? http(helloBase, '/') : http(bareBase, p.url) },
        ...(p.pgbench
          ? [
              {
                name: 'pgbench',
                run: (durationS) => pgbench(api.db.url, scriptFile, p.connections, durationS, { mode: 'prepared', latencies: true }),
              },
            ]
          : []),
      ];
      for (const t of targets) await t.run(WARMUP_S);
      const runs = Object.fromEntries(targets.map((t) => [t.name, []]));
      for (let k = 0; k < PAIRS; k++) {
        for (const t of targets) {
          const from = hrUs();
          const r = await t.run(PHASE_S);
          if (t.name === 'pgbench') r.rps = r.tps;
          if (t.name === 'api' && p.key === 'case@50') profWindows.push([from, hrUs()]);
          runs[t.name].push(r);
        }
      }
      const entry = { name: p.name, connections: p.connections, label: p.label };
      for (const [name, rs] of Object.entries(runs)) entry[name] = summary(rs);
      entry.ratio = stats(runs.api.map((r, k) => r.rps / runs.bare[k].rps));
      if (runs.pgbench) entry.ratioPgbench = stats(runs.api.map((r, k) => r.rps / runs.pgbench[k].rps));
      result.paths[p.key] = entry;
      console.log(
        `  ${p.name} @${p.connections}: api ${fmt(entry.api.rps)}/s, ${p.hello ? 'hello' : 'bare'} ${fmt(entry.bare.rps)}/s` +
          (entry.pgbench ? `, pgbench ${fmt(entry.pgbench.rps)} tps` : '') +
          ` (ratio ${fmt(entry.ratio.median, 2)})`,
      );
    }
    result.rss = rss.stop();
    rss = null;
    await stopBare();
    await stopHello();
  } catch (err) {
    console.error(`api output:\n${api.proc.output(40)}`);
    if (bare) console.error(`bare server output:\n${bare.output(40)}`);
    throw err;
  } finally {
    if (rss) rss.stop();
    await endClient();
    await api.stop(); // SIGINT: the api exits cleanly, so --cpu-prof writes its profile
  }

  if (cpuProf) {
    const files = (await readdir(profDir).catch(() => [])).filter((f) => f.endsWith('.cpuprofile'));
    if (files.length) {
      const profile = JSON.parse(await readFile(path.join(profDir, files[0]), 'utf8'));
      result.cpuProfile = { getCaseById50: summarise(profile, { windows: profWindows }), whole: summarise(profile) };
    } else result.cpuProfile = { error: 'no .cpuprofile written (did the api exit cleanly?)' };
  }
  await rmTmp();

  // ---------------------------------------------------------------- report
  console.log('\nstatements the api sent per request (captured; #n [pg connection]):');
  for (const [label, c] of Object.entries(result.captured)) {
    console.log(`  ${c.route}: ${c.statements} statement${c.statements === 1 ? '' : 's'} on ${c.connections} connection(s)`);
    const plan = c.texts;
    plan.forEach((t, i) => console.log(`    #${i} ${abbreviate(t)}`));
    for (const n of result.substitutions[label]) console.log(`      ${n}`);
    for (const e of c.errors) console.log(`      captured error: ${e}`);
    for (const v of c.inlined) console.log(`      WARNING: #${v.statement} has a per-request value in its text: ${v.value}`);
  }
  if (result.pgbenchNotes.length) for (const n of result.pgbenchNotes) console.log(`  pgbench: ${n}`);

  const range = (s) => (s ? `${fmt(s.min, 2)} / ${fmt(s.median, 2)} / ${fmt(s.max, 2)}` : '-');
  const rows = [];
  for (const e of Object.values(result.paths)) {
    const c = result.captured[e.label];
    const count = `${c.statements}${c.connections > 1 ? ` (${c.connections} conns)` : ''}${c.answerBytes ? `, answer ${fmt(c.answerBytes)} B` : ''}`;
    rows.push([
      `${e.name} @${e.connections}`,
      fmt(e.api.rps),
      fmt(e.api.p99Ms, 1),
      fmt(e.bare.rps),
      fmt(e.bare.p99Ms, 1),
      range(e.ratio),
      e.label === 'live' ? '0 (bare: Fastify hello)' : count,
    ]);
    if (e.pgbench)
      rows.push([
        `  pgbench -M prepared -c ${e.connections}`,
        '',
        '',
        fmt(e.pgbench.rps),
        fmt(e.pgbench.p99Ms, 1),
        range(e.ratioPgbench),
        count,
      ]);
  }
  const failures = Object.entries(result.paths).flatMap(([k, e]) =>
    ['api', 'bare', 'pgbench'].filter((t) => e[t]?.other).map((t) => `${k} ${t}: ${fmt(e[t].other)} non-2xx/failed`),
  );
  printTable(
    `hot paths: api vs bare Fastify + pg replaying the api's captured statements (named prepared), ${fmt(result.bulk.cases)} cases; ` +
      `${PAIRS} alternating pairs of ${PHASE_S} s after ${WARMUP_S} s warm-ups`,
    ['path', 'api req/s (median)', 'api p99 ms', 'bare req/s', 'bare p99 ms', 'ratio min/median/max', 'statements'],
    rows,
    [
      "ratio = api req/s ÷ bare req/s of the same pair (for pgbench rows: api ÷ pgbench tps); p99 = median of the runs' p99s",
      'bare: verifies the HS256 token, replays the statements in order on one client (the api may spread them over two),',
      "answers the api's own answer to the captured request (serialized per request: the same bytes, none of the mapping);",
      "pgbench: the intake's statements with literals, \\gset for the results it passes on",
      ...(failures.length
        ? failures.map((f) => `WARNING: ${f}`)
        : ["every answer counted was 2xx (bare: statement count per request = the capture's)"]),
      `api RSS peak during the load: ${mib(result.rss.peakKiB)} (${result.rss.samples} samples)`,
      `bulk load of ${fmt(BULK_CASES)} cases: ${fmt(result.bulk.loadS, 1)} s`,
    ],
  );
  if (result.cpuProfile?.getCaseById50) {
    console.log('\napi CPU self time by package during GET /cases/:id @50 (api runs only):');
    for (const l of formatSummary(result.cpuProfile.getCaseById50)) console.log(`  ${l}`);
  } else if (result.cpuProfile) console.log(`\ncpu profile: ${result.cpuProfile.error}`);
  return result;
}
