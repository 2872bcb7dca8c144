import { MetricsRebuildService } from '@app/metrics';
import { DemoHistorySeeder } from '@app/platform';
import { auth, createTestApp, TestApp } from '../utils/test-app';
import { sql } from '../utils/test-db';

describe("the demo's lived-in year, seeded through the real services", () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ withWorker: false });
  });
  afterAll(() => t.close());

  it('fills cases across units, statuses and months, tickets in many statuses and the 630 target; once only; counts agree', async () => {
    const seeder = t.app.get(DemoHistorySeeder);
    const made = await seeder.seed({ cases: 60, tickets: 16 });
    expect(made).toEqual({ cases: 60, tickets: 16 });
    expect(await seeder.seed({ cases: 60, tickets: 16 })).toEqual({ cases: 0, tickets: 0 });

    const db = await sql(t.db.url);
    try {
      const q = async (text: string) => (await db.query(text)).rows;
      const statuses = (await q('SELECT DISTINCT status FROM cases')).map((r) => r.status);
      expect(statuses).toEqual(expect.arrayContaining(['received', 'filed', 'investigating', 'closed', 'decided']));
      expect((await q('SELECT count(DISTINCT org_unit_code)::int AS n FROM cases'))[0].n).toBeGreaterThanOrEqual(5);
      expect((await q("SELECT count(DISTINCT date_trunc('month', received_on))::int AS n FROM cases"))[0].n).toBeGreaterThanOrEqual(6);
      expect((await q('SELECT count(DISTINCT status)::int AS n FROM hotline_tickets'))[0].n).toBeGreaterThanOrEqual(5);
      expect((await q('SELECT count(*)::int AS n FROM credit_publications'))[0].n).toBeGreaterThan(0);
      // every step left its timeline event and audit entry, as a user's would
      // (tickets converted into cases add theirs)
      const [{ n: cases }] = await q('SELECT count(*)::int AS n FROM cases');
      expect(cases).toBeGreaterThan(60);
      expect((await q("SELECT count(*)::int AS n FROM audit_entries WHERE action = 'case.received'"))[0].n).toBe(cases);
    } finally {
      await db.end();
    }
    const progress = await t.http
      .get('/api/v1/metrics/target-progress')
      .set(auth(await t.token('sup.city')))
      .expect(200);
    expect(progress.body).toMatchObject({ target: 630 });
    expect(progress.body.filed).toBeGreaterThan(20);
    const overdue = await t.http
      .get('/api/v1/cases?overdue=true&limit=1')
      .set(auth(await t.token('sup.city')))
      .expect(200);
    expect(overdue.body.items).toHaveLength(1);
    const drift = await t.app.get(MetricsRebuildService).rebuild({ dryRun: true });
    expect(drift.metrics.filter((m) => m.drift !== 0)).toEqual([]);
  });
});
