import { auth, createTestApp, eventually, TestApp } from '../utils/test-app';
import { caseUnderInvestigation } from '../utils/transfers';

describe('e-commerce and customs liaison, referrals that report back', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ env: { EXCHANGE_SWEEP_INTERVAL_MS: '1000' } });
  });
  afterAll(() => t.close());

  it('records liaisons with their due dates, lists the overdue ones for supervisors and escalates them', async () => {
    const c = await caseUnderInvestigation(t, [], 11);
    const officer = await t.token('off.binhai1');
    const sup = await t.token('sup.binhai');
    const bad = await t.http
      .post(`/api/v1/cases/${c.id}/liaisons`)
      .set(auth(officer))
      .send({ channel: 'customs', kind: 'detention', sentOn: '2026-11-02' });
    expect(bad.status).toBe(400);
    expect((bad.body.details as { field: string }[]).map((d) => d.field)).toEqual(['port', 'reference']);
    const unknown = await t.http
      .post(`/api/v1/cases/${c.id}/liaisons`)
      .set(auth(officer))
      .send({ channel: 'ecommerce', kind: 'takedown', sentOn: '2026-11-02', x: 1 });
    expect(unknown.status).toBe(400);

    const ec = await t.http
      .post(`/api/v1/cases/${c.id}/liaisons`)
      .set(auth(officer))
      .send({
        channel: 'ecommerce',
        kind: 'takedown',
        platform: '淘宝',
        storeName: '某店',
        listingUrls: ['https://item.example.com/1'],
        sentOn: '2026-11-02',
      });
    expect(ec.status).toBe(201);
    expect(ec.body).toMatchObject({ status: 'open', replyDue: '2026-11-09', overdue: true });
    const cu = await t.http.post(`/api/v1/cases/${c.id}/liaisons`).set(auth(officer)).send({
      channel: 'customs',
      kind: 'detention',
      port: '天津新港',
      reference: '津关扣字2026-001',
      sentOn: '2026-11-02',
      replyDue: '2099-01-01',
    });
    expect(cu.status).toBe(201);

    const overdue = await t.http.get('/api/v1/liaisons?overdue=true').set(auth(sup)).expect(200);
    expect((overdue.body.items as { id: string }[]).map((l) => l.id)).toEqual([ec.body.id]);
    expect((await t.http.get('/api/v1/liaisons?open=true').set(auth(sup)).expect(200)).body.items).toHaveLength(2);
    expect((await t.http.get('/api/v1/liaisons').set(auth(officer))).status).toBe(403);
    expect(
      (
        await t.http
          .get('/api/v1/liaisons')
          .set(auth(await t.token('sup.city')))
          .expect(200)
      ).body.items,
    ).toHaveLength(2);
    const heping = await t.http.get(`/api/v1/cases/${c.id}/liaisons`).set(auth(await t.token('off.heping1')));
    expect(heping.status).toBe(404);

    await eventually(
      async () => {
        const inbox = await t.http.get('/api/v1/notifications').set(auth(sup)).expect(200);
        return (inbox.body.items as { kind: string; entityId: string }[]).some(
          (n) => n.kind === 'liaison.reply_overdue' && n.entityId === ec.body.id,
        );
      },
      15_000,
      'the overdue liaison escalated',
    );

    const replied = await t.http
      .post(`/api/v1/liaisons/${ec.body.id}/actions/record_reply`)
      .set(auth(officer))
      .send({ expectedVersion: 1, reply: '已下架', outcome: 'removed' });
    expect(replied.status).toBe(200);
    expect(replied.body).toMatchObject({ status: 'replied', outcome: 'removed', overdue: false });
    const events = await t.http.get(`/api/v1/cases/${c.id}/events`).set(auth(officer)).expect(200);
    expect((events.body as { action: string }[]).map((e) => e.action)).toEqual(
      expect.arrayContaining(['liaison_sent', 'liaison_record_reply']),
    );
  });

  it('a refer opens a referral; the receiving body and then the outcome are recorded; summary by route', async () => {
    const c = await caseUnderInvestigation(t, [], 12);
    const officer = await t.token('off.binhai1');
    await t.http
      .post(`/api/v1/cases/${c.id}/actions/refer`)
      .set(auth(officer))
      .send({ expectedVersion: c.version, to: 'court', reason: '当事人已起诉' })
      .expect(200);
    const list = await t.http.get(`/api/v1/referrals?caseId=${c.id}`).set(auth(officer)).expect(200);
    const r = list.body.items[0] as { id: string; version: number; status: string; route: string };
    expect(r).toMatchObject({ status: 'referred', route: 'court' });
    const ack = await t.http
      .post(`/api/v1/referrals/${r.id}/actions/acknowledge`)
      .set(auth(officer))
      .send({ expectedVersion: r.version, receivingBody: '天津市第三中级人民法院', reference: '（2026）津03知民初1号' });
    expect(ack.status).toBe(200);
    const wrong = await t.http
      .post(`/api/v1/referrals/${r.id}/actions/record_outcome`)
      .set(auth(officer))
      .send({ expectedVersion: ack.body.version, outcome: 'award', outcomeOn: '2026-11-20' });
    expect(wrong.status).toBe(400);
    expect(wrong.body.details[0].field).toBe('outcome');
    const done = await t.http
      .post(`/api/v1/referrals/${r.id}/actions/record_outcome`)
      .set(auth(officer))
      .send({ expectedVersion: ack.body.version, outcome: 'judgment', outcomeOn: '2026-11-20', summary: '判决停止侵权' });
    expect(done.status).toBe(200);
    expect(done.body).toMatchObject({ status: 'concluded', outcome: 'judgment', receivingBody: '天津市第三中级人民法院' });
    const summary = await t.http.get('/api/v1/referrals/summary?from=2020-01-01&to=2099-12-31').set(auth(officer)).expect(200);
    expect(summary.body.rows).toEqual([{ route: 'court', ftz: false, outcome: 'judgment', n: 1 }]);
  });
});
