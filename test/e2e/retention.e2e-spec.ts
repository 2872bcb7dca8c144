import { RetentionTask } from '@app/platform';
import { createTestApp, TestApp } from '../utils/test-app';
import { sql } from '../utils/test-db';

describe('retention clean-up (worker, hourly)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ withWorker: true });
  });
  afterAll(() => t.close());

  it('removes only bookkeeping rows past their keep period', async () => {
    const db = await sql(t.db.url);
    const admin = (await db.query("SELECT id FROM users WHERE username = 'admin'")).rows[0].id as string;
    // finished 8 days ago (removed), finished yesterday (kept), handed over 8 days ago but its job never finished (kept:
    // the relay still reconciles it)
    await db.query(`INSERT INTO outbox_messages (job_name, payload, dispatched_at, finished_at) VALUES
      ('notification.fanout', '{}', now() - interval '8 days', now() - interval '8 days'),
      ('notification.fanout', '{}', now() - interval '1 day', now() - interval '1 day'),
      ('notification.fanout', '{}', now() - interval '8 days', NULL)`);
    await db.query(
      `INSERT INTO idempotency_keys (user_id, key, request_hash, state, created_at) VALUES
       ($1, 'old-key-0001', repeat('a', 64), 'done', now() - interval '25 hours'), ($1, 'new-key-0001', repeat('a', 64), 'done', now())`,
      [admin],
    );
    await db.query(
      `INSERT INTO sessions (user_id, expires_at, revoked_at) VALUES
       ($1, now() + interval '1 day', now() - interval '31 days'), ($1, now() + interval '1 day', NULL)`,
      [admin],
    );
    const removed = await t.app.get(RetentionTask).run();
    expect(removed).toEqual({ outbox: 1, idempotencyKeys: 1, sessions: 1 });
    const left = await db.query(`SELECT
      (SELECT count(*) FROM outbox_messages WHERE finished_at < now() - interval '7 days')::int AS old_outbox,
      (SELECT count(*) FROM outbox_messages WHERE finished_at IS NULL)::int AS unfinished,
      (SELECT count(*) FROM idempotency_keys)::int AS keys,
      (SELECT count(*) FROM sessions WHERE revoked_at IS NULL)::int AS live_sessions`);
    expect(left.rows[0]).toEqual({ old_outbox: 0, unfinished: 1, keys: 1, live_sessions: 1 });
    await db.end();
  });
});
