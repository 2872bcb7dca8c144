import { CreditStandin, startCreditStandin } from '@app/credit';
import { createTestApp, eventually, TestApp } from '../utils/test-app';
import { sql } from '../utils/test-db';
import { uscc } from '../utils/identifiers';

const PUBLICATIONS = 40;
const PLATFORM_DELAY_MS = 1500;

/**
 * The credit platform answers each call 1.5 s late; the worker has a small pool (5) and takes 20 jobs at once.
 * Deliveries must not hold a connection or a row lock while they wait on the platform (claim → call → record),
 * so the pool stays free for the relay and everything else, and each publication still ends with one record.
 */
describe('fault: a slow credit platform (1.5 s per call) with a small pool', () => {
  let standin: CreditStandin;
  let t: TestApp;
  beforeAll(async () => {
    standin = await startCreditStandin();
    standin.setDelay(PLATFORM_DELAY_MS);
    t = await createTestApp({
      env: { CREDIT_PLATFORM_URL: standin.url, DATABASE_POOL_SIZE: '5', WORKER_CONCURRENCY: '20', CREDIT_HTTP_TIMEOUT_MS: '10000' },
    });
  });
  afterAll(async () => {
    await t?.close();
    await standin?.stop();
  });

  it(`delivers ${PUBLICATIONS} publications once each, with no transaction left open while the platform answers`, async () => {
    const c = await sql(t.db.url);
    let heldAcrossCall = 0;
    let watching = true;
    // any session idle inside a transaction for longer than a statement takes is one waiting on something else
    const watcher = (async () => {
      while (watching) {
        const r = await c.query(
          `SELECT count(*)::int AS n FROM pg_stat_activity
            WHERE datname = current_database() AND state LIKE 'idle in transaction%' AND now() - state_change > interval '700 milliseconds'`,
        );
        heldAcrossCall = Math.max(heldAcrossCall, r.rows[0].n);
        await new Promise((r) => setTimeout(r, 100));
      }
    })();
    try {
      const started = Date.now();
      await c.query(
        `WITH p AS (
           INSERT INTO credit_publications (case_id, party_id, org_unit_code, status, decided_on, due_on, display_until, record)
           SELECT gen_random_uuid(), gen_random_uuid(), '120116', 'pending', current_date, current_date + 10, current_date + 1000,
                  jsonb_build_object('partyName', '公司' || i, 'documentNo', '津滨知执决〔2026〕' || lpad(i::text, 4, '0') || '号', 'partyCode', $2::text)
             FROM generate_series(1, $1::int) i RETURNING id)
         INSERT INTO outbox_messages (job_name, payload) SELECT 'credit.deliver', jsonb_build_object('publicationId', id) FROM p`,
        [PUBLICATIONS, uscc(4)],
      );
      await eventually(
        async () => {
          const r = await c.query("SELECT count(*)::int AS n FROM credit_publications WHERE status = 'published'");
          return r.rows[0].n === PUBLICATIONS;
        },
        120_000,
        'every publication delivered',
      );
      const seconds = (Date.now() - started) / 1000;
      process.stdout.write(
        `\nslow platform: ${PUBLICATIONS} deliveries at ${PLATFORM_DELAY_MS} ms per call, pool 5, concurrency 20: ` +
          `${(PUBLICATIONS / seconds).toFixed(2)} deliveries/s (${seconds.toFixed(1)} s); max transactions idle across a call so far: ${heldAcrossCall}\n`,
      );
      expect(standin.created).toBe(PUBLICATIONS);
      expect(standin.records.size).toBe(PUBLICATIONS);
      const counted = await c.query("SELECT coalesce(sum(value), 0)::int AS n FROM metric_counts WHERE metric = 'credit.published'");
      expect(counted.rows[0].n).toBe(PUBLICATIONS);
      watching = false;
      await watcher;
      expect(heldAcrossCall).toBe(0);
    } finally {
      watching = false;
      await watcher.catch(() => undefined);
      await c.end();
    }
  });
});
