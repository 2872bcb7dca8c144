// Builds apps/console with Vite into dist/console, precompresses every text file (.gz and .br beside it, which
// @fastify/static serves by Accept-Encoding), and stores the hash of the inputs (the console's sources and config,
// package-lock.json) in dist/console/.build-hash. When the hash is unchanged the build is skipped, so a second
// `npm start` does not rebuild an unchanged console.
import { createHash } from 'node:crypto';
import { readFile, readdir, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import zlib from 'node:zlib';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const consoleDir = path.join(root, 'apps/console');
const out = path.join(root, 'dist/console');
const hashFile = path.join(out, '.build-hash');
const gzip = promisify(zlib.gzip);
const brotli = promisify(zlib.brotliCompress);

async function files(dir) {
  const list = [];
  for (const e of await readdir(dir, { withFileTypes: true })) {
    if (e.name === 'node_modules' || e.name === 'dist') continue;
    const p = path.join(dir, e.name);
    if (e.isDirectory()) list.push(...(await files(p)));
    // tests do not change what is served
    else if (!/\.test\.tsx?$/.test(e.name)) list.push(p);
  }
  return list;
}

export async function inputsHash() {
  const h = createHash('sha256');
  const inputs = [...(await files(consoleDir)).sort(), path.join(root, 'package-lock.json')];
  for (const f of inputs) {
    h.update(path.relative(root, f));
    h.update('\0');
    h.update(await readFile(f));
  }
  return h.digest('hex');
}

async function precompress(dir) {
  let n = 0;
  for (const f of await files(dir)) {
    if (!/\.(js|css|html|svg|json|txt)$/.test(f)) continue;
    const data = await readFile(f);
    if (data.length < 512) continue;
    await writeFile(`${f}.gz`, await gzip(data, { level: 9 }));
    await writeFile(`${f}.br`, await brotli(data, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11 } }));
    n++;
  }
  return n;
}

export async function buildConsole({ force = false } = {}) {
  const started = Date.now();
  const hash = await inputsHash();
  const previous = await readFile(hashFile, 'utf8').catch(() => '');
  if (!force && previous.trim() === hash && (await stat(path.join(out, 'index.html')).catch(() => null))) {
    console.log(`console unchanged (${hash.slice(0, 12)}), not rebuilt`);
    return false;
  }
  const { build } = await import('vite');
  await build({ configFile: path.join(consoleDir, 'vite.config.mts'), logLevel: 'warn', build: { outDir: out, emptyOutDir: true } });
  const compressed = await precompress(out);
  await writeFile(hashFile, `${hash}\n`);
  console.log(`console built in ${Date.now() - started} ms (${compressed} files precompressed) → dist/console`);
  return true;
}
