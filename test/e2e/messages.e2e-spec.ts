import { caseIntake } from '../factories/cases';
import { auth, createTestApp, TestApp } from '../utils/test-app';

describe('error messages people can read: Chinese by default, English on request, one per field, keyed', () => {
  let t: TestApp;
  let officer: string;
  beforeAll(async () => {
    t = await createTestApp({ withWorker: false });
    officer = await t.token('off.binhai1');
  });
  afterAll(() => t.close());

  const intake = (body: Record<string, unknown>, lang: string) =>
    t.http.post('/api/v1/cases').set(auth(officer)).set('accept-language', lang).send(body);

  it('answers in Chinese without Accept-Language: en, naming each missing field once as required', async () => {
    const body = caseIntake();
    delete body.orgUnitCode;
    delete body.respondents;
    const zh = await intake(body, 'zh-CN,zh;q=0.9').expect(400);
    expect(zh.body.details).toEqual(
      expect.arrayContaining([
        { field: 'orgUnitCode', message: '为必填项', constraint: 'required' },
        { field: 'respondents', message: '为必填项', constraint: 'required' },
      ]),
    );
    expect(zh.body.details.filter((d: { field: string }) => d.field === 'orgUnitCode')).toHaveLength(1);
    expect(zh.body.message).toContain('orgUnitCode：为必填项');

    const en = await intake(body, 'en').expect(400);
    expect(en.body.details).toEqual(expect.arrayContaining([{ field: 'orgUnitCode', message: 'is required', constraint: 'required' }]));
  });

  it('keys the messages of the rules too (a bad identifier, a rule code) and says them in Chinese', async () => {
    const bad = await intake(
      caseIntake({ respondents: [{ kind: 'organization', name: '某公司', uscc: '91120116MA05XXXX0X' }] }),
      'zh-CN',
    ).expect(400);
    expect(bad.body.details[0]).toMatchObject({ field: 'respondents.0.uscc', constraint: expect.any(String) });
    expect(bad.body.details[0].message).toMatch(/[\u4e00-\u9fff]/);
    const year = await t.http
      .get('/api/v1/metrics/target-progress?year=abc')
      .set(auth(await t.token('sup.city')))
      .set('accept-language', 'zh');
    expect(year.status).toBe(400);
    expect(year.body.details.filter((d: { field: string }) => d.field === 'year')).toHaveLength(1);
  });

  it('gives the error body with a request id for a raw UTF-8 query string and an unknown route', async () => {
    const raw = await t.http.get('/api/v1/cases?q=%E5%85%AC%E5%8F%B8').set(auth(officer));
    expect(raw.status).toBe(200);
    const missing = await t.http.get('/api/v1/no-such-route').set(auth(officer)).set('accept-language', 'zh');
    expect(missing.status).toBe(404);
    expect(missing.body).toMatchObject({ statusCode: 404, code: 'NOT_FOUND', requestId: expect.any(String) });
    expect(missing.body.message).toMatch(/[\u4e00-\u9fff]/);
  });

  it("gives Fastify's own refusals the api.md error body with a request id, in Chinese by default", async () => {
    const zh = (req: ReturnType<typeof t.http.get>) => req.set(auth(officer)).set('accept-language', 'zh-CN');
    const shape = { statusCode: expect.any(Number), code: expect.any(String), message: expect.any(String), requestId: expect.any(String) };
    // raw UTF-8 bytes in the query string (not percent-encoded) and a broken percent-encoding
    const rawBytes = await zh(t.http.get('/api/v1/cases?q=\u516c\u53f8'));
    expect(rawBytes.status).toBeLessThan(500);
    if (rawBytes.status >= 400) expect(rawBytes.body).toMatchObject(shape);
    const badPct = await zh(t.http.get('/api/v1/cases?q=%E5%85'));
    expect(badPct.status).toBeLessThan(500);
    if (badPct.status >= 400) expect(badPct.body).toMatchObject(shape);
    const badPath = await zh(t.http.get('/api/v1/cases/%E5%85'));
    expect([400, 404]).toContain(badPath.status);
    expect(badPath.body).toMatchObject(shape);
    // a body that is not JSON, one of an unsupported type, and one that is too large
    const notJson = await t.http
      .post('/api/v1/cases')
      .set(auth(officer))
      .set('accept-language', 'zh-CN')
      .set('content-type', 'application/json')
      .send('{"type":');
    expect(notJson.status).toBe(400);
    expect(notJson.body).toMatchObject({ ...shape, statusCode: 400 });
    expect(notJson.body.message).toMatch(/[\u4e00-\u9fff]/);
    const xml = await t.http
      .post('/api/v1/cases')
      .set(auth(officer))
      .set('accept-language', 'zh-CN')
      .set('content-type', 'application/xml')
      .send('<case/>');
    expect(xml.status).toBe(415);
    expect(xml.body).toMatchObject({ ...shape, statusCode: 415 });
    expect(xml.body.message).toMatch(/[\u4e00-\u9fff]/);
    const huge = await t.http
      .post('/api/v1/cases')
      .set(auth(officer))
      .set('accept-language', 'zh-CN')
      .set('content-type', 'application/json')
      .send(JSON.stringify({ summary: 'x'.repeat(3 * 1024 * 1024) }));
    expect(huge.status).toBe(413);
    expect(huge.body).toMatchObject({ ...shape, statusCode: 413 });
    expect(huge.body.message).toMatch(/[\u4e00-\u9fff]/);
  });
});
