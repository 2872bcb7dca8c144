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

  it('sweeps in parallel without a second alert, and escalates again when the case reaches a new deadline', async () => {
    const c = await intake('2026-10-14');
    const sweep = t.app.get(CaseDeadlineSweep);
    const [a, b] = await Promise.all([sweep.run(), sweep.run()]);
    expect(a.escalations + b.escalations).toBe(1);

    // filed late, back-entered to the day it was received: its closing deadline has passed already, and the
    // escalation for the filing decision must not hide the one for the new deadline
    const officer = await t.token('off.binhai1');
    const filed = await t.http
      .post(`/api/v1/cases/${c.id}/actions/file`)
      .set(auth(officer))
      .send({ expectedVersion: 1, filedOn: '2026-10-14' })
      .expect(200);
    const closingDue = filed.body.deadlines.closingDue as string;
    expect(closingDue < '2026-12-01').toBe(true);
    expect(await sweep.run()).toEqual({ reminders: 0, escalations: 1 });
    expect(await sweep.run()).toEqual({ reminders: 0, escalations: 0 });

    // extended: a new deadline in the future gets its reminder when it comes near, once
    const db = await sql(t.db.url);
    await db.query(`UPDATE cases SET extended_closing_due = (now() AT TIME ZONE 'Asia/Shanghai')::date + 1 WHERE id = $1`, [c.id]);
    expect(await sweep.run()).toEqual({ reminders: 1, escalations: 0 });
    expect(await sweep.run()).toEqual({ reminders: 0, escalations: 0 });
    const alerts = await db.query('SELECT kind, due_on FROM case_deadline_alerts WHERE case_id = $1', [c.id]);
    await db.end();
    expect(alerts.rows.map((r: { kind: string }) => r.kind).sort()).toEqual(['overdue', 'overdue', 'reminder']);
  });
});
