// Credit-platform publication end to end: publications (rows + outbox jobs as the approval hook writes them) →
// relay → BullMQ → worker (dist/apps/worker) → HTTP → the stand-in platform (in this process), on the Redis and on
// the PostgreSQL BullMQ backend, beside BullMQ's raw no-op job throughput on the same backend in the same run;
// then the time to drain a 10,000-publication backlog once the platform comes back after an outage (Redis backend).
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { createPostgresBackend, Queue, Worker, withBackend } from 'bullmq';
import { Redis } from 'ioredis';
import pg from 'pg';
import {
  JWT_SECRET,
  REDIS_URL,
  ROOT,
  WORKER_MAIN,
  appEnv,
  createBenchDb,
  deleteRedisKeys,
  fmt,
  onCleanup,
  printTable,
  rand,
  runCli,
  sleep,
  spawnNode,
} from './lib.mjs';

const CONCURRENCY = 20;
const E2E_N = { redis: 3000, postgres: 1500 };
const RAW_N = { redis: 10000, postgres: 3000 };
const BACKLOG = 10_000;

const INSERT_SQL = `WITH p AS (
   INSERT INTO credit_publications (case_id, party_id, org_unit_code, status, decided_on, due_on, display_until, record)
   SELECT gen_random_uuid(), gen_random_uuid(), '120116', 'pending', current_date, current_date + 10, current_date + 1000,
          jsonb_build_object('partyName', 'bench ' || i, 'documentNo', 'bench-' || i)
     FROM generate_series(1, $1::int) i RETURNING id)
 INSERT INTO outbox_messages (job_name, payload) SELECT 'credit.deliver', jsonb_build_object('publicationId', id) FROM p`;

async function waitCount(client, sql, target, timeoutMs) {
  const deadline = performance.now() + timeoutMs;
  for (;;) {
    const n = Number((await client.query(sql)).rows[0].n);
    if (n >= target) return performance.now();
    if (performance.now() > deadline) throw new Error(`only ${n} of ${target} after ${timeoutMs} ms (${sql})`);
    await sleep(100);
  }
}

/** BullMQ alone: N no-op jobs added in bulk, processed by one Worker at the same concurrency. */
async function rawBullmq(kind, dbUrl, prefix, n) {
  const pgb = kind === 'postgres' ? withBackend(createPostgresBackend) : null;
  const conn = () => (pgb ? { connectionString: dbUrl, migrate: true, max: 5 } : new Redis(REDIS_URL, { maxRetriesPerRequest: null }));
  const Q = pgb ? pgb.Queue : Queue;
  const W = pgb ? pgb.Worker : Worker;
  const queue = new Q('raw', { connection: conn(), prefix });
  let done = 0;
  let resolve;
  const finished = new Promise((r) => (resolve = r));
  const worker = new W('raw', async () => undefined, { connection: conn(), prefix, concurrency: CONCURRENCY });
  worker.on('completed', () => {
    if (++done === n) resolve(performance.now());
  });
  await worker.waitUntilReady?.();
  const t0 = performance.now();
  for (let i = 0; i < n; i += 1000)
    await queue.addBulk(
      Array.from({ length: Math.min(1000, n - i) }, (_, j) => ({ name: 'noop', data: { i: i + j }, opts: { removeOnComplete: true } })),
    );
  const t1 = await finished;
  await worker.close();
  await queue.close();
  return n / ((t1 - t0) / 1000);
}

async function runBackend(kind, standin) {
  const tag = rand();
  const prefix = `benchc${tag}`;
  const db = await createBenchDb(`credit_${kind}_${tag}`);
  const dropKeys = onCleanup(() => deleteRedisKeys(prefix));
  await runCli(['migrate'], { DATABASE_URL: db.url, JWT_SECRET, LOG_LEVEL: 'warn' });
  const client = new pg.Client({ connectionString: db.url });
  await client.connect();
  const worker = spawnNode([WORKER_MAIN], {
    name: `worker (${kind})`,
    env: appEnv({
      DATABASE_URL: db.url,
      ...(kind === 'redis' ? { REDIS_URL } : {}),
      QUEUE_PREFIX: prefix,
      JWT_SECRET,
      LOG_LEVEL: 'warn',
      WORKER_CONCURRENCY: String(CONCURRENCY),
      DATABASE_POOL_SIZE: String(CONCURRENCY + 5),
      CREDIT_PLATFORM_URL: standin.url,
      CREDIT_SWEEP_INTERVAL_MS: '3600000',
    }),
  });
  const stopWorker = onCleanup(() => worker.stop('SIGTERM'));
  const result = {};
  try {
    await sleep(3000); // boot
    const published = `SELECT count(*) AS n FROM credit_publications WHERE status = 'published'`;
    const n = E2E_N[kind];
    const t0 = performance.now();
    await client.query(INSERT_SQL, [n]);
    const t1 = await waitCount(client, published, n, 300_000);
    result.e2ePerS = n / ((t1 - t0) / 1000);
    result.rawNoopPerS = await rawBullmq(kind, db.url, `${prefix}raw`, RAW_N[kind]);
    result.createdAtPlatform = standin.created;

    if (kind === 'redis') {
      // outage: every POST finds the connection cut; the backlog builds up in back-off
      standin.setDown(true);
      const tDown = performance.now();
      await client.query('TRUNCATE credit_publications');
      await client.query(INSERT_SQL, [BACKLOG]);
      await waitCount(client, `SELECT count(*) AS n FROM credit_publications WHERE attempts > 0`, BACKLOG, 600_000);
      result.outageS = (performance.now() - tDown) / 1000;
      const attempts = (await client.query('SELECT max(attempts) AS max FROM credit_publications')).rows[0].max;
      result.maxAttemptsDuringOutage = Number(attempts);
      const createdBefore = standin.created;
      standin.setDown(false);
      const tUp = performance.now();
      await waitCount(client, published, BACKLOG, 900_000);
      result.drainS = (performance.now() - tUp) / 1000;
      result.backlogCreated = standin.created - createdBefore;
    }
  } finally {
    await client.end();
    await stopWorker();
    await db.drop();
    await dropKeys();
  }
  return result;
}

export async function run() {
  // the built stand-in is CommonJS: its exports arrive on `default`
  const mod = await import(pathToFileURL(path.join(ROOT, 'dist/libs/credit/src/standin/credit-standin.js')).href);
  const { startCreditStandin } = mod.default ?? mod;
  const redisStandin = await startCreditStandin();
  const pgStandin = await startCreditStandin();
  onCleanup(() => Promise.all([redisStandin.stop(), pgStandin.stop()]));
  const redis = await runBackend('redis', redisStandin);
  const postgres = await runBackend('postgres', pgStandin);
  printTable(
    'credit publication, end to end to the stand-in (relay → BullMQ → worker → HTTP, row lock + receipt per publication)',
    ['backend', 'publications/s', 'raw BullMQ no-op jobs/s', 'ratio'],
    [
      ['redis', fmt(redis.e2ePerS), fmt(redis.rawNoopPerS), `${fmt(redis.e2ePerS / redis.rawNoopPerS, 3)}×`],
      ['postgres', fmt(postgres.e2ePerS), fmt(postgres.rawNoopPerS), `${fmt(postgres.e2ePerS / postgres.rawNoopPerS, 3)}×`],
    ],
    [
      `worker concurrency ${CONCURRENCY}; ${E2E_N.redis} (redis) / ${E2E_N.postgres} (postgres) publications; platform records created: ${redis.createdAtPlatform} / ${postgres.createdAtPlatform}`,
      `backlog: ${fmt(BACKLOG)} publications while the platform was down (${fmt(redis.outageS, 1)} s until each had failed once; up to ${redis.maxAttemptsDuringOutage} attempts),`,
      `drained ${fmt(redis.drainS, 1)} s after it came back (${fmt(redis.backlogCreated)} records created; ${fmt(BACKLOG / redis.e2ePerS, 1)} s at the steady rate above)`,
    ],
  );
  return { redis, postgres, backlog: BACKLOG, concurrency: CONCURRENCY };
}
