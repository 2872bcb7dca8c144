import { generateExchangeKeyPair } from '@app/transfers';
import { auth, TestApp } from './test-app';
import { sql } from './test-db';
import { patentNumber, uscc } from './identifiers';

export const UNITS = { binhai: '120116', heping: '120101' } as const;
/** The active partner office (an endpoint nothing listens on: the matrix runs without the worker) the transfers go to. */
export const PARTNER_CODE = '310000';
export type UnitName = keyof typeof UNITS;

/** One record of each kind per unit (滨海新区 and 和平区), made through the api where that is cheap, else by SQL. */
export interface UnitRecords {
  caseId: string;
  evidenceId: string;
  ticketId: string;
  publicationId: string;
  /** an early-warning alert over tickets of this unit only */
  alertId: string;
  /** a user of the unit (not one of the callers) */
  userId: string;
  /** an outbound assistance request on the case, awaiting a supervisor's approval */
  transferId: string;
  /** an inbound assistance request routed to the unit, received (answer files may be added) */
  inboundId: string;
  /** an answer file of the inbound request, stored */
  answerFileId: string;
  /** an open customs liaison of the case */
  liaisonId: string;
  /** a referral of the case to a court, awaiting acknowledgement */
  referralId: string;
}

export interface ScopeFixtures {
  binhai: UnitRecords;
  heping: UnitRecords;
  /** an alert over tickets of both units (a city-wide alert) */
  cityAlertId: string;
  /** per demo user: one notification of their own */
  notificationOf: Record<string, string>;
  userIdOf: Record<string, string>;
}

export const caseBody = (orgUnitCode: string, serial = 1) => ({
  type: 'infringement_dispute',
  source: 'complaint',
  orgUnitCode,
  receivedOn: '2026-09-28',
  summary: '请求人称被请求人销售侵权产品',
  requesters: [{ kind: 'organization', name: `请求科技有限公司${serial}`, uscc: uscc(serial), role: 'patentee' }],
  respondents: [{ kind: 'organization', name: `被请求贸易有限公司${serial}`, uscc: uscc(serial + 500) }],
  patents: [{ number: patentNumber(serial) }],
});

export const ticketBody = (serial = 1) => ({
  channel: 'phone',
  category: 'complaint',
  caller: { name: '张三', phone: `1391234${String(1000 + serial).slice(-4)}` },
  subject: '展会上销售侵权产品',
  description: '来电反映某公司销售涉嫌侵权的产品。',
});

export async function buildScopeFixtures(t: TestApp): Promise<ScopeFixtures> {
  const db = await sql(t.db.url);
  try {
    const users = await db.query<{ id: string; username: string }>('SELECT id, username FROM users');
    const userIdOf = Object.fromEntries(users.rows.map((u) => [u.username, u.id]));
    const op = await t.token('op.12330');
    await t.http
      .put(`/api/v1/partners/${PARTNER_CODE}`)
      .set(auth(await t.token('admin')))
      .send({
        name: '上海市知识产权局',
        endpoint: 'http://127.0.0.1:9/api/v1',
        keys: [{ keyId: 'matrix-1', algorithm: 'ed25519', publicKey: generateExchangeKeyPair('ed25519').publicKey }],
        active: true,
      })
      .expect(200);
    const unit = async (name: UnitName, officer: string, otherUser: string, serial: number): Promise<UnitRecords> => {
      const code = UNITS[name];
      const token = await t.token(officer);
      const c = await t.http.post('/api/v1/cases').set(auth(token)).send(caseBody(code, serial)).expect(201);
      const ev = await t.http
        .post(`/api/v1/cases/${c.body.id}/evidence`)
        .set(auth(token))
        .field('description', '现场照片')
        .attach('file', Buffer.from('evidence bytes'), { filename: 'photo.txt', contentType: 'text/plain' })
        .expect(201);
      const ticket = await t.http.post('/api/v1/hotline/tickets').set(auth(op)).send(ticketBody(serial)).expect(201);
      const triaged = await t.http
        .post(`/api/v1/hotline/tickets/${ticket.body.id}/actions/triage`)
        .set(auth(op))
        .send({ expectedVersion: ticket.body.version })
        .expect(200);
      const assigned = await t.http
        .post(`/api/v1/hotline/tickets/${ticket.body.id}/actions/assign`)
        .set(auth(op))
        .send({ expectedVersion: triaged.body.version, orgUnitCode: code })
        .expect(200);
      const pub = await db.query<{ id: string }>(
        `INSERT INTO credit_publications (case_id, party_id, org_unit_code, status, decided_on, due_on, display_until, record)
         VALUES ($1, gen_random_uuid(), $2, 'pending', current_date, current_date + 10, current_date + 1000, '{"partyName":"x"}')
         RETURNING id`,
        [c.body.id, code],
      );
      const alert = await insertAlert(db, [assigned.body.id], `unit-${name}`);
      const transfer = await t.http
        .post(`/api/v1/cases/${c.body.id}/transfers`)
        .set(auth(token))
        .send({ partnerCode: PARTNER_CODE, kind: 'assist_investigation', reason: '请协助调查被请求人' })
        .expect(201);
      const inbound = await db.query<{ id: string }>(
        `INSERT INTO transfers (direction, kind, status, partner_code, org_unit_code, exchange_id, reason, reply_due)
         VALUES ('in', 'assist_investigation', 'received', $1, $2, gen_random_uuid(), '请协助送达', current_date + 10) RETURNING id`,
        [PARTNER_CODE, code],
      );
      const answer = await t.http
        .post(`/api/v1/transfers/${inbound.rows[0].id}/files`)
        .set(auth(token))
        .field('description', '协查结果')
        .attach('file', Buffer.from('answer bytes'), { filename: 'answer.txt', contentType: 'text/plain' })
        .expect(201);
      const liaison = await t.http
        .post(`/api/v1/cases/${c.body.id}/liaisons`)
        .set(auth(token))
        .send({ channel: 'customs', kind: 'joint_action', port: '天津新港', sentOn: '2026-11-20' })
        .expect(201);
      const referral = await db.query<{ id: string }>(
        `INSERT INTO case_referrals (case_id, org_unit_code, route, status, reason, referred_on)
         VALUES ($1, $2, 'court', 'referred', '当事人起诉', current_date) RETURNING id`,
        [c.body.id, code],
      );
      return {
        caseId: c.body.id,
        evidenceId: ev.body.id,
        ticketId: assigned.body.id,
        publicationId: pub.rows[0].id,
        alertId: alert,
        userId: userIdOf[otherUser],
        transferId: transfer.body.id,
        inboundId: inbound.rows[0].id,
        answerFileId: answer.body.id,
        liaisonId: liaison.body.id,
        referralId: referral.rows[0].id,
      };
    };
    const binhai = await unit('binhai', 'off.binhai1', 'off.binhai2', 11);
    const heping = await unit('heping', 'off.heping1', 'off.heping2', 12);
    const cityAlertId = await insertAlert(db, [binhai.ticketId, heping.ticketId], 'city');
    const notificationOf: Record<string, string> = {};
    for (const [username, id] of Object.entries(userIdOf)) {
      const ev = await db.query<{ id: string }>(
        `INSERT INTO notification_events (kind, title, body, audience) VALUES ('test.matrix', 't', 'b', '{}') RETURNING id`,
      );
      const n = await db.query<{ id: string }>(`INSERT INTO notifications (event_id, user_id) VALUES ($1, $2) RETURNING id`, [
        ev.rows[0].id,
        id,
      ]);
      notificationOf[username] = n.rows[0].id;
    }
    return { binhai, heping, cityAlertId, notificationOf, userIdOf };
  } finally {
    await db.end();
  }
}

async function insertAlert(db: Awaited<ReturnType<typeof sql>>, ticketIds: string[], key: string): Promise<string> {
  const r = await db.query<{ id: string }>(
    `INSERT INTO hotline_alerts (kind, key, label, window_days, threshold, ticket_count, ticket_ids, raised_at)
     VALUES ('respondent', $1, $1, 30, 1, $2, $3::uuid[], now()) RETURNING id`,
    [key, ticketIds.length, ticketIds],
  );
  return r.rows[0].id;
}
