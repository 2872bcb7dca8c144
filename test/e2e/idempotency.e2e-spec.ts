import { auth, createTestApp, TestApp } from '../utils/test-app';
import { sql } from '../utils/test-db';

describe('Idempotency-Key on creating POSTs', () => {
  let t: TestApp;
  let admin: string;
  beforeAll(async () => {
    t = await createTestApp({ withWorker: false });
    admin = await t.token('admin');
  });
  afterAll(() => t.close());

  const body = (username: string) => ({
    username,
    displayName: '幂等',
    password: 'a-long-password',
    roles: ['officer'],
    orgUnitCode: '120116',
  });
  const userCount = async (username: string) => {
    const db = await sql(t.db.url);
    const r = await db.query('SELECT count(*)::int AS n FROM users WHERE username = $1', [username]);
    await db.end();
    return r.rows[0].n as number;
  };

  it('returns the first response again for the same key and body, creating once', async () => {
    const first = await t.http
      .post('/api/v1/users')
      .set(auth(admin))
      .set('Idempotency-Key', 'create-idem-0001')
      .send(body('idem.one'))
      .expect(201);
    const again = await t.http
      .post('/api/v1/users')
      .set(auth(admin))
      .set('Idempotency-Key', 'create-idem-0001')
      .send(body('idem.one'))
      .expect(201);
    expect(again.body).toEqual(first.body);
    expect(again.headers['idempotent-replayed']).toBe('true');
    expect(await userCount('idem.one')).toBe(1);
  });

  it('refuses the same key with another body (409 IDEMPOTENCY_KEY_REUSED)', async () => {
    await t.http.post('/api/v1/users').set(auth(admin)).set('Idempotency-Key', 'create-idem-0002').send(body('idem.two')).expect(201);
    const res = await t.http
      .post('/api/v1/users')
      .set(auth(admin))
      .set('Idempotency-Key', 'create-idem-0002')
      .send(body('idem.three'))
      .expect(409);
    expect(res.body.code).toBe('IDEMPOTENCY_KEY_REUSED');
    expect(await userCount('idem.three')).toBe(0);
  });

  it('creates once under concurrent retries with one key', async () => {
    const results = await Promise.all(
      Array.from({ length: 5 }, () =>
        t.http.post('/api/v1/users').set(auth(admin)).set('Idempotency-Key', 'create-idem-0003').send(body('idem.race')),
      ),
    );
    expect(results.filter((r) => r.status === 201).length).toBeGreaterThanOrEqual(1);
    expect(results.every((r) => r.status === 201 || (r.status === 409 && r.body.code === 'DUPLICATE'))).toBe(true);
    expect(await userCount('idem.race')).toBe(1);
  });

  it('lets a refused request be corrected and sent again with the same key', async () => {
    await t.http
      .post('/api/v1/users')
      .set(auth(admin))
      .set('Idempotency-Key', 'create-idem-0004')
      .send({ ...body('idem.four'), orgUnitCode: '999999' })
      .expect(400);
    await t.http.post('/api/v1/users').set(auth(admin)).set('Idempotency-Key', 'create-idem-0004').send(body('idem.four')).expect(201);
  });

  it('rejects a malformed key', async () => {
    const res = await t.http.post('/api/v1/users').set(auth(admin)).set('Idempotency-Key', 'x').send(body('idem.five')).expect(400);
    expect(res.body.details).toEqual([
      { field: 'Idempotency-Key', message: 'must be 8-200 letters, digits or ._:-', constraint: expect.any(String) },
    ]);
  });
});
