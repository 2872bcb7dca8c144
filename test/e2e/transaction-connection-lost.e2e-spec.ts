import { inTransaction, isDatabaseUnavailable, runStatement, statement, toErrorBody } from '@app/kernel';
import type { Client } from 'pg';
import { DataSource, EntityManager } from 'typeorm';
import { createTestApp, TestApp } from '../utils/test-app';
import { sql } from '../utils/test-db';

/**
 * A transaction whose connection is cut between two statements (the server shutting down, a network reset): TypeORM
 * releases its query runner on the client's 'error' event. What follows in that transaction must neither run outside
 * it (a prepared statement falling back to the pool would commit alone) nor answer 500: it fails as a lost connection,
 * which the api answers with 503 and Retry-After. The postgres-restart fault test met this as a 500 on a refresh.
 */
describe('a transaction that loses its connection between statements', () => {
  let t: TestApp;
  let ds: DataSource;
  let admin: Client;
  const insert = statement<never>('INSERT INTO tx_probe (n) VALUES ($1)');

  beforeAll(async () => {
    t = await createTestApp({ withWorker: false });
    ds = t.app.get(DataSource);
    admin = await sql(t.db.url);
    await admin.query('CREATE TABLE tx_probe (n int NOT NULL)');
  });
  afterAll(async () => {
    await admin?.end();
    await t?.close();
  });

  /** cuts the transaction's connection from another session and waits until TypeORM has released the runner */
  async function cut(em: EntityManager): Promise<void> {
    const [{ pid }] = await em.query<{ pid: number }[]>('SELECT pg_backend_pid() AS pid');
    await em.query('INSERT INTO tx_probe (n) VALUES (0)');
    await admin.query('SELECT pg_terminate_backend($1)', [pid]);
    for (let i = 0; !em.queryRunner?.isReleased; i++) {
      if (i > 200) throw new Error('the runner was not released after its backend was terminated');
      await new Promise((r) => setTimeout(r, 10));
    }
  }

  const stored = async () => (await admin.query<{ n: number }>('SELECT n FROM tx_probe ORDER BY n')).rows.map((r) => r.n);

  it('a prepared statement after the cut is not run on the pool; the transaction fails as unavailable (503)', async () => {
    const err = await inTransaction(ds, async (em) => {
      await cut(em);
      await runStatement(em, insert, [1]);
    }).catch((e: unknown) => e);
    expect(err).toMatchObject({ code: '08006' });
    expect(isDatabaseUnavailable(err)).toBe(true);
    expect(toErrorBody(err, 'r1')).toMatchObject({ status: 503, body: { code: 'SERVICE_UNAVAILABLE' }, internal: false });
    // neither the statement before the cut (rolled back with the connection) nor the one after it is stored
    expect(await stored()).toEqual([]);
  });

  it('a TypeORM statement (or the COMMIT) after the cut fails as unavailable, not as an internal error', async () => {
    for (const after of [(em: EntityManager) => em.query('INSERT INTO tx_probe (n) VALUES (2)'), async () => undefined]) {
      const err = await inTransaction(ds, async (em) => {
        await cut(em);
        await after(em);
      }).catch((e: unknown) => e);
      expect(err).toMatchObject({ code: '08006' });
      expect(toErrorBody(err, 'r2')).toMatchObject({ status: 503, internal: false });
    }
    expect(await stored()).toEqual([]);
    // the pool serves again at once: the dead connection was dropped, not handed out
    await inTransaction(ds, (em) => runStatement(em, insert, [3]));
    expect(await stored()).toEqual([3]);
  });
});
