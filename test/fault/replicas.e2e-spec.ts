import { ChildProcess, spawn } from 'node:child_process';
import path from 'node:path';
import { clearQueueKeys, eventually } from '../utils/test-app';
import { createTestDatabase, sql, TestDatabase } from '../utils/test-db';
import request from 'supertest';
import { DEMO_PASSWORD, testEnv } from '../utils/test-env';
import { freePort } from '../utils/throwaway-servers';
import { uscc } from '../utils/identifiers';

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

describe('replicas: two api and two worker processes on one database', () => {
  let db: TestDatabase;
  const children: ChildProcess[] = [];
  const API = path.resolve(__dirname, '../../dist/apps/api/src/main.js');
  beforeAll(async () => {
    db = await createTestDatabase();
  });
  afterAll(async () => {
    for (const ch of children) ch.kill('SIGKILL');
    await db.drop();
    await clearQueueKeys(db.name);
  });

  it('issue no receipt or ticket number twice (ticket numbers stay gapless) and run each job once', async () => {
    const env = (extra: Record<string, string>) => ({
      ...process.env,
      ...testEnv({ DATABASE_URL: db.url, QUEUE_PREFIX: db.name, OUTBOX_POLL_MS: '20', LOGIN_RATE_LIMIT_PER_MINUTE: '10000', ...extra }),
    });
    const bases: string[] = [];
    for (let i = 0; i < 2; i++) {
      const port = await freePort();
      bases.push(`http://127.0.0.1:${port}`);
      children.push(spawn(process.execPath, [API], { env: env({ PORT: String(port), HOST: '127.0.0.1' }), stdio: 'ignore' }));
      children.push(spawn(process.execPath, [WORKER], { env: env({}), stdio: 'ignore' }));
    }
    for (const base of bases)
      await eventually(async () => (await request(base).get('/health/ready')).status === 200, 30_000, `${base} ready`);
    const tokens = await Promise.all(
      bases.map(async (base) => ({
        base,
        officer: (await request(base).post('/api/v1/auth/login').send({ username: 'off.binhai1', password: DEMO_PASSWORD })).body
          .accessToken as string,
        op: (await request(base).post('/api/v1/auth/login').send({ username: 'op.12330', password: DEMO_PASSWORD })).body
          .accessToken as string,
      })),
    );
    const PER_API = 30;
    const statuses: number[] = [];
    await Promise.all(
      tokens.flatMap(({ base, officer, op }) =>
        Array.from({ length: PER_API }, async (_, i) => {
          const c = await request(base)
            .post('/api/v1/cases')
            .set('authorization', `Bearer ${officer}`)
            .send({
              type: 'passing_off',
              source: 'inspection',
              orgUnitCode: '120116',
              receivedOn: '2026-11-02',
              summary: '并发收案',
              requesters: [],
              respondents: [{ kind: 'organization', name: `并发公司${i}`, uscc: uscc(600 + i) }],
              patents: [],
            });
          const tk = await request(base)
            .post('/api/v1/hotline/tickets')
            .set('authorization', `Bearer ${op}`)
            .send({ channel: 'web', category: 'consultation', caller: { name: '并发' }, subject: 's', description: 'd' });
          statuses.push(c.status, tk.status);
        }),
      ),
    );
    expect(statuses.filter((s) => s !== 201)).toEqual([]);
    const c = await sql(db.url);
    try {
      const numbers = await c.query(`SELECT
        (SELECT count(*) FROM cases)::int AS cases, (SELECT count(DISTINCT receipt_no) FROM cases)::int AS receipts,
        (SELECT count(*) FROM hotline_tickets)::int AS tickets, (SELECT count(DISTINCT ticket_no) FROM hotline_tickets)::int AS ticket_nos,
        (SELECT max(substring(ticket_no from '(\\d+)$')::int) - min(substring(ticket_no from '(\\d+)$')::int) + 1 FROM hotline_tickets)::int AS span`);
      expect(numbers.rows[0]).toEqual({
        cases: 2 * PER_API,
        receipts: 2 * PER_API,
        tickets: 2 * PER_API,
        ticket_nos: 2 * PER_API,
        span: 2 * PER_API,
      });
      // 200 fan-out jobs shared by the two workers (relayed by both): each ran once, and every outbox row finished
      await c.query(`
        WITH ev AS (
          INSERT INTO notification_events (kind, title, body, audience)
          SELECT 'test.replicas2', 'n' || i, 'b', '{"roles":["admin"]}' FROM generate_series(1, 200) i RETURNING id)
        INSERT INTO outbox_messages (job_name, payload) SELECT 'notification.fanout', jsonb_build_object('eventId', id) FROM ev`);
      await eventually(
        async () => {
          const r = await c.query('SELECT count(*)::int AS n FROM outbox_messages WHERE finished_at IS NULL');
          return r.rows[0].n === 0;
        },
        45_000,
        'every job finished',
      );
      const inbox = await c.query(
        `SELECT count(*)::int AS n, count(DISTINCT (n.event_id, n.user_id))::int AS d FROM notifications n
           JOIN notification_events e ON e.id = n.event_id WHERE e.kind = 'test.replicas2'`,
      );
      expect(inbox.rows[0]).toEqual({ n: 200, d: 200 });
    } finally {
      await c.end();
    }
  });
});
