import { auth, createTestApp, TestApp } from '../utils/test-app';
import { sql } from '../utils/test-db';
import { patentNumber, uscc } from '../utils/identifiers';

const caseBody = (overrides: Record<string, unknown> = {}) => ({
  type: 'infringement_dispute',
  source: 'complaint',
  orgUnitCode: '120116',
  receivedOn: '2026-09-28',
  summary: '请求人称被请求人销售侵权产品',
  requesters: [{ kind: 'organization', name: '天津请求科技有限公司', uscc: uscc(1), role: 'patentee' }],
  respondents: [{ kind: 'organization', name: '滨海被请求贸易有限公司', uscc: uscc(2) }],
  patents: [{ number: patentNumber(17) }],
  ...overrides,
});

const ticketBody = (overrides: Record<string, unknown> = {}) => ({
  channel: 'phone',
  category: 'complaint',
  caller: { name: '张三', phone: '13912341234' },
  subject: '展会上销售侵权产品',
  description: '来电反映某公司销售涉嫌侵权的产品。',
  ...overrides,
});

/** `{ "a": { "a": … } }` nested `depth` times. */
const nested = (depth: number) => '{"a":'.repeat(depth) + '1' + '}'.repeat(depth);

describe('bad input is a 400 naming the field, never a 500', () => {
  let t: TestApp;
  let officer: string;
  let sup: string;
  let op: string;
  let caseId: string;
  beforeAll(async () => {
    t = await createTestApp({ withWorker: false });
    [officer, sup, op] = await Promise.all([t.token('off.binhai1'), t.token('sup.binhai'), t.token('op.12330')]);
    caseId = (await t.http.post('/api/v1/cases').set(auth(officer)).send(caseBody()).expect(201)).body.id;
  });
  afterAll(() => t.close());

  const fieldsOf = (res: { body: { details?: { field: string }[] } }) => (res.body.details ?? []).map((d) => d.field);

  it('refuses deeply nested JSON before validation, even on the public login', async () => {
    for (const url of ['/api/v1/auth/login', '/api/v1/cases']) {
      const res = await t.http.post(url).set(auth(officer)).set('content-type', 'application/json').send(nested(3000));
      expect(res.status).toBe(400);
      expect(res.body).toMatchObject({ code: 'VALIDATION_FAILED', requestId: expect.any(String) });
      expect(res.body.message).toMatch(/nested deeper than 32 levels/);
    }
    // a body of ordinary depth still reaches validation (unknown field a)
    const shallow = await t.http.post('/api/v1/cases').set(auth(officer)).set('content-type', 'application/json').send(nested(3));
    expect(shallow.status).toBe(400);
    expect(shallow.body.message).not.toMatch(/nested/);
  });

  it('refuses NUL and lone surrogates in body text, keys and query values, naming the field', async () => {
    const nul = await t.http
      .post('/api/v1/cases')
      .set(auth(officer))
      .send(caseBody({ respondents: [{ kind: 'organization', name: '滨海\u0000贸易', uscc: uscc(2) }] }))
      .expect(400);
    expect(fieldsOf(nul)).toEqual(['respondents.0.name']);
    const surrogate = await t.http
      .post('/api/v1/hotline/tickets')
      .set(auth(op))
      .set('content-type', 'application/json')
      .send('{"channel":"phone","category":"complaint","caller":{"name":"\\ud800"},"subject":"s","description":"d"}')
      .expect(400);
    expect(fieldsOf(surrogate)).toEqual(['caller.name']);
    const login = await t.http.post('/api/v1/auth/login').send({ username: 'admin\u0000', password: 'x' }).expect(400);
    expect(fieldsOf(login)).toEqual(['username']);
    const query = await t.http.get('/api/v1/cases?q=%E5%8D%8E%00%E4%B8%BA').set(auth(officer)).expect(400);
    expect(fieldsOf(query)).toEqual(['q']);
    const ticketQuery = await t.http.get('/api/v1/hotline/tickets?q=ab%00').set(auth(op)).expect(400);
    expect(fieldsOf(ticketQuery)).toEqual(['q']);
  });

  it('refuses impossible and out-of-range dates in every filter and action body', async () => {
    const bad = ['2026-02-30', '2026-13-01', '0000-00-00', '9999-12-31'];
    for (const d of bad) {
      const lists: [string, string, string][] = [
        [`/api/v1/cases?filedFrom=${d}`, officer, 'filedFrom'],
        [`/api/v1/cases?filedTo=${d}`, officer, 'filedTo'],
        [`/api/v1/hotline/tickets?createdFrom=${d}`, op, 'createdFrom'],
        [`/api/v1/hotline/tickets?createdTo=${d}`, op, 'createdTo'],
        [`/api/v1/credit/publications/export?format=csv&from=${d}`, sup, 'from'],
        [`/api/v1/metrics/kpis?from=${d}`, sup, 'from'],
        [`/api/v1/audit?from=${d}`, sup, 'from'],
      ];
      for (const [url, token, field] of lists) {
        const res = await t.http.get(url).set(auth(token));
        expect([url, res.status, fieldsOf(res)]).toEqual([url, 400, [field]]);
      }
      const file = await t.http
        .post(`/api/v1/cases/${caseId}/actions/file`)
        .set(auth(officer))
        .send({ expectedVersion: 1, filedOn: d })
        .expect(400);
      expect(fieldsOf(file)).toEqual(['filedOn']);
      const intake = await t.http
        .post('/api/v1/cases')
        .set(auth(officer))
        .send(caseBody({ receivedOn: d }))
        .expect(400);
      expect(fieldsOf(intake)).toEqual(['receivedOn']);
    }
    const audit = await t.http.get('/api/v1/audit?from=2026-W05').set(auth(sup)).expect(400);
    expect(fieldsOf(audit)).toEqual(['from']);
    await t.http.get('/api/v1/audit?from=2026-02-01T00:00:00%2B08:00').set(auth(sup)).expect(200);
  });

  it('refuses a date of receipt before the configured earliest, naming it', async () => {
    const res = await t.http
      .post('/api/v1/cases')
      .set(auth(officer))
      .send(caseBody({ receivedOn: '1900-01-01' }))
      .expect(400);
    expect(res.body.details).toEqual([
      {
        field: 'receivedOn',
        message: 'must be on or after 2000-01-01 (the earliest accepted, RECEIVED_ON_EARLIEST)',
        constraint: 'on_or_after_earliest',
      },
    ]);
    const zh = await t.http
      .post('/api/v1/cases')
      .set(auth(officer))
      .set('accept-language', 'zh-CN')
      .send(caseBody({ receivedOn: '1900-01-01' }))
      .expect(400);
    expect(zh.body.details[0].message).toBe('不能早于 2000-01-01（可受理的最早日期，配置项 RECEIVED_ON_EARLIEST）');
  });

  it('refuses hand-made and foreign cursors on every list with 400 on cursor', async () => {
    const b64 = (v: unknown) => Buffer.from(JSON.stringify(v)).toString('base64url');
    const forged = [b64(['x', 'y']), b64(['2026-01-01T00:00:00.000Z', 'not-a-uuid']), b64([1]), b64({}), 'bm90LWpzb24', b64(['9'])];
    const lists: [string, string][] = [
      ['/api/v1/cases', officer],
      ['/api/v1/hotline/tickets', op],
      ['/api/v1/hotline/alerts', sup],
      ['/api/v1/credit/publications', sup],
      ['/api/v1/notifications', sup],
      ['/api/v1/audit', sup],
      ['/api/v1/users', sup],
    ];
    for (const [url, token] of lists) {
      for (const cursor of forged) {
        const res = await t.http.get(url).query({ cursor }).set(auth(token));
        // the users list takes any text position, the audit list digits: a cursor of that shape is simply a position
        if ((url.endsWith('/users') && cursor === b64(['9'])) || (url.endsWith('/audit') && cursor === b64(['9']))) {
          expect(res.status).toBe(200);
          continue;
        }
        expect([url, cursor, res.status, res.body.code, fieldsOf(res)[0]]).toEqual([url, cursor, 400, 'VALIDATION_FAILED', 'cursor']);
      }
    }
    // a real cursor still pages
    await t.http.post('/api/v1/cases').set(auth(officer)).send(caseBody()).expect(201);
    const first = await t.http.get('/api/v1/cases?limit=1').set(auth(officer)).expect(200);
    await t.http.get('/api/v1/cases').query({ limit: 1, cursor: first.body.nextCursor }).set(auth(officer)).expect(200);
  });

  it('refuses unexpected shapes: no caller, requesters [[]], a one-character export q before any download header', async () => {
    const noCaller = await t.http
      .post('/api/v1/hotline/tickets')
      .set(auth(op))
      .send(ticketBody({ caller: undefined }))
      .expect(400);
    expect(fieldsOf(noCaller)).toEqual(['caller']);
    const nestedArray = await t.http
      .post('/api/v1/cases')
      .set(auth(officer))
      .send(caseBody({ requesters: [[]] }))
      .expect(400);
    expect(fieldsOf(nestedArray)).toContain('requesters');
    const ticket = (await t.http.post('/api/v1/hotline/tickets').set(auth(op)).send(ticketBody()).expect(201)).body;
    const convert = await t.http
      .post(`/api/v1/hotline/tickets/${ticket.id}/actions/convert`)
      .set(auth(op))
      .send({ expectedVersion: ticket.version, type: 'infringement_dispute', orgUnitCode: '120116', requesters: [[]] })
      .expect(400);
    expect(fieldsOf(convert)).toContain('requesters');
    const exp = await t.http.get('/api/v1/cases/export?format=csv&q=a').set(auth(officer));
    expect(exp.status).toBe(400);
    expect(exp.headers['content-disposition']).toBeUndefined();
    expect(fieldsOf(exp)).toEqual(['q']);
  });

  it('refuses an empty evidence file name, a NUL in it, and broken multipart bodies with 400', async () => {
    const db = await sql(t.db.url);
    const before = (await db.query('SELECT count(*)::int AS n FROM case_evidence')).rows[0].n;
    const url = `/api/v1/cases/${caseId}/evidence`;
    const empty = await t.http.post(url).set(auth(officer)).field('description', 'd').attach('file', Buffer.from('x'), { filename: '' });
    expect([empty.status, fieldsOf(empty)]).toEqual([400, ['file']]);
    const nul = await t.http
      .post(url)
      .set(auth(officer))
      .field('description', 'd')
      .attach('file', Buffer.from('x'), { filename: 'a\u0000.pdf' });
    expect([nul.status, fieldsOf(nul)]).toEqual([400, ['file']]);
    const part = '--XYZ\r\nContent-Disposition: form-data; name="file"; filename="a.txt"\r\nContent-Type: text/plain\r\n\r\nhello';
    const cases: [string, string][] = [
      ['multipart/form-data', `${part}\r\n--XYZ--\r\n`], // no boundary
      ['multipart/form-data; boundary=OTHER', `${part}\r\n--XYZ--\r\n`], // wrong boundary
      ['multipart/form-data; boundary=XYZ', part], // truncated
    ];
    for (const [type, body] of cases) {
      const res = await t.http.post(url).set(auth(officer)).set('content-type', type).send(body);
      expect([type, res.status, res.body.code]).toEqual([type, 400, 'VALIDATION_FAILED']);
    }
    expect((await db.query('SELECT count(*)::int AS n FROM case_evidence')).rows[0].n).toBe(before);
    await db.end();
  });
});

describe('security headers', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ withWorker: false });
  });
  afterAll(() => t.close());

  it('sends nosniff, no framing, no referrer, a CSP for a same-origin console, no HSTS by default, no-store on the api', async () => {
    const token = await t.token('sup.binhai');
    for (const res of [
      await t.http.get('/api/v1/auth/me').set(auth(token)).expect(200),
      await t.http.get('/api/v1/cases/00000000-0000-4000-8000-000000000000').set(auth(token)).expect(404),
      await t.http.post('/api/v1/auth/login').send({ username: 'nobody', password: 'wrong-password' }).expect(401),
    ]) {
      expect(res.headers).toMatchObject({
        'x-content-type-options': 'nosniff',
        'x-frame-options': 'DENY',
        'referrer-policy': 'no-referrer',
        'cache-control': 'no-store',
      });
      const csp = String(res.headers['content-security-policy']);
      expect(csp).toContain("frame-ancestors 'none'");
      expect(csp).toContain("script-src 'self'");
      expect(csp).toContain("style-src 'self' 'unsafe-inline'");
      expect(csp).not.toMatch(/script-src[^;]*unsafe-inline/);
      expect(res.headers['strict-transport-security']).toBeUndefined();
    }
  });

  it('keeps the OpenAPI UI working under the CSP: it loads only its own scripts, none inline', async () => {
    const html = await t.http.get('/api/docs/').redirects(1).expect(200);
    expect(html.headers['content-security-policy']).toContain("script-src 'self'");
    const scripts = [...html.text.matchAll(/<script([^>]*)>([\s\S]*?)<\/script>/g)];
    expect(scripts.length).toBeGreaterThan(0);
    for (const [, attrs, body] of scripts) {
      expect(body.trim()).toBe('');
      const src = /src="([^"]+)"/.exec(attrs)?.[1] ?? '';
      expect(src).not.toMatch(/^(https?:)?\/\//);
      await t.http.get(new URL(src, 'http://x/api/docs/').pathname).expect(200);
    }
  });

  it('sends HSTS when configured', async () => {
    const tls = await createTestApp({ withWorker: false, env: { HSTS_ENABLED: 'true', HSTS_MAX_AGE_SECONDS: '600' } });
    try {
      const res = await tls.http.get('/health/live').expect(200);
      expect(res.headers['strict-transport-security']).toBe('max-age=600; includeSubDomains');
    } finally {
      await tls.close();
    }
  });
});
