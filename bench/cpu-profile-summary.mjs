// Self time of a V8 .cpuprofile (node --cpu-prof) grouped by npm package: `app` for the project's dist/ code,
// `node:` for node's internals, (gc), (program), (idle), (native) for V8's own entries.
//
//   node bench/cpu-profile-summary.mjs file.cpuprofile [--top 15] [--window <fromUs>:<toUs> ...]
//
// A window is a time range on the profile's clock (µs, the same monotonic clock as process.hrtime.bigint() / 1000n
// in any process of the machine): only samples within the windows count.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The bucket of a call frame. */
export function bucketOf(callFrame) {
  const url = callFrame.url ?? '';
  if (!url) {
    const fn = callFrame.functionName;
    if (fn === '(garbage collector)') return '(gc)';
    if (fn === '(program)' || fn === '(idle)' || fn === '(root)') return fn;
    return '(native)';
  }
  if (url.startsWith('node:')) return 'node:';
  const i = url.lastIndexOf('/node_modules/');
  if (i >= 0) {
    const parts = url.slice(i + '/node_modules/'.length).split('/');
    return parts[0].startsWith('@') ? `${parts[0]}/${parts[1]}` : parts[0];
  }
  if (/\/dist\//.test(url)) return 'app';
  return path.basename(url.replace(/^file:\/\//, ''));
}

/**
 * { totalMs, samples, buckets: [{ bucket, ms, share, topFunction }] } — self time per bucket, largest first.
 * `windows`: [[fromUs, toUs], …] to count only those samples.
 */
export function summarise(profile, { top = 15, windows = null } = {}) {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const buckets = new Map();
  let t = profile.startTime;
  let totalUs = 0;
  let samples = 0;
  for (let i = 0; i < profile.samples.length; i++) {
    const dt = profile.timeDeltas[i] ?? 0;
    t += dt;
    if (windows && !windows.some(([a, b]) => t >= a && t <= b)) continue;
    const node = byId.get(profile.samples[i]);
    if (!node) continue;
    const name = bucketOf(node.callFrame);
    let b = buckets.get(name);
    if (!b) buckets.set(name, (b = { us: 0, fns: new Map() }));
    b.us += dt;
    const fn = `${node.callFrame.functionName || '(anonymous)'} ${path.basename(node.callFrame.url || '')}:${node.callFrame.lineNumber + 1}`;
    b.fns.set(fn, (b.fns.get(fn) ?? 0) + dt);
    totalUs += dt;
    samples++;
  }
  const rows = [...buckets.entries()]
    .map(([bucket, b]) => ({
      bucket,
      ms: b.us / 1000,
      share: totalUs ? b.us / totalUs : 0,
      topFunction: [...b.fns.entries()].sort((x, y) => y[1] - x[1])[0]?.[0] ?? '',
    }))
    .sort((a, b) => b.ms - a.ms);
  return { totalMs: totalUs / 1000, samples, buckets: rows.slice(0, top) };
}

/** Lines of a small table for the console. */
export function formatSummary(s) {
  const w = Math.max(8, ...s.buckets.map((b) => b.bucket.length));
  return [
    `${'bucket'.padEnd(w)}  ${'self ms'.padStart(9)}  ${'share'.padStart(6)}  top function`,
    ...s.buckets.map(
      (b) => `${b.bucket.padEnd(w)}  ${b.ms.toFixed(0).padStart(9)}  ${`${(b.share * 100).toFixed(1)}%`.padStart(6)}  ${b.topFunction}`,
    ),
    `(${s.samples} samples, ${s.totalMs.toFixed(0)} ms)`,
  ];
}

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) {
  const args = process.argv.slice(2);
  const file = args.find((a, i) => !a.startsWith('--') && !['--top', '--window'].includes(args[i - 1]));
  if (!file) {
    console.error('usage: node bench/cpu-profile-summary.mjs file.cpuprofile [--top 15] [--window fromUs:toUs ...]');
    process.exit(2);
  }
  const top = Number(args[args.indexOf('--top') + 1]) || 15;
  const windows = args.flatMap((a, i) => (args[i - 1] === '--window' ? [a.split(':').map(Number)] : []));
  const s = summarise(JSON.parse(readFileSync(file, 'utf8')), { top, windows: windows.length ? windows : null });
  for (const l of formatSummary(s)) console.log(l);
}
