import { ChildProcess, spawn } from 'node:child_process';
import path from 'node:path';
import { Client } from 'pg';
import { clearQueueKeys, createTestApp, eventually } from '../utils/test-app';
import { createTestDatabase, sql, TestDatabase } from '../utils/test-db';
import { testEnv } from '../utils/test-env';

const WORKER = path.resolve(__dirname, '../../dist/apps/worker/src/main.js');

/** Arranges a lock-out style notification for the admins through the outbox, as a service would. */
async function publishNotification(db: Client): Promise<string> {
  const ev = await db.query(
    `INSERT INTO notification_events (kind, title, body, audience) VALUES ('test.fault', 't', 'b', '{"roles":["admin"]}') RETURNING id`,
  );
  const eventId = ev.rows[0].id as string;
  await db.query(`INSERT INTO outbox_messages (job_name, payload) VALUES ('notification.fanout', $1)`, [JSON.stringify({ eventId })]);
  return eventId;
}

function startWorker(db: TestDatabase, extra: Record<string, string> = {}): ChildProcess {
  const child = spawn(process.execPath, [WORKER], {
    env: { ...process.env, ...testEnv({ DATABASE_URL: db.url, QUEUE_PREFIX: db.name, WORKER_LOCK_MS: '2000', ...extra }) },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  return child;
}

const exited = (child: ChildProcess) =>
  new Promise<void>((resolve) => (child.exitCode !== null ? resolve() : child.once('exit', () => resolve())));

describe('fault: a worker killed mid-job', () => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase();
  });
  afterAll(async () => {
    await db.drop();
    await clearQueueKeys(db.name);
  });

  it('the job is taken over by the next worker and done exactly once', async () => {
    const c = await sql(db.url);
    const eventId = await publishNotification(c);
    // Hold the inbox table so the job blocks half-way, then kill the worker that holds it.
    const blocker = await sql(db.url);
    await blocker.query('BEGIN');
    await blocker.query('LOCK TABLE notifications IN SHARE ROW EXCLUSIVE MODE');

    const first = startWorker(db);
    await eventually(
      async () => {
        const r = await c.query("SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = $1 AND wait_event_type = 'Lock'", [
          db.name,
        ]);
        return r.rows[0].n > 0;
      },
      20_000,
      'the first worker to be blocked inside the job',
    );
    first.kill('SIGKILL');
    await exited(first);

    const second = startWorker(db);
    await blocker.query('COMMIT');
    await blocker.end();
    try {
      const fanned = await eventually(
        async () => {
          const r = await c.query('SELECT fanned_out_at FROM notification_events WHERE id = $1', [eventId]);
          return r.rows[0].fanned_out_at ?? undefined;
        },
        30_000,
        'the second worker to finish the job',
      );
      expect(fanned).toBeTruthy();
      const inbox = await c.query('SELECT u.username FROM notifications n JOIN users u ON u.id = n.user_id WHERE n.event_id = $1', [
        eventId,
      ]);
      expect(inbox.rows).toEqual([{ username: 'admin' }]);
      const outbox = await c.query('SELECT dispatched_at IS NOT NULL AS sent FROM outbox_messages');
      expect(outbox.rows).toEqual([{ sent: true }]);
    } finally {
      second.kill('SIGKILL');
      await exited(second);
      await c.end();
    }
  });

  it('a worker stops cleanly on SIGTERM', async () => {
    const w = startWorker(db);
    await new Promise((r) => setTimeout(r, 1500));
    w.kill('SIGTERM');
    const code = await new Promise<number | null>((resolve) => w.once('exit', (c) => resolve(c)));
    expect(code === 0 || code === null).toBe(true);
  });
});

describe('fault: the queue backend is down when the change commits', () => {
  it('keeps the outbox row in PostgreSQL and delivers it once Redis is reachable again', async () => {
    const db = await createTestDatabase();
    // Port 1 refuses connections: this app's relay cannot reach "Redis".
    const down = await createTestApp({ db, env: { REDIS_URL: 'redis://127.0.0.1:1' } });
    const c = await sql(db.url);
    try {
      const eventId = await publishNotification(c);
      const pending = await eventually(
        async () => {
          const r = await c.query('SELECT relay_attempts, last_error, dispatched_at FROM outbox_messages');
          return r.rows[0].relay_attempts > 0 ? r.rows[0] : undefined;
        },
        15_000,
        'a failed hand-over',
      );
      expect(pending.dispatched_at).toBeNull();
      expect(pending.last_error).toBeTruthy();
      const ready = await down.http.get('/health/ready').expect(503);
      expect(ready.body.checks.redis).toBe('down');
      await down.close();

      const up = await createTestApp({ db });
      try {
        await c.query('UPDATE outbox_messages SET available_at = now()'); // skip the back-off wait
        await eventually(
          async () => {
            const r = await c.query('SELECT count(*)::int AS n FROM notifications WHERE event_id = $1', [eventId]);
            return r.rows[0].n === 1;
          },
          15_000,
          'delivery after Redis came back',
        );
      } finally {
        await up.close();
      }
    } finally {
      await c.end();
      await db.drop();
    }
  });
});
