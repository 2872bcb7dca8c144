// Cold start of `node dist/apps/api/src/main.js --all-in-one` with the embedded PostgreSQL (no DATABASE_URL,
// REDIS_URL or JWT_SECRET): spawn → first 200 from GET /health/ready. Run 1 on a fresh DATA_DIR (initdb,
// migrations, demo seed), run 2 on the same DATA_DIR. Baseline: bare node process start in the same run.
import { existsSync, readFileSync } from 'node:fs';
import { chmod, mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { API_MAIN, appEnv, fmt, freePort, median, onCleanup, printTable, spawnNode, waitForStatus } from './lib.mjs';

/** Wall time of spawn → exit of `node <args>` (median of n). */
async function processFloor(args, n) {
  const times = [];
  for (let i = 0; i < n; i++) {
    const t0 = performance.now();
    const p = spawnNode(args, { name: 'node -e' });
    const code = await p.exited;
    if (code !== 0) throw new Error(`node ${args.join(' ')} failed:\n${p.output()}`);
    times.push(performance.now() - t0);
  }
  return median(times);
}

async function startOnce(dataDir, pgPort) {
  const port = await freePort();
  const env = appEnv({ DATA_DIR: dataDir, EMBEDDED_PG_PORT: String(pgPort), PORT: String(port), HOST: '127.0.0.1' });
  const t0 = performance.now();
  const proc = spawnNode([API_MAIN, '--all-in-one'], { name: 'api --all-in-one', env });
  const stop = onCleanup(() => proc.stop('SIGINT', 30_000));
  let readyAt;
  try {
    readyAt = await waitForStatus(`http://127.0.0.1:${port}/health/ready`, { proc, timeoutMs: 120_000, intervalMs: 10 });
  } catch (err) {
    await stop(); // before the data dir goes
    throw err;
  }
  const readyMs = readyAt - t0;
  // the app's own figure (bootstrap() start → listening), from its log line "ready in N ms"
  const own = /ready in (\d+) ms/.exec(proc.output(200));
  const shutdownMs = await stop();
  const code = await proc.exited;
  if (code !== 0) throw new Error(`api --all-in-one exited with ${code} after SIGINT:\n${proc.output()}`);
  return { readyMs, appReportedMs: own ? Number(own[1]) : null, shutdownMs };
}

export async function run() {
  const nodeMs = await processFloor(['-e', "process.stdout.write('ok')"], 5);
  const nestMs = await processFloor(['-e', "require('@nestjs/core'); process.stdout.write('ok')"], 3);

  const dataDir = await mkdtemp(path.join(os.tmpdir(), 'ped-bench-cold-'));
  // as root the embedded PostgreSQL runs as the OS user postgres, which must traverse the folder
  await chmod(dataDir, 0o755);
  const removeDir = onCleanup(async () => {
    // if the app died hard, its embedded PostgreSQL may still run: stop it (SIGINT = fast shutdown)
    const pidFile = path.join(dataDir, 'pg', 'postmaster.pid');
    if (existsSync(pidFile)) {
      const pid = Number(readFileSync(pidFile, 'utf8').split('\n')[0]);
      try {
        process.kill(pid, 'SIGINT');
        for (let i = 0; i < 100; i++) {
          process.kill(pid, 0);
          await new Promise((r) => setTimeout(r, 100));
        }
      } catch {
        /* gone */
      }
    }
    await rm(dataDir, { recursive: true, force: true });
  });
  let first;
  let second;
  try {
    const pgPort = await freePort();
    first = await startOnce(dataDir, pgPort);
    second = await startOnce(dataDir, pgPort);
  } finally {
    await removeDir();
  }

  printTable(
    'cold start — spawn → GET /health/ready 200 (ms)',
    ['run', 'ready', 'x floor', 'app "ready in"', 'SIGINT → exit'],
    [
      ['baseline: node -e (bare process)', fmt(nodeMs), '1.0', '-', '-'],
      ["baseline: node -e require('@nestjs/core')", fmt(nestMs), fmt(nestMs / nodeMs, 1), '-', '-'],
      [
        '1st start: initdb + migrate + seed',
        fmt(first.readyMs),
        fmt(first.readyMs / nodeMs, 1),
        fmt(first.appReportedMs),
        fmt(first.shutdownMs),
      ],
      ['2nd start: same DATA_DIR', fmt(second.readyMs), fmt(second.readyMs / nodeMs, 1), fmt(second.appReportedMs), fmt(second.shutdownMs)],
    ],
    ['baselines: median of 5 / 3 spawns; "ready in" = the app log line (bootstrap() → listening, excludes module loading)'],
  );
  return { baseline: { bareNodeMs: nodeMs, requireNestCoreMs: nestMs }, firstStart: first, secondStart: second };
}
