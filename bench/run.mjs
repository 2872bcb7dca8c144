// Runs the benchmarks in order (or the ones named: `node bench/run.mjs login audit-intake`) against the
// built server in dist/ (`npm run bench` builds first), and writes the results of this run to
// bench/results/latest.json (replacing the previous file, also when only some benchmarks ran).
import { mkdir, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { interrupt, ROOT, runCleanups } from './lib.mjs';

const BENCHMARKS = [
  'cold-start',
  'http-throughput',
  'login',
  'audit-intake',
  'cases',
  'credit',
  'hotline',
  'metrics',
  'transfers',
  'documents',
  'hotpaths',
];

const wanted = process.argv.slice(2);
const unknown = wanted.filter((n) => !BENCHMARKS.includes(n));
if (unknown.length) {
  console.error(`unknown benchmark ${unknown.join(', ')}; choose from: ${BENCHMARKS.join(', ')}`);
  process.exit(2);
}
const names = wanted.length ? BENCHMARKS.filter((n) => wanted.includes(n)) : BENCHMARKS;

let interrupted = false;
for (const sig of ['SIGINT', 'SIGTERM']) {
  process.on(sig, () => {
    if (interrupted) process.exit(130);
    interrupted = true;
    console.error(`\n${sig}: stopping children and dropping bench databases…`);
    void interrupt().finally(() => process.exit(130));
  });
}

const report = {
  startedAt: new Date().toISOString(),
  node: process.version,
  cpus: os.availableParallelism(),
  cpuModel: os.cpus()[0]?.model ?? null,
  totalMemMiB: Math.round(os.totalmem() / 2 ** 20),
  loadAvgAtStart: os.loadavg(),
  results: {},
  failures: {},
};
const started = performance.now();
const load1 = os.loadavg()[0];
console.log(`node ${process.version}, ${report.cpus} cpus (${report.cpuModel}), load average ${load1.toFixed(2)}`);
if (load1 > 0.5 * report.cpus) console.log('warning: the machine is busy with other work; the figures will be noisy');
for (const name of names) {
  if (interrupted) break;
  console.log(`\n=== ${name}`);
  const t0 = performance.now();
  try {
    const mod = await import(`./${name}.mjs`);
    report.results[name] = {
      ...(await mod.run()),
      elapsedS: Math.round((performance.now() - t0) / 100) / 10,
      loadAvg1mAfter: os.loadavg()[0],
    };
  } catch (err) {
    if (interrupted) break;
    console.error(`${name} failed: ${err?.stack ?? err}`);
    report.failures[name] = String(err?.message ?? err);
  } finally {
    await runCleanups();
  }
  console.log(`(${name}: ${((performance.now() - t0) / 1000).toFixed(1)} s)`);
}
if (interrupted) await new Promise(() => undefined); // the signal handler exits once the cleanups are done
report.totalS = Math.round((performance.now() - started) / 100) / 10;

const dir = path.join(ROOT, 'bench', 'results');
await mkdir(dir, { recursive: true });
await writeFile(path.join(dir, 'latest.json'), `${JSON.stringify(report, null, 2)}\n`);
console.log(`\nall done in ${report.totalS} s; results in bench/results/latest.json`);
process.exit(Object.keys(report.failures).length ? 1 : 0);
