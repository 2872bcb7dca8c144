import { CaseDeadlineSweep } from '@app/cases';
import { auth, createTestApp, eventually, TestApp } from '../utils/test-app';
import { sql } from '../utils/test-db';

describe('case deadline sweep: reminders and escalations, once', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ withWorker: true });
  });
  afterAll(() => t.close());

  const intake = async (receivedOn: string) =>
    (
      await t.http
        .post('/api/v1/cases')
        .set(auth(await t.token('off.binhai1')))
        .send({
          type: 'passing_off',
          source: 'inspection',
          orgUnitCode: '120116',
          receivedOn,
          summary: 's',
          requesters: [],
          respondents: [{ kind: 'organization', name: '某公司' }],
          patents: [],
        })
        .expect(201)
    ).body as { id: string; receiptNo: string };

  it('escalates an overdue filing decision to the unit supervisors exactly once, and leaves suspended cases alone', async () => {
    const overdue = await intake('2026-10-12');
    const suspended = await intake('2026-10-13');
    const officer = await t.token('off.binhai1');
    await t.http
      .post(`/api/v1/cases/${suspended.id}/actions/suspend`)
      .set(auth(officer))
      .send({ expectedVersion: 1, reason: '等待' })
      .expect(200);
    const sweep = t.app.get(CaseDeadlineSweep);
    const first = await sweep.run();
    const second = await sweep.run();
    expect(first.escalations).toBe(1);
    expect(second).toEqual({ reminders: 0, escalations: 0 });

    const db = await sql(t.db.url);
    const alerts = await db.query('SELECT case_id, kind FROM case_deadline_alerts');
    await db.end();
    expect(alerts.rows).toEqual([{ case_id: overdue.id, kind: 'overdue' }]);

    const sup = await t.token('sup.binhai');
    const inbox = await eventually(
      async () => {
        const res = await t.http.get('/api/v1/notifications').set(auth(sup)).expect(200);
        const hits = res.body.items.filter(
          (n: { kind: string; entityId: string }) => n.kind === 'case.deadline_overdue' && n.entityId === overdue.id,
        );
        return hits.length ? hits : undefined;
      },
      10_000,
      'the escalation in the supervisor inbox',
    );
    expect(inbox).toHaveLength(1);
    // a supervisor of another district is not told
    const heping = await t.http
      .get('/api/v1/notifications')
      .set(auth(await t.token('sup.city')))
      .expect(200);
    expect(heping.body.items.some((n: { entityId: string }) => n.entityId === overdue.id)).toBe(false);
  });
});
