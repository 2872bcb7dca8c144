import { ChildProcess, spawn } from 'node:child_process';
import path from 'node:path';
import { CreditStandin, startCreditStandin } from '@app/credit';
import { clearQueueKeys, createTestApp, eventually } from '../utils/test-app';
import { createTestDatabase, sql, TestDatabase } from '../utils/test-db';
import { testEnv } from '../utils/test-env';
import { takePassingOffCaseToDecision, orgRespondent, PENALTY } from '../factories/cases';
import { uscc } from '../utils/identifiers';

const WORKER = path.resolve(__dirname, '../../dist/apps/worker/src/main.js');
const PUBLICATIONS = 500;
const KILLS = 20;

const exited = (child: ChildProcess) =>
  new Promise<void>((resolve) => (child.exitCode !== null || child.signalCode !== null ? resolve() : child.once('exit', () => resolve())));

describe('fault: credit deliveries with the worker SIGKILLed mid-flight', () => {
  let db: TestDatabase;
  let standin: CreditStandin;
  beforeAll(async () => {
    db = await createTestDatabase();
    standin = await startCreditStandin();
    // answers come 50 ms after the record is stored: a kill often lands between the two
    standin.setDelay(50);
  });
  afterAll(async () => {
    await standin.stop();
    await db.drop();
    await clearQueueKeys(db.name);
  });

  const startWorker = (): ChildProcess =>
    spawn(process.execPath, [WORKER], {
      env: {
        ...process.env,
        ...testEnv({
          DATABASE_URL: db.url,
          QUEUE_PREFIX: db.name,
          DATABASE_POOL_SIZE: '10',
          WORKER_CONCURRENCY: '8',
          WORKER_LOCK_MS: '2000',
          WORKER_STALLED_INTERVAL_MS: '1000',
          CREDIT_PLATFORM_URL: standin.url,
          CREDIT_SWEEP_INTERVAL_MS: '1000',
          CREDIT_REDELIVER_AFTER_MS: '5000',
        }),
      },
      stdio: ['ignore', 'ignore', 'ignore'],
    });

  it(`${KILLS} kills while ${PUBLICATIONS} publications flow: exactly ${PUBLICATIONS} records at the platform`, async () => {
    const c = await sql(db.url);
    try {
      // publications as the approval hook leaves them: complete records, pending, each with its outbox job
      await c.query(
        `WITH p AS (
           INSERT INTO credit_publications (case_id, party_id, org_unit_code, status, decided_on, due_on, display_until, record)
           SELECT gen_random_uuid(), gen_random_uuid(), '120116', 'pending', current_date, current_date + 10, current_date + 1000,
                  jsonb_build_object('partyName', '公司' || i, 'documentNo', '津滨知执决〔2026〕' || lpad(i::text, 4, '0') || '号',
                                     'partyCode', $2::text)
             FROM generate_series(1, $1::int) i RETURNING id)
         INSERT INTO outbox_messages (job_name, payload) SELECT 'credit.deliver', jsonb_build_object('publicationId', id) FROM p`,
        [PUBLICATIONS, uscc(7)],
      );
      const published = async () =>
        Number((await c.query(`SELECT count(*) AS n FROM credit_publications WHERE status = 'published'`)).rows[0].n);

      for (let kill = 0; kill < KILLS; kill++) {
        const before = await published();
        const w = startWorker();
        // kill once this worker has delivered a few (so that more are in flight), or after 3 s at most
        await eventually(async () => (await published()) >= Math.min(PUBLICATIONS, before + 5) || undefined, 3_000, 'progress').catch(
          () => undefined,
        );
        w.kill('SIGKILL');
        await exited(w);
      }
      const last = startWorker();
      try {
        await eventually(async () => (await published()) === PUBLICATIONS || undefined, 60_000, 'every publication delivered');
      } finally {
        last.kill('SIGKILL');
        await exited(last);
      }
      const live = standin.live();
      expect(standin.created).toBe(PUBLICATIONS);
      expect(new Set(live.map((r) => r.idempotencyKey)).size).toBe(PUBLICATIONS);
      expect(live).toHaveLength(PUBLICATIONS);
      // every stored receipt is the platform's record for that publication
      const rows = await c.query<{ id: string; platform_receipt_id: string }>(`SELECT id, platform_receipt_id FROM credit_publications`);
      const byReceipt = new Map(live.map((r) => [r.receiptId, r.idempotencyKey]));
      expect(rows.rows.every((r) => byReceipt.get(r.platform_receipt_id) === r.id)).toBe(true);
      // some answers were lost to the kills and replayed: the platform saw more POSTs than it created records
      expect(standin.posts).toBeGreaterThanOrEqual(PUBLICATIONS);
    } finally {
      await c.end();
    }
  }, 180_000);
});

describe('fault: Redis down when penalties are approved', () => {
  it('keeps the deliveries in the outbox and publishes them all once Redis is back', async () => {
    const standin = await startCreditStandin();
    const db = await createTestDatabase();
    const env = { CREDIT_PLATFORM_URL: standin.url, CREDIT_SWEEP_INTERVAL_MS: '3600000' };
    const down = await createTestApp({ db, env: { ...env, REDIS_URL: 'redis://127.0.0.1:1' } });
    const c = await sql(db.url);
    try {
      for (let i = 0; i < 3; i++) await takePassingOffCaseToDecision(down, PENALTY, [orgRespondent(300 + i)]);
      const pending = await c.query(
        `SELECT count(*)::int AS n FROM outbox_messages WHERE job_name = 'credit.deliver' AND dispatched_at IS NULL`,
      );
      expect(pending.rows[0].n).toBe(3);
      expect(standin.created).toBe(0);
      await down.close();

      const up = await createTestApp({ db, env });
      try {
        await c.query('UPDATE outbox_messages SET available_at = now()'); // skip the relay's back-off wait
        await eventually(
          async () => {
            const r = await c.query(`SELECT count(*)::int AS n FROM credit_publications WHERE status = 'published'`);
            return r.rows[0].n === 3;
          },
          20_000,
          'publication after Redis came back',
        );
        expect(standin.created).toBe(3);
      } finally {
        await up.close();
      }
    } finally {
      await c.end();
      await db.drop();
      await standin.stop();
    }
  });
});
