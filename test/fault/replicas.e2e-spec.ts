import { ChildProcess, spawn } from 'node:child_process';
import path from 'node:path';
import { clearQueueKeys, eventually } from '../utils/test-app';
import { createTestDatabase, sql, TestDatabase } from '../utils/test-db';
import { testEnv } from '../utils/test-env';

const WORKER = path.resolve(__dirname, '../../dist/apps/worker/src/main.js');

describe('replicas: two worker processes on one database', () => {
  let db: TestDatabase;
  const workers: ChildProcess[] = [];
  beforeAll(async () => {
    db = await createTestDatabase();
  });
  afterAll(async () => {
    for (const w of workers) w.kill('SIGKILL');
    await db.drop();
    await clearQueueKeys(db.name);
  });

  it('share the outbox (SKIP LOCKED) and run each of 300 jobs exactly once', async () => {
    const c = await sql(db.url);
    await c.query(`
      WITH ev AS (
        INSERT INTO notification_events (kind, title, body, audience)
        SELECT 'test.replicas', 'n' || i, 'b', '{"roles":["admin","supervisor"]}' FROM generate_series(1, 300) i
        RETURNING id)
      INSERT INTO outbox_messages (job_name, payload) SELECT 'notification.fanout', jsonb_build_object('eventId', id) FROM ev`);
    for (let i = 0; i < 2; i++) {
      workers.push(
        spawn(process.execPath, [WORKER], {
          env: { ...process.env, ...testEnv({ DATABASE_URL: db.url, QUEUE_PREFIX: db.name, OUTBOX_POLL_MS: '20' }) },
          stdio: 'ignore',
        }),
      );
    }
    await eventually(
      async () => {
        const r = await c.query('SELECT count(*)::int AS n FROM notification_events WHERE fanned_out_at IS NULL');
        return r.rows[0].n === 0;
      },
      45_000,
      'all 300 events fanned out',
    );
    // admin + sup.city + sup.binhai: 3 inbox rows per event, none doubled
    const inbox = await c.query('SELECT count(*)::int AS n, count(DISTINCT (event_id, user_id))::int AS distinct_n FROM notifications');
    expect(inbox.rows[0]).toEqual({ n: 900, distinct_n: 900 });
    const outbox = await c.query('SELECT count(*)::int AS pending FROM outbox_messages WHERE dispatched_at IS NULL');
    expect(outbox.rows[0].pending).toBe(0);
    await c.end();
  });
});
