// The audit trail's cost on the write path, straight against PostgreSQL (pg Pool of 16, 16 async loops, 5 s
// per phase) on a migrated bench database:
//   (a) baseline: BEGIN; INSERT a business-shaped row; COMMIT
//   (b) (a) + the INSERT INTO audit_entries of libs/audit/src/audit.writer.ts (same SQL, one record)
//   (c) (b) while the worker (dist/apps/worker, AUDIT_SEAL_INTERVAL_MS=200) seals the hash chain concurrently
// then how long the sealer needs after the load stops until every entry is sealed.
import { randomUUID } from 'node:crypto';
import pg from 'pg';
import {
  JWT_SECRET,
  REDIS_URL,
  WORKER_MAIN,
  appEnv,
  createBenchDb,
  deleteRedisKeys,
  fmt,
  onCleanup,
  percentile,
  printTable,
  rand,
  runCli,
  sleep,
  spawnNode,
} from './lib.mjs';

const CLIENTS = 16;
const PHASE_MS = 5_000;
const SEAL_TIMEOUT_MS = 30_000;

// copied from AuditWriter.writeMany (libs/audit/src/audit.writer.ts)
const AUDIT_SQL = `INSERT INTO audit_entries (at, actor_id, on_behalf_of_id, action, entity_type, entity_id, org_unit_code, before, after, request_id, ip)
       SELECT $1::timestamptz, $2::uuid, $3::uuid, r.action, r.entity_type, r.entity_id, r.org_unit_code, r.before::jsonb, r.after::jsonb, $4, $5
         FROM unnest($6::text[], $7::text[], $8::text[], $9::text[], $10::text[], $11::text[])
              AS r(action, entity_type, entity_id, org_unit_code, before, after)`;
const UNSEALED_SQL =
  'SELECT count(*)::int AS n FROM audit_entries e WHERE NOT EXISTS (SELECT 1 FROM audit_chain c WHERE c.entry_id = e.id)';

const ACTOR_ID = randomUUID();
let seq = 0;
function payload() {
  seq++;
  return {
    caseNo: `津知执〔2026〕${100000 + seq}号`,
    title: 'bench: suspected patent infringement, online store listing',
    status: 'filed',
    orgUnitCode: '120116',
    patentNo: `ZL2024${String(seq).padStart(7, '0')}.X`,
    parties: [
      { role: 'requester', name: 'Bench Tech Co., Ltd.' },
      { role: 'respondent', name: 'Example Trading Co.' },
    ],
  };
}

async function phase(pool, withAudit, ms = PHASE_MS) {
  const latencies = [];
  const end = performance.now() + ms;
  const loop = async () => {
    while (performance.now() < end) {
      const t0 = performance.now();
      const c = await pool.connect();
      try {
        await c.query('BEGIN');
        const p = payload();
        const { rows } = await c.query('INSERT INTO bench_rows (payload) VALUES ($1::jsonb) RETURNING id', [JSON.stringify(p)]);
        if (withAudit) {
          await c.query(AUDIT_SQL, [
            new Date().toISOString(),
            ACTOR_ID,
            null,
            `req-${seq}`,
            '127.0.0.1',
            ['case.created'],
            ['case'],
            [String(rows[0].id)],
            ['120116'],
            [null],
            [JSON.stringify(p)],
          ]);
        }
        await c.query('COMMIT');
      } catch (err) {
        await c.query('ROLLBACK').catch(() => undefined);
        throw err;
      } finally {
        c.release();
      }
      latencies.push(performance.now() - t0);
    }
  };
  const t0 = performance.now();
  await Promise.all(Array.from({ length: CLIENTS }, loop));
  const elapsed = performance.now() - t0;
  latencies.sort((a, b) => a - b);
  return {
    txPerS: (latencies.length / elapsed) * 1000,
    tx: latencies.length,
    p50Ms: percentile(latencies, 50),
    p99Ms: percentile(latencies, 99),
  };
}

/** Polls until no audit entry is left unsealed; returns ms waited (null on timeout). */
async function waitSealed(pool, timeoutMs) {
  const t0 = performance.now();
  while (performance.now() - t0 < timeoutMs) {
    const { rows } = await pool.query(UNSEALED_SQL);
    if (rows[0].n === 0) return performance.now() - t0;
    await sleep(50);
  }
  return null;
}

export async function run() {
  const tag = rand();
  const prefix = `bench${tag}`;
  const db = await createBenchDb(tag);
  const dropKeys = onCleanup(() => deleteRedisKeys(prefix));
  await runCli(['migrate'], { DATABASE_URL: db.url, JWT_SECRET, LOG_LEVEL: 'warn' });
  const pool = new pg.Pool({ connectionString: db.url, max: CLIENTS + 1 }); // +1 for the pollers, outside the 16 loops
  pool.on('error', () => undefined);
  const endPool = onCleanup(() => pool.end());
  let a, b, c, backlog, drainMs, lagMs, unsealedAfter;
  let maxBacklog = 0;
  try {
    await pool.query(
      'CREATE TABLE bench_rows (id bigserial PRIMARY KEY, payload jsonb NOT NULL, created_at timestamptz NOT NULL DEFAULT now())',
    );
    await phase(pool, true, 1_000); // warm-up (connections, both tables), not recorded
    a = await phase(pool, false);
    b = await phase(pool, true);

    const worker = spawnNode([WORKER_MAIN], {
      name: 'worker',
      env: appEnv({ DATABASE_URL: db.url, REDIS_URL, QUEUE_PREFIX: prefix, JWT_SECRET, AUDIT_SEAL_INTERVAL_MS: '200', LOG_LEVEL: 'info' }),
    });
    const stopWorker = onCleanup(() => worker.stop('SIGTERM'));
    await worker.waitFor(/worker started/, 30_000);
    // the entries of (b) (and the warm-up) are unsealed: let the sealer catch up before (c) starts
    backlog = (await pool.query(UNSEALED_SQL)).rows[0].n;
    drainMs = await waitSealed(pool, SEAL_TIMEOUT_MS);
    if (drainMs === null)
      throw new Error(`the worker did not seal the backlog of ${backlog} within ${SEAL_TIMEOUT_MS} ms\n${worker.output()}`);

    // during (c): approximate backlog (newest entry id - newest sealed entry id), cheap enough to poll
    let polling = true;
    const poller = (async () => {
      while (polling) {
        const { rows } = await pool.query(
          'SELECT coalesce((SELECT max(id) FROM audit_entries), 0) - coalesce((SELECT max(entry_id) FROM audit_chain), 0) AS n',
        );
        maxBacklog = Math.max(maxBacklog, Number(rows[0].n));
        await sleep(250);
      }
    })();
    c = await phase(pool, true);
    polling = false;
    unsealedAfter = (await pool.query(UNSEALED_SQL)).rows[0].n;
    lagMs = await waitSealed(pool, SEAL_TIMEOUT_MS); // bounded below by where the 200 ms seal tick falls
    await poller;
    await stopWorker();
  } finally {
    await endPool();
    await db.drop();
    await dropKeys();
  }

  const row = (name, r) => [name, fmt(r.txPerS), fmt(r.txPerS / a.txPerS, 2), fmt(r.p50Ms, 2), fmt(r.p99Ms, 2), fmt(r.tx)];
  printTable(
    `audit intake — PostgreSQL, ${CLIENTS} concurrent clients, ${PHASE_MS / 1000} s per phase`,
    ['phase', 'tx/s', 'x (a)', 'p50 ms', 'p99 ms', 'tx'],
    [
      row('(a) baseline: tx with 1 business INSERT', a),
      row('(b) (a) + audit_entries INSERT (AuditWriter SQL)', b),
      row('(c) (b) + worker sealing every 200 ms', c),
    ],
    [
      `sealer: backlog of ${fmt(backlog)} entries from (b) sealed in ${fmt(drainMs)} ms before (c)`,
      `during (c): max unsealed backlog ~${fmt(maxBacklog)} entries (by id); ${fmt(unsealedAfter)} unsealed when (c) stopped`,
      lagMs === null
        ? `sealing lag after (c): NOT all sealed within ${SEAL_TIMEOUT_MS / 1000} s`
        : `sealing lag after (c): all entries sealed ${fmt(lagMs)} ms after the load stopped`,
    ],
  );
  return {
    clients: CLIENTS,
    phaseMs: PHASE_MS,
    baseline: { businessInsertOnly: a },
    withAudit: { ...b, ratioToBaseline: b.txPerS / a.txPerS },
    withAuditAndSealer: { ...c, ratioToBaseline: c.txPerS / a.txPerS },
    sealer: {
      backlogBeforeC: backlog,
      backlogDrainMs: drainMs,
      maxBacklogDuringC: maxBacklog,
      unsealedWhenCStopped: unsealedAfter,
      lagAfterCMs: lagMs,
    },
  };
}
