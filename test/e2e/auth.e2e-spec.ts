import { auth, createTestApp, eventually, TestApp } from '../utils/test-app';
import { sql } from '../utils/test-db';
import { DEMO_PASSWORD } from '../utils/test-env';

describe('auth: login, lockout, refresh rotation, logout', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  const login = (username: string, password = DEMO_PASSWORD) => t.http.post('/api/v1/auth/login').send({ username, password });

  it('logs in with the demo password and answers /auth/me', async () => {
    const res = await login('off.binhai1').expect(200);
    expect(res.body).toMatchObject({
      expiresIn: 900,
      user: { username: 'off.binhai1', roles: ['officer'], orgUnit: { code: '120116', kind: 'district' } },
    });
    expect(res.body.refreshToken).toMatch(/^[0-9a-f-]{36}\.[A-Za-z0-9_-]{43}$/);
    const me = await t.http.get('/api/v1/auth/me').set(auth(res.body.accessToken)).expect(200);
    expect(me.body.user).toEqual({
      id: res.body.user.id,
      username: 'off.binhai1',
      displayName: '滨海执法员一',
      roles: ['officer'],
      orgUnit: { code: '120116', name: '滨海新区', kind: 'district' },
    });
    expect(me.headers['x-request-id']).toBeTruthy();
  });

  it('answers 401 with the error body for a wrong password and an unknown user alike', async () => {
    const wrong = await login('off.binhai2', 'not-the-password').expect(401);
    const unknown = await login('nobody.here', 'not-the-password').expect(401);
    expect(wrong.body).toMatchObject({ statusCode: 401, code: 'UNAUTHENTICATED' });
    expect(unknown.body.message).toBe(wrong.body.message);
    expect(wrong.body.requestId).toBe(wrong.headers['x-request-id']);
  });

  it('rejects a malformed body with 400 naming the field, and malformed JSON with 400', async () => {
    const res = await t.http.post('/api/v1/auth/login').send({ username: 'x' }).expect(400);
    expect(res.body.code).toBe('VALIDATION_FAILED');
    expect(res.body.details).toEqual(expect.arrayContaining([expect.objectContaining({ field: 'password' })]));
    const extra = await t.http.post('/api/v1/auth/login').send({ username: 'x', password: 'y', admin: true }).expect(400);
    expect(extra.body.details).toEqual([{ field: 'admin', message: 'is not an allowed field', constraint: expect.any(String) }]);
    const bad = await t.http.post('/api/v1/auth/login').set('content-type', 'application/json').send('{"username":').expect(400);
    expect(bad.body).toMatchObject({ statusCode: 400, code: 'MALFORMED_REQUEST' });
  });

  it('locks an account after 5 failures in 15 minutes (429 ACCOUNT_LOCKED even with the right password) and tells the admins', async () => {
    for (let i = 0; i < 4; i++) await login('off.heping1', 'wrong-password').expect(401);
    const fifth = await login('off.heping1', 'wrong-password').expect(429);
    expect(fifth.body.code).toBe('ACCOUNT_LOCKED');
    const right = await login('off.heping1').expect(429);
    expect(right.body.code).toBe('ACCOUNT_LOCKED');
    expect(Date.parse(right.body.details.lockedUntil) - Date.now()).toBeGreaterThan(14 * 60_000);

    // the lock-out went through the outbox and a job into the admin's inbox
    const admin = await t.token('admin');
    const inbox = await eventually(
      async () => {
        const res = await t.http.get('/api/v1/notifications').set(auth(admin)).expect(200);
        return res.body.items.find((n: { kind: string }) => n.kind === 'security.account_locked');
      },
      10_000,
      'lock-out notification',
    );
    expect(inbox.title).toContain('off.heping1');

    // an admin can clear the lock
    const list = await t.http.get('/api/v1/users?q=off.heping1').set(auth(admin)).expect(200);
    const user = list.body.items[0];
    expect(user.lockedUntil).not.toBeNull();
    await t.http.patch(`/api/v1/users/${user.id}`).set(auth(admin)).send({ expectedVersion: user.version, unlock: true }).expect(200);
    await login('off.heping1').expect(200);
  });

  it('rotates refresh tokens; presenting a used one revokes the whole session', async () => {
    const first = (await login('off.binhai3').expect(200)).body;
    const second = (await t.http.post('/api/v1/auth/refresh').send({ refreshToken: first.refreshToken }).expect(200)).body;
    expect(second.refreshToken).not.toBe(first.refreshToken);
    const third = (await t.http.post('/api/v1/auth/refresh').send({ refreshToken: second.refreshToken }).expect(200)).body;
    await t.http.get('/api/v1/auth/me').set(auth(third.accessToken)).expect(200);

    // the first token again, after its successor was used: reuse → 401, and the session is gone for every token of it
    await t.http.post('/api/v1/auth/refresh').send({ refreshToken: first.refreshToken }).expect(401);
    await t.http.post('/api/v1/auth/refresh').send({ refreshToken: third.refreshToken }).expect(401);
    await t.http.get('/api/v1/auth/me').set(auth(third.accessToken)).expect(401);

    const db = await sql(t.db.url);
    const revoked = await db.query(
      "SELECT revoke_reason FROM sessions s JOIN users u ON u.id = s.user_id WHERE u.username = 'off.binhai3'",
    );
    await db.end();
    expect(revoked.rows).toEqual([{ revoke_reason: 'refresh_token_reuse' }]);
  });

  it('answers a refresh retried with the same token (its answer lost) with a new pair, and voids the lost successor', async () => {
    const first = (await login('off.heping3').expect(200)).body;
    // the rotation commits, the client never sees the answer
    const lost = (await t.http.post('/api/v1/auth/refresh').send({ refreshToken: first.refreshToken }).expect(200)).body;
    const retried = (await t.http.post('/api/v1/auth/refresh').send({ refreshToken: first.refreshToken }).expect(200)).body;
    expect(retried.refreshToken).not.toBe(lost.refreshToken);
    await t.http.get('/api/v1/auth/me').set(auth(retried.accessToken)).expect(200);
    // a retry of the retry is still one
    const again = (await t.http.post('/api/v1/auth/refresh').send({ refreshToken: first.refreshToken }).expect(200)).body;
    const next = (await t.http.post('/api/v1/auth/refresh').send({ refreshToken: again.refreshToken }).expect(200)).body;
    // once the client went on, the old token is a copy: the session is revoked
    await t.http.post('/api/v1/auth/refresh').send({ refreshToken: first.refreshToken }).expect(401);
    await t.http.get('/api/v1/auth/me').set(auth(next.accessToken)).expect(401);
    // and whoever held the voided successor is refused
    await t.http.post('/api/v1/auth/refresh').send({ refreshToken: lost.refreshToken }).expect(401);
  });

  it('stores refresh tokens hashed, never in clear', async () => {
    const pair = (await login('off.binhai2').expect(200)).body;
    const secret = pair.refreshToken.split('.')[1];
    const db = await sql(t.db.url);
    const rows = await db.query('SELECT token_hash FROM refresh_tokens');
    await db.end();
    expect(rows.rows.length).toBeGreaterThan(0);
    expect(rows.rows.some((r) => r.token_hash.includes(secret))).toBe(false);
  });

  it('logout ends the session: the access token and the refresh token stop working', async () => {
    const pair = (await login('sup.binhai').expect(200)).body;
    await t.http.post('/api/v1/auth/logout').set(auth(pair.accessToken)).expect(204);
    await t.http.get('/api/v1/auth/me').set(auth(pair.accessToken)).expect(401);
    await t.http.post('/api/v1/auth/refresh').send({ refreshToken: pair.refreshToken }).expect(401);
  });

  it('rejects forged and garbage tokens', async () => {
    await t.http.get('/api/v1/auth/me').set(auth('not.a.jwt')).expect(401);
    const pair = (await login('sup.city').expect(200)).body;
    const [h, p] = pair.accessToken.split('.');
    await t.http
      .get('/api/v1/auth/me')
      .set(auth(`${h}.${p}.forgedsignature`))
      .expect(401);
  });
});

describe('auth: login rate limit', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ withWorker: false, env: { LOGIN_RATE_LIMIT_PER_MINUTE: '3' } });
  });
  afterAll(() => t.close());

  it('answers 429 RATE_LIMITED past the per-minute limit', async () => {
    for (let i = 0; i < 3; i++) await t.http.post('/api/v1/auth/login').send({ username: 'nobody', password: 'x' }).expect(401);
    const res = await t.http.post('/api/v1/auth/login').send({ username: 'nobody', password: 'x' }).expect(429);
    expect(res.body.code).toBe('RATE_LIMITED');
  });
});
