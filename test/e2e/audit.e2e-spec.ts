import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { auth, createTestApp, TestApp } from '../utils/test-app';
import { sql } from '../utils/test-db';

const run = promisify(execFile);

describe('audit trail: written with the change, append-only, hash-chained', () => {
  let t: TestApp;
  let admin: string;
  beforeAll(async () => {
    t = await createTestApp({ withWorker: false });
    admin = await t.token('admin');
  });
  afterAll(() => t.close());

  const counts = async () => {
    const db = await sql(t.db.url);
    const r = await db.query('SELECT (SELECT count(*) FROM users)::int AS users, (SELECT count(*) FROM audit_entries)::int AS audit');
    await db.end();
    return r.rows[0] as { users: number; audit: number };
  };

  it('records who changed what, with the request id and address, in the same transaction', async () => {
    const res = await t.http
      .post('/api/v1/users')
      .set(auth(admin))
      .send({ username: 'off.binhai9', displayName: '新执法员', password: 'a-long-password', roles: ['officer'], orgUnitCode: '120116' })
      .expect(201);
    const trail = await t.http.get(`/api/v1/audit?entityType=user&entityId=${res.body.id}`).set(auth(admin)).expect(200);
    expect(trail.body.items).toHaveLength(1);
    const entry = trail.body.items[0];
    const me = await t.http.get('/api/v1/auth/me').set(auth(admin)).expect(200);
    expect(entry).toMatchObject({
      action: 'user.created',
      entityType: 'user',
      actorId: me.body.user.id,
      orgUnitCode: '120116',
      requestId: res.headers['x-request-id'],
      ip: expect.any(String),
      before: null,
      after: { username: 'off.binhai9', roles: ['officer'], orgUnitCode: '120116', active: true },
    });
    expect(JSON.stringify(entry)).not.toContain('argon2');
    expect(entry.hash).toMatch(/^[0-9a-f]{64}$/);
  });

  it('writes nothing when the change is refused (duplicate username, stale version, bad field)', async () => {
    const before = await counts();
    const dup = await t.http
      .post('/api/v1/users')
      .set(auth(admin))
      .send({ username: 'off.binhai1', displayName: 'x', password: 'a-long-password', roles: ['officer'], orgUnitCode: '120116' })
      .expect(409);
    expect(dup.body).toMatchObject({ code: 'DUPLICATE', details: [{ field: 'username', message: 'is taken' }] });
    const list = await t.http.get('/api/v1/users?q=off.binhai2').set(auth(admin)).expect(200);
    const user = list.body.items[0];
    const stale = await t.http
      .patch(`/api/v1/users/${user.id}`)
      .set(auth(admin))
      .send({ expectedVersion: user.version + 5, displayName: 'x' })
      .expect(409);
    expect(stale.body.code).toBe('VERSION_CONFLICT');
    const bad = await t.http
      .post('/api/v1/users')
      .set(auth(admin))
      .send({ username: 'ok.name', displayName: 'x', password: 'short', roles: ['boss'], orgUnitCode: '120116' })
      .expect(400);
    expect(bad.body.details.map((d: { field: string }) => d.field).sort()).toEqual(['password', 'roles']);
    const unit = await t.http
      .post('/api/v1/users')
      .set(auth(admin))
      .send({ username: 'ok.name', displayName: 'x', password: 'a-long-password', roles: ['officer'], orgUnitCode: '999999' })
      .expect(400);
    expect(unit.body.details).toEqual([{ field: 'orgUnitCode', message: 'unknown org unit 999999', constraint: expect.any(String) }]);
    expect(await counts()).toEqual(before);
  });

  it('the database refuses UPDATE, DELETE and TRUNCATE of audit rows', async () => {
    const db = await sql(t.db.url);
    await expect(db.query("UPDATE audit_entries SET action = 'x'")).rejects.toThrow(/append-only/);
    await expect(db.query('DELETE FROM audit_entries')).rejects.toThrow(/append-only/);
    await expect(db.query('TRUNCATE audit_entries')).rejects.toThrow(/append-only/);
    await expect(db.query('DELETE FROM audit_chain')).rejects.toThrow(/append-only/);
    await db.end();
  });

  it('chains entries written concurrently, and verifies the whole chain', async () => {
    await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        t.http
          .post('/api/v1/users')
          .set(auth(admin))
          .send({
            username: `bulk.user${i}`,
            displayName: `批量${i}`,
            password: 'a-long-password',
            roles: ['officer'],
            orgUnitCode: '120101',
          })
          .expect(201),
      ),
    );
    const res = await t.http.get('/api/v1/audit/verify').set(auth(admin)).expect(200);
    const { audit } = await counts();
    expect(res.body).toMatchObject({ ok: true, checked: audit, headSeq: String(audit), firstBrokenSeq: null, unsealed: 0 });
  });

  it('finds an edited entry (API and cli), then a removed link', async () => {
    const sealed = await t.http.get('/api/v1/audit/verify').set(auth(admin)).expect(200);
    expect(sealed.body.ok).toBe(true);
    const db = await sql(t.db.url);
    // A superuser bypassing the triggers is exactly the tampering the chain exists to reveal.
    await db.query("SET session_replication_role = 'replica'");
    const target = (await db.query('SELECT entry_id, seq FROM audit_chain WHERE seq = 5')).rows[0];
    await db.query(`UPDATE audit_entries SET after = '{"roles":["admin"]}' WHERE id = $1`, [target.entry_id]);
    const edited = await t.http.get('/api/v1/audit/verify').set(auth(admin)).expect(200);
    expect(edited.body).toMatchObject({ ok: false, firstBrokenSeq: '5', problem: 'hash_mismatch' });

    const cli = await run(process.execPath, [path.resolve(__dirname, '../../dist/apps/cli/src/main.js'), 'audit:verify'], {
      env: { ...process.env, ...t.env },
    }).then(
      () => ({ code: 0, stdout: '' }),
      (err: { code: number; stdout: string }) => err,
    );
    expect(cli.code).toBe(1);
    expect(JSON.parse(cli.stdout)).toMatchObject({ ok: false, firstBrokenSeq: '5' });

    await db.query('DELETE FROM audit_chain WHERE seq = 3');
    const removed = await t.http.get('/api/v1/audit/verify').set(auth(admin)).expect(200);
    expect(removed.body).toMatchObject({ ok: false, firstBrokenSeq: '3', problem: 'gap' });
    await db.end();
  });
});
