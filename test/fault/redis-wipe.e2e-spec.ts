import { CreditStandin, startCreditStandin } from '@app/credit';
import { JobQueue } from '@app/outbox';
import { createTestApp, eventually, TestApp } from '../utils/test-app';
import { sql } from '../utils/test-db';
import { startThrowawayRedis, ThrowawayRedis } from '../utils/throwaway-servers';
import { uscc } from '../utils/identifiers';

const FANOUTS = 100;
const DELIVERIES = 100;
const REMOVALS = 20;
const JOBS = FANOUTS + DELIVERIES + REMOVALS;
const RECONCILE_MS = 2000;

/**
 * Redis is wiped (FLUSHALL on a Redis of this test alone) while every job kind waits in the queue, as a `shutdown
 * nosave`, a failover to an empty replica or an eviction would leave it. The outbox, not any context's sweep, brings
 * every job back within its bound (OUTBOX_RECONCILE_INTERVAL_MS after the backend answers, plus a poll).
 */
describe('fault: Redis wiped with jobs waiting', () => {
  let redis: ThrowawayRedis;
  let standin: CreditStandin;
  let t: TestApp;
  beforeAll(async () => {
    redis = await startThrowawayRedis();
    standin = await startCreditStandin();
    t = await createTestApp({
      env: {
        REDIS_URL: redis.url,
        CREDIT_PLATFORM_URL: standin.url,
        OUTBOX_RECONCILE_INTERVAL_MS: String(RECONCILE_MS),
        // the credit sweep's own re-enqueue stays at its hour: recovery here must come from the outbox
        CREDIT_REDELIVER_AFTER_MS: '3600000',
        WORKER_CONCURRENCY: '10',
      },
    });
  });
  afterAll(async () => {
    await t?.close();
    await standin?.stop();
    await redis?.stop();
  });

  it(`every job kind recovers: ${FANOUTS} notification.fanout, ${DELIVERIES} credit.deliver, ${REMOVALS} credit.remove; none lost, none doubled`, async () => {
    const c = await sql(t.db.url);
    const queue = t.app.get(JobQueue).queue;
    try {
      await queue.pause();
      await c.query(
        `WITH ev AS (
           INSERT INTO notification_events (kind, title, body, audience)
           SELECT 'test.wipe', 'n' || i, 'b', '{"roles":["admin","supervisor"]}' FROM generate_series(1, $1::int) i RETURNING id)
         INSERT INTO outbox_messages (job_name, payload) SELECT 'notification.fanout', jsonb_build_object('eventId', id) FROM ev`,
        [FANOUTS],
      );
      // publications as the approval hook leaves them (pending), and withdrawn ones still to be taken off the platform
      await c.query(
        `WITH p AS (
           INSERT INTO credit_publications (case_id, party_id, org_unit_code, status, decided_on, due_on, display_until, record, removal_pending)
           SELECT gen_random_uuid(), gen_random_uuid(), '120116', CASE WHEN i <= $1 THEN 'pending' ELSE 'withdrawn' END,
                  current_date, current_date + 10, current_date + 1000,
                  jsonb_build_object('partyName', '公司' || i, 'documentNo', '津滨知执决〔2026〕' || lpad(i::text, 4, '0') || '号', 'partyCode', $3::text),
                  i > $1
             FROM generate_series(1, $1::int + $2::int) i RETURNING id, status)
         INSERT INTO outbox_messages (job_name, payload)
         SELECT CASE status WHEN 'pending' THEN 'credit.deliver' ELSE 'credit.remove' END, jsonb_build_object('publicationId', id) FROM p`,
        [DELIVERIES, REMOVALS, uscc(3)],
      );
      const waiting = await eventually(
        async () => {
          const r = await c.query('SELECT count(*)::int AS n FROM outbox_messages WHERE dispatched_at IS NULL');
          const queued = await queue.count();
          return r.rows[0].n === 0 && queued === JOBS ? queued : undefined;
        },
        30_000,
        'every job handed to the (paused) queue',
      );
      expect(waiting).toBe(JOBS);

      await redis.client.flushall();
      const wipedAt = Date.now();
      expect(await queue.count()).toBe(0);

      await eventually(
        async () => {
          const r = await c.query('SELECT count(*)::int AS n FROM outbox_messages WHERE relay_attempts > 0 AND dispatched_at IS NOT NULL');
          return r.rows[0].n === JOBS;
        },
        RECONCILE_MS * 10,
        'every wiped job handed to the queue again',
      );
      const requeuedMs = Date.now() - wipedAt;
      await eventually(
        async () => {
          const r = await c.query(
            `SELECT (SELECT count(*) FROM notification_events WHERE kind = 'test.wipe' AND fanned_out_at IS NULL)::int AS fanouts,
                    (SELECT count(*) FROM credit_publications WHERE status = 'pending')::int AS deliveries,
                    (SELECT count(*) FROM credit_publications WHERE removal_pending)::int AS removals,
                    (SELECT count(*) FROM outbox_messages WHERE finished_at IS NULL)::int AS unfinished`,
          );
          const left = r.rows[0];
          return left.fanouts + left.deliveries + left.removals + left.unfinished === 0;
        },
        // the bound (one reconcile interval and a poll) with ample room for two shared cores
        RECONCILE_MS * 10,
        'every wiped job done',
      );
      const recoveredMs = Date.now() - wipedAt;

      // lost: none (checked above); doubled: no inbox row twice, one platform record per publication, one deletion each
      const inbox = await c.query(
        `SELECT count(*)::int AS n, count(DISTINCT (n.event_id, n.user_id))::int AS d
           FROM notifications n JOIN notification_events e ON e.id = n.event_id WHERE e.kind = 'test.wipe'`,
      );
      expect(inbox.rows[0].n).toBe(inbox.rows[0].d);
      expect(inbox.rows[0].n).toBe(FANOUTS * 3); // admin, sup.city, sup.binhai
      expect(standin.created).toBe(DELIVERIES + REMOVALS);
      expect(standin.records.size).toBe(DELIVERIES + REMOVALS);
      expect(standin.live()).toHaveLength(DELIVERIES);
      const published = await c.query("SELECT count(*)::int AS n FROM credit_publications WHERE status = 'published'");
      expect(published.rows[0].n).toBe(DELIVERIES);
      const requeued = await c.query('SELECT count(*)::int AS n FROM outbox_messages WHERE relay_attempts > 0');
      expect(requeued.rows[0].n).toBe(JOBS);
      process.stdout.write(
        `\nredis wipe: ${JOBS} jobs wiped (${FANOUTS} fanout, ${DELIVERIES} deliver, ${REMOVALS} remove), ${requeued.rows[0].n} handed over again, ` +
          `back in the queue ${requeuedMs} ms and all done ${recoveredMs} ms after the wipe (bound ${RECONCILE_MS} ms + a poll), lost 0, doubled 0\n`,
      );
    } finally {
      await c.end();
    }
  });
});
