import { auth, createTestApp, TestApp } from '../utils/test-app';

interface UserRow {
  id: string;
  username: string;
  orgUnit: { code: string };
}

describe('data scope: out-of-unit records answer 404', () => {
  let t: TestApp;
  let byName: Map<string, UserRow>;
  beforeAll(async () => {
    t = await createTestApp({ withWorker: false });
    const res = await t.http
      .get('/api/v1/users?limit=200')
      .set(auth(await t.token('admin')))
      .expect(200);
    byName = new Map((res.body.items as UserRow[]).map((u) => [u.username, u]));
  });
  afterAll(() => t.close());

  const id = (username: string) => byName.get(username)!.id;

  it('a district supervisor sees the users of the district only', async () => {
    const sup = await t.token('sup.binhai');
    const list = await t.http.get('/api/v1/users').set(auth(sup)).expect(200);
    const units = new Set((list.body.items as UserRow[]).map((u) => u.orgUnit.code));
    expect([...units]).toEqual(['120116']);
    await t.http
      .get(`/api/v1/users/${id('off.binhai1')}`)
      .set(auth(sup))
      .expect(200);
    const out = await t.http
      .get(`/api/v1/users/${id('off.heping1')}`)
      .set(auth(sup))
      .expect(404);
    expect(out.body.code).toBe('NOT_FOUND');
    // an id that does not exist answers exactly like one outside the scope
    const none = await t.http.get('/api/v1/users/00000000-0000-4000-8000-000000000001').set(auth(sup)).expect(404);
    expect(none.body.message).toBe(out.body.message);
  });

  it('an officer sees their own unit; a filter for another unit returns nothing', async () => {
    const off = await t.token('off.heping2');
    await t.http
      .get(`/api/v1/users/${id('off.heping1')}`)
      .set(auth(off))
      .expect(200);
    await t.http
      .get(`/api/v1/users/${id('off.binhai1')}`)
      .set(auth(off))
      .expect(404);
    const other = await t.http.get('/api/v1/users?orgUnitCode=120116').set(auth(off)).expect(200);
    expect(other.body.items).toEqual([]);
  });

  it('the city supervisor sees every district', async () => {
    const sup = await t.token('sup.city');
    await t.http
      .get(`/api/v1/users/${id('off.heping1')}`)
      .set(auth(sup))
      .expect(200);
    await t.http
      .get(`/api/v1/users/${id('off.binhai1')}`)
      .set(auth(sup))
      .expect(200);
  });

  it('a district supervisor reads only the audit entries of the district', async () => {
    const sup = await t.token('sup.binhai');
    const res = await t.http.get('/api/v1/audit?limit=200').set(auth(sup)).expect(200);
    expect(res.body.items.length).toBeGreaterThan(0);
    expect(new Set(res.body.items.map((e: { orgUnitCode: string }) => e.orgUnitCode))).toEqual(new Set(['120116']));
  });

  it('pages through users with a cursor, without repeats', async () => {
    const admin = await t.token('admin');
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const url: string = `/api/v1/users?limit=3${cursor ? `&cursor=${cursor}` : ''}`;
      const page = (await t.http.get(url).set(auth(admin)).expect(200)).body as { items: UserRow[]; nextCursor: string | null };
      seen.push(...page.items.map((u) => u.username));
      cursor = page.nextCursor;
    } while (cursor);
    expect(seen.length).toBe(10);
    expect(new Set(seen).size).toBe(10);
    await t.http.get('/api/v1/users?limit=500').set(auth(admin)).expect(400);
    await t.http.get('/api/v1/users?cursor=!!').set(auth(admin)).expect(400);
  });
});
