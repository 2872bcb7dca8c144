import { sign } from 'jsonwebtoken';
import { auth, createTestApp, TestApp } from '../utils/test-app';
import { TEST_JWT_SECRET } from '../utils/test-env';

const decode = (token: string) => JSON.parse(Buffer.from(token.split('.')[1], 'base64url').toString()) as Record<string, unknown>;

describe('auth hardening: required claims, no lock-out oracle', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ withWorker: false });
  });
  afterAll(() => t.close());

  it('refuses validly signed access tokens that lack exp, iat, sub or the session id', async () => {
    const real = await t.token('sup.binhai');
    const claims = decode(real);
    expect(claims).toEqual(
      expect.objectContaining({ exp: expect.any(Number), iat: expect.any(Number), sub: expect.any(String), sid: expect.any(String) }),
    );
    const { exp, iat, sub, sid, typ } = claims;
    // the same claims re-signed with the server's key are accepted …
    const resigned = sign({ exp, iat, sub, sid, typ }, TEST_JWT_SECRET, { algorithm: 'HS256' });
    await t.http.get('/api/v1/auth/me').set(auth(resigned)).expect(200);
    // … and each one left out is a 401
    for (const missing of ['exp', 'iat', 'sub', 'sid']) {
      const partial: Record<string, unknown> = { exp, iat, sub, sid, typ };
      delete partial[missing];
      // jsonwebtoken adds iat unless told not to (noTimestamp removes it)
      const token = sign(partial, TEST_JWT_SECRET, { algorithm: 'HS256', noTimestamp: missing === 'iat' });
      const res = await t.http.get('/api/v1/auth/me').set(auth(token));
      expect([missing, res.status, res.body.code]).toEqual([missing, 401, 'UNAUTHENTICATED']);
    }
  });

  it('answers an unknown name exactly like a real account: four 401s, then 429 ACCOUNT_LOCKED', async () => {
    const attempt = (username: string) => t.http.post('/api/v1/auth/login').send({ username, password: 'wrong-password' });
    const shapes: Record<string, { status: number; code: string; message: string; details?: unknown }[]> = {};
    for (const username of ['off.heping2', 'nobody.here']) {
      shapes[username] = [];
      for (let i = 0; i < 6; i++) {
        const res = await attempt(username);
        shapes[username].push({
          status: res.status,
          code: res.body.code,
          message: String(res.body.message).replace(/\d{4}-\d\d-\d\dT[\d:.]+Z/, '<t>'),
          details: res.body.details ? Object.keys(res.body.details) : undefined,
        });
      }
    }
    expect(shapes['off.heping2'].map((s) => s.status)).toEqual([401, 401, 401, 401, 429, 429]);
    expect(shapes['nobody.here']).toEqual(shapes['off.heping2']);
  });
});
