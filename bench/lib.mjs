// Shared helpers for the benchmarks: child processes, throwaway databases, load generation, tables.
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import net from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
import { Redis } from 'ioredis';
import pg from 'pg';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const API_MAIN = path.join(ROOT, 'dist/apps/api/src/main.js');
export const WORKER_MAIN = path.join(ROOT, 'dist/apps/worker/src/main.js');
export const CLI_MAIN = path.join(ROOT, 'dist/apps/cli/src/main.js');

/** Where the benchmarks find PostgreSQL and Redis (overridable like the e2e tests' TEST_DATABASE_URL). */
export const ADMIN_DB_URL = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
export const REDIS_URL = process.env.BENCH_REDIS_URL ?? 'redis://127.0.0.1:6379';
export const JWT_SECRET = 'bench-only-secret-0123456789-abcdefghijklmnopqrstuvwxyz';
export const DEMO_PASSWORD = 'demo-pass-2026';

/** Every variable the app reads (libs/kernel/src/config/app-config.ts): stripped from inherited env, set explicitly. */
const APP_VARS = [
  'NODE_ENV',
  'PORT',
  'HOST',
  'DATABASE_URL',
  'DATABASE_POOL_SIZE',
  'REDIS_URL',
  'QUEUE_PREFIX',
  'JWT_SECRET',
  'FIELD_ENCRYPTION_KEYS',
  'JWT_ACCESS_TTL_SECONDS',
  'REFRESH_TTL_SECONDS',
  'LOGIN_RATE_LIMIT_PER_MINUTE',
  'ARGON2_MEMORY_KIB',
  'ARGON2_TIME_COST',
  'DEMO_PASSWORD',
  'LOG_LEVEL',
  'DATA_DIR',
  'EMBEDDED_PG_PORT',
  'WORKER_CONCURRENCY',
  'OUTBOX_POLL_MS',
  'WORKER_LOCK_MS',
  'WORKER_STALLED_INTERVAL_MS',
  'AUDIT_SEAL_INTERVAL_MS',
  'RUN_WORKER',
  'TRUST_PROXY',
  'CREDIT_PLATFORM_URL',
  'CREDIT_ADAPTER',
  'CREDIT_EXPORT_DIR',
  'CREDIT_SWEEP_INTERVAL_MS',
  'HOTLINE_SLA_WORKING_DAYS',
  'HOTLINE_EARLY_WARNING',
  'HOTLINE_SWEEP_INTERVAL_MS',
  'HOTLINE_WARNING_INTERVAL_MS',
  'HOTLINE_BLIND_INDEX_KEY',
  'EXCHANGE_SELF_CODE',
  'EXCHANGE_PRIVATE_KEY',
  'EXCHANGE_KEY_ID',
  'EXCHANGE_ALGORITHM',
  'EXCHANGE_HTTP_TIMEOUT_MS',
  'EXCHANGE_SWEEP_INTERVAL_MS',
  'EXCHANGE_BENCH_SKIP_VERIFY',
];

/** The parent's environment without any app variable, plus `vars`. */
export function appEnv(vars = {}) {
  const env = { ...process.env };
  for (const k of APP_VARS) delete env[k];
  // Runs with an explicit JWT_SECRET are not embedded: they need the field-encryption key ring too.
  const keys =
    vars.JWT_SECRET && !vars.FIELD_ENCRYPTION_KEYS ? { FIELD_ENCRYPTION_KEYS: `b1:${Buffer.alloc(32, 3).toString('base64')}` } : {};
  return { ...env, ...keys, ...vars };
}

export const rand = () => randomBytes(4).toString('hex');
export const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
export const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
export const percentile = (sorted, p) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];

// ---------------------------------------------------------------- cleanup on failure / Ctrl-C

const cleanups = [];
const inflight = new Set();
/**
 * Registers an undo step; returns a function that runs it now and unregisters it. Every call (also a
 * concurrent one, e.g. from the Ctrl-C handler) gets the same promise, so the step runs exactly once.
 */
export function onCleanup(fn) {
  let promise = null;
  const once = () => {
    if (!promise) {
      const i = cleanups.indexOf(once);
      if (i >= 0) cleanups.splice(i, 1);
      promise = Promise.resolve().then(fn);
      inflight.add(promise);
      void promise.then(
        () => inflight.delete(promise),
        () => inflight.delete(promise),
      );
    }
    return promise;
  };
  cleanups.push(once);
  return once;
}

export let interrupted = false;
const runningLoads = new Set();

/** Ctrl-C: stops the load generators at once (the servers can then close), then runs the cleanups. */
export async function interrupt() {
  interrupted = true;
  for (const inst of runningLoads) inst.stop();
  await runCleanups();
}

/** Runs every registered undo step, newest first, and waits for steps other callers have started. */
export async function runCleanups() {
  while (cleanups.length || inflight.size) {
    const step = cleanups.length ? cleanups[cleanups.length - 1]() : [...inflight][0];
    try {
      await step;
    } catch (err) {
      console.error(`cleanup failed: ${err?.message ?? err}`);
    }
  }
}

const children = new Set();
process.on('exit', () => {
  for (const c of children) c.kill('SIGKILL');
});

// ---------------------------------------------------------------- processes

/**
 * Spawns `node <args>` from the repo root, keeping the last lines of its output for error messages.
 * Returns { child, pid, output(), exited (promise of exit code), stop(signal) }.
 */
export function spawnNode(args, { env, name = path.basename(args[0] ?? 'node') } = {}) {
  const child = spawn(process.execPath, args, { cwd: ROOT, env: env ?? appEnv(), stdio: ['ignore', 'pipe', 'pipe'] });
  children.add(child);
  const lines = [];
  const listeners = new Set();
  const collect = (chunk) => {
    const text = chunk.toString();
    for (const l of text.split('\n')) if (l.trim()) lines.push(l);
    if (lines.length > 200) lines.splice(0, lines.length - 200);
    for (const fn of listeners) fn(text);
  };
  child.stdout.on('data', collect);
  child.stderr.on('data', collect);
  let exitCode = null;
  const exited = new Promise((resolve) =>
    child.on('exit', (code, signal) => {
      children.delete(child);
      exitCode = code ?? signal;
      resolve(exitCode);
    }),
  );
  const proc = {
    name,
    child,
    pid: child.pid,
    exited,
    get running() {
      return exitCode === null;
    },
    output: (n = 40) => lines.slice(-n).join('\n'),
    /** Resolves when a line of output matches `re` (rejects if the process exits first or after timeoutMs). */
    waitFor(re, timeoutMs = 60_000) {
      return new Promise((resolve, reject) => {
        const timer = setTimeout(
          () => done(new Error(`${name}: no output matching ${re} within ${timeoutMs} ms\n${proc.output()}`)),
          timeoutMs,
        );
        const check = (text) => {
          const m = re.exec(text);
          if (m) done(null, m);
        };
        const done = (err, m) => {
          clearTimeout(timer);
          listeners.delete(check);
          if (err) reject(err);
          else resolve(m);
        };
        listeners.add(check);
        check(lines.join('\n'));
        exited.then((code) => done(new Error(`${name} exited (${code}) before printing ${re}\n${proc.output()}`)));
      });
    },
    /** Sends `signal`, waits for the exit (SIGKILL after timeoutMs); resolves to the ms it took. */
    async stop(signal = 'SIGINT', timeoutMs = 20_000) {
      if (!proc.running) return 0;
      const t0 = performance.now();
      child.kill(signal);
      const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
      await exited;
      clearTimeout(timer);
      return performance.now() - t0;
    },
  };
  return proc;
}

/** Runs the cli (dist/apps/cli) to completion; throws with its output when it fails. */
export async function runCli(args, env) {
  const p = spawnNode([CLI_MAIN, ...args], { env: appEnv(env), name: `cli ${args[0]}` });
  const code = await p.exited;
  if (code !== 0) throw new Error(`cli ${args.join(' ')} failed (${code}):\n${p.output()}`);
  return p.output();
}

export function freePort() {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });
}

/** Polls `url` until it answers `status`; resolves to the time of the first such answer (performance.now()). */
export async function waitForStatus(url, { status = 200, timeoutMs = 60_000, intervalMs = 20, proc } = {}) {
  const deadline = performance.now() + timeoutMs;
  let last = 'no answer';
  while (performance.now() < deadline) {
    if (proc && !proc.running) throw new Error(`${proc.name} exited before ${url} answered ${status}:\n${proc.output()}`);
    try {
      const res = await fetch(url, { signal: AbortSignal.timeout(2000) });
      await res.arrayBuffer();
      if (res.status === status) return performance.now();
      last = `HTTP ${res.status}`;
    } catch (err) {
      last = err?.cause?.code ?? err?.message ?? String(err);
    }
    await sleep(intervalMs);
  }
  throw new Error(`${url} did not answer ${status} within ${timeoutMs} ms (last: ${last})${proc ? `\n${proc.output()}` : ''}`);
}

// ---------------------------------------------------------------- databases, redis

export function dbUrl(name) {
  const url = new URL(ADMIN_DB_URL);
  url.pathname = `/${name}`;
  return url.toString();
}

async function admin(sql) {
  const c = new pg.Client({ connectionString: ADMIN_DB_URL });
  await c.connect();
  try {
    return await c.query(sql);
  } finally {
    await c.end();
  }
}

/** An empty database ped_bench_<rand>, dropped (WITH FORCE) by `drop()` or by the cleanup on failure. */
export async function createBenchDb(tag = rand()) {
  const name = `ped_bench_${tag}`;
  await admin(`CREATE DATABASE "${name}"`);
  const drop = onCleanup(() => admin(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`));
  return { name, url: dbUrl(name), drop };
}

/** Deletes every Redis key `<prefix>:*`; returns how many. */
export async function deleteRedisKeys(prefix) {
  const redis = new Redis(REDIS_URL, { lazyConnect: true, maxRetriesPerRequest: 2 });
  await redis.connect();
  let deleted = 0;
  try {
    let cursor = '0';
    do {
      const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}:*`, 'COUNT', 500);
      cursor = next;
      if (keys.length) deleted += await redis.del(...keys);
    } while (cursor !== '0');
  } finally {
    redis.disconnect();
  }
  return deleted;
}

// ---------------------------------------------------------------- the api

/**
 * Creates + seeds a bench database and starts the api (RUN_WORKER=true, Redis queue under a private prefix).
 * `nodeArgs` go before the api's main (e.g. `['-r', preload]`, `['--cpu-prof']`).
 * Returns { db, prefix, port, base, proc, stop() } — stop() also drops the database and the Redis keys.
 */
export async function startSeededApi(extraEnv = {}, { nodeArgs = [] } = {}) {
  const tag = rand();
  const prefix = `bench${tag}`;
  const db = await createBenchDb(tag);
  const dropKeys = onCleanup(() => deleteRedisKeys(prefix));
  const t0 = performance.now();
  await runCli(['seed:demo'], { DATABASE_URL: db.url, JWT_SECRET, LOG_LEVEL: 'warn' });
  const seedMs = performance.now() - t0;
  const port = await freePort();
  const proc = spawnNode([...nodeArgs, API_MAIN], {
    name: 'api',
    env: appEnv({
      DATABASE_URL: db.url,
      REDIS_URL,
      QUEUE_PREFIX: prefix,
      JWT_SECRET,
      PORT: String(port),
      HOST: '127.0.0.1',
      LOG_LEVEL: 'warn',
      RUN_WORKER: 'true',
      ...extraEnv,
    }),
  });
  const stopProc = onCleanup(() => proc.stop('SIGINT'));
  const base = `http://127.0.0.1:${port}`;
  await waitForStatus(`${base}/health/ready`, { proc, timeoutMs: 60_000 });
  return {
    db,
    prefix,
    port,
    base,
    proc,
    seedMs,
    async stop() {
      await stopProc();
      await db.drop();
      await dropKeys();
    },
  };
}

export async function login(base, username, password = DEMO_PASSWORD) {
  const res = await fetch(`${base}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password }),
  });
  const body = await res.json();
  if (res.status !== 200 || !body.accessToken) throw new Error(`login ${username} failed: HTTP ${res.status} ${JSON.stringify(body)}`);
  return body.accessToken;
}

// ---------------------------------------------------------------- measurement

/** VmRSS of a process in KiB (null when gone). */
export function rssKiB(pid) {
  try {
    const m = /VmRSS:\s+(\d+)\s+kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Number(m[1]) : null;
  } catch {
    return null;
  }
}

/** Samples VmRSS every intervalMs; stop() returns { peakKiB, samples }. */
export function sampleRss(pid, intervalMs = 200) {
  let peak = rssKiB(pid) ?? 0;
  let samples = 1;
  const timer = setInterval(() => {
    const v = rssKiB(pid);
    if (v !== null) {
      peak = Math.max(peak, v);
      samples++;
    }
  }, intervalMs);
  return {
    stop() {
      clearInterval(timer);
      return { peakKiB: peak, samples };
    },
  };
}

/**
 * autocannon in this process: an unrecorded warm-up, then the measured run. req/s counts 2xx answers only;
 * errors, timeouts and non-2xx are reported (the run fails only when nothing succeeded).
 */
export async function load({ url, method = 'GET', headers, body, connections, durationS, warmupS = 2 }) {
  const opts = { url, method, headers, body, connections, timeout: 10 };
  const cannon = async (duration) => {
    if (interrupted) throw new Error('interrupted');
    const inst = autocannon({ ...opts, duration });
    runningLoads.add(inst);
    try {
      return await inst;
    } finally {
      runningLoads.delete(inst);
    }
  };
  if (warmupS > 0) await cannon(warmupS);
  const r = await cannon(durationS);
  if (interrupted) throw new Error('interrupted');
  if (r['2xx'] === 0) {
    throw new Error(`${method} ${url}: no 2xx answer (${r.errors} errors, ${r.timeouts} timeouts, ${JSON.stringify(r.statusCodeStats)})`);
  }
  return {
    rps: r['2xx'] / r.duration,
    ok: r['2xx'],
    failed: r.errors + r.timeouts + r.non2xx,
    statusCodes: Object.fromEntries(Object.entries(r.statusCodeStats).map(([k, v]) => [k, v.count])),
    p50Ms: r.latency.p50,
    p99Ms: r.latency.p99,
    maxMs: r.latency.max,
    durationS: r.duration,
    connections,
  };
}

// ---------------------------------------------------------------- output

export const fmt = (n, digits = 0) =>
  n === null || n === undefined || Number.isNaN(n)
    ? '-'
    : Number(n).toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });
export const mib = (kib) => (kib == null ? '-' : `${fmt(kib / 1024, 1)} MiB`);

/** Prints a small table: header row, then rows (arrays of strings); numbers right-aligned. */
export function printTable(title, header, rows, notes = []) {
  const all = [header, ...rows].map((r) => r.map((c) => String(c)));
  const widths = header.map((_, i) => Math.max(...all.map((r) => (r[i] ?? '').length)));
  const line = (r) => r.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  ');
  console.log(`\n${title}`);
  console.log(line(all[0]));
  console.log(widths.map((w) => '-'.repeat(w)).join('  '));
  for (const r of all.slice(1)) console.log(line(r));
  for (const n of notes) console.log(`  ${n}`);
}

/** The 16 districts of the demo org units, for bulk loads (`DISTRICTS_SQL` is the same as an SQL array literal). */
export const DISTRICTS = [
  '120101',
  '120102',
  '120103',
  '120104',
  '120105',
  '120106',
  '120110',
  '120111',
  '120112',
  '120113',
  '120114',
  '120115',
  '120116',
  '120117',
  '120118',
  '120119',
];
export const DISTRICTS_SQL = `(ARRAY[${DISTRICTS.map((d) => `'${d}'`).join(',')}])`;

/**
 * Runs pgbench with `script` against `dbUrl`; resolves to tps (without initial connection time), average latency,
 * failures. `mode`: pgbench's -M (simple, extended, prepared); `latencies`: also p50/p99 from pgbench's
 * per-transaction log (-l, written to a temporary directory and removed).
 */
export async function pgbench(dbUrl, script, clients, durationS, { mode, latencies = false } = {}) {
  const logDir = latencies ? await mkdtemp(path.join(os.tmpdir(), 'ped-bench-pgbench-')) : null;
  const args = ['-n', '-c', String(clients), '-j', '2', '-T', String(durationS), ...(mode ? ['-M', mode] : [])];
  if (logDir) args.push('-l', `--log-prefix=${path.join(logDir, 'tx')}`);
  try {
    const result = await new Promise((resolve, reject) => {
      const p = spawn('pgbench', [...args, '-f', script, dbUrl], { stdio: ['ignore', 'pipe', 'pipe'] });
      let out = '';
      p.stdout.on('data', (d) => (out += d));
      p.stderr.on('data', (d) => (out += d));
      p.on('error', reject);
      p.on('exit', (code) => {
        const m = /tps = ([\d.]+)/.exec(out);
        const lat = /latency average = ([\d.]+) ms/.exec(out);
        const failed = /number of failed transactions: (\d+)/.exec(out);
        if (code !== 0 || !m) reject(new Error(`pgbench -c ${clients} failed (${code}):\n${out.slice(-2000)}`));
        else resolve({ tps: Number(m[1]), latencyAvgMs: lat ? Number(lat[1]) : null, failed: failed ? Number(failed[1]) : 0 });
      });
    });
    if (logDir) {
      // a line per transaction: client_id transaction_no time(µs) script_no time_epoch time_us
      const us = [];
      for (const f of await readdir(logDir)) {
        for (const line of (await readFile(path.join(logDir, f), 'utf8')).split('\n')) {
          const t = Number(line.split(' ')[2]);
          if (line && Number.isFinite(t)) us.push(t);
        }
      }
      us.sort((a, b) => a - b);
      result.p50Ms = us.length ? percentile(us, 50) / 1000 : null;
      result.p99Ms = us.length ? percentile(us, 99) / 1000 : null;
      result.transactions = us.length;
    }
    return result;
  } finally {
    if (logDir) await rm(logDir, { recursive: true, force: true });
  }
}
