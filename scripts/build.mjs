// Compiles the server code (apps/api, apps/worker, apps/cli, libs, migrations) with swc into dist/,
// rewriting the @app/<lib> path aliases to relative requires. Type-checking is `npm run typecheck`.
// Then builds the web console (apps/console, Vite) into dist/console — only when its inputs changed (see
// scripts/build-console.mjs). `--server` skips the console.
import { transformFile } from '@swc/core';
import { cp, mkdir, readdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { buildConsole } from './build-console.mjs';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const out = path.join(root, 'dist');
const sources = ['apps/api/src', 'apps/worker/src', 'apps/cli/src', 'libs', 'migrations'];
const paths = {};
for (const lib of await readdir(path.join(root, 'libs'))) paths[`@app/${lib}`] = [`./libs/${lib}/src`];
paths['@app/migrations'] = ['./migrations'];
// Framework-free parts of the kernel that domain code may import without pulling in Nest.
for (const part of ['calendar', 'identifiers', 'money']) paths[`@app/kernel/${part}`] = [`./libs/kernel/src/${part}`];
// The framework-free domain of a context, for another context's domain code (e.g. metrics counting cases).
for (const lib of ['cases', 'hotline', 'credit', 'documents']) paths[`@app/${lib}/domain`] = [`./libs/${lib}/src/domain`];

async function walk(dir) {
  const entries = await readdir(dir, { withFileTypes: true }).catch(() => []);
  const files = [];
  for (const e of entries) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) files.push(...(await walk(p)));
    else if (e.name.endsWith('.ts') && !e.name.endsWith('.spec.ts') && !e.name.endsWith('.d.ts')) files.push(p);
  }
  return files;
}

const started = Date.now();
// dist/console is the console's build and has its own freshness check: leave it.
await Promise.all(['apps', 'libs', 'migrations'].map((d) => rm(path.join(out, d), { recursive: true, force: true })));
const files = (await Promise.all(sources.map((s) => walk(path.join(root, s))))).flat();
await Promise.all(
  files.map(async (file) => {
    const { code, map } = await transformFile(file, {
      swcrc: false,
      sourceMaps: true,
      jsc: {
        parser: { syntax: 'typescript', decorators: true },
        transform: { legacyDecorator: true, decoratorMetadata: true },
        keepClassNames: true,
        target: 'es2022',
        baseUrl: root,
        paths,
      },
      module: { type: 'commonjs' },
    });
    const target = path.join(out, path.relative(root, file)).replace(/\.ts$/, '.js');
    await mkdir(path.dirname(target), { recursive: true });
    await writeFile(target, `${code}\n//# sourceMappingURL=${path.basename(target)}.map`);
    if (map) await writeFile(`${target}.map`, map);
  }),
);
// Assets the compiled code reads beside itself: a lib's templates/ (the default document templates, .docx).
for (const lib of await readdir(path.join(root, 'libs'))) {
  const assets = path.join(root, 'libs', lib, 'templates');
  if ((await readdir(assets).catch(() => null)) !== null) await cp(assets, path.join(out, 'libs', lib, 'templates'), { recursive: true });
}
console.log(`built ${files.length} files in ${Date.now() - started} ms`);
if (!process.argv.includes('--server')) await buildConsole({ force: process.argv.includes('--force-console') });
