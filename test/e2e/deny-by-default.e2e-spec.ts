import { registeredRoutes } from '@app/platform';
import { auth, createTestApp, TestApp } from '../utils/test-app';

/** The only routes that answer without a token. Adding one here is a security decision: review it. */
const PUBLIC_ROUTES = new Set([
  'GET /health/live',
  'GET /health/ready',
  'GET /metrics',
  'POST /api/v1/auth/login',
  'POST /api/v1/auth/refresh',
]);
/** The web console's files and its SPA fallback (present when dist/console is built): the login screen is public. */
const CONSOLE_ROUTES = new Set(['GET /', 'GET /*', 'GET /assets/*']);
/** The OpenAPI document and the Swagger UI's static files. */
const isApiDocs = (method: string, url: string) =>
  method === 'GET' && (url === '/api/docs' || url.startsWith('/api/docs/') || url.startsWith('/api/docs-'));

const SAMPLE_ID = '00000000-0000-4000-8000-000000000000';

describe('deny by default', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ withWorker: false });
  });
  afterAll(() => t.close());

  it('knows the routes of the app', () => {
    const routes = registeredRoutes(t.app).map((r) => `${r.method} ${r.url}`);
    expect(routes).toEqual(expect.arrayContaining(['POST /api/v1/users', 'GET /api/v1/audit/verify', 'GET /health/ready']));
    expect(routes.length).toBeGreaterThan(15);
  });

  it('every route that is not on the public list answers 401 without a token', async () => {
    const open: string[] = [];
    for (const r of registeredRoutes(t.app)) {
      const key = `${r.method} ${r.url}`;
      if (PUBLIC_ROUTES.has(key) || CONSOLE_ROUTES.has(key) || isApiDocs(r.method, r.url)) continue;
      const url = r.url.replace(/:[A-Za-z]+/g, SAMPLE_ID).replace('*', 'x');
      const res = await t.http[r.method.toLowerCase() as 'get'](url).send({});
      if (res.status !== 401) open.push(`${key} → ${res.status}`);
    }
    expect(open).toEqual([]);
  });

  it('the public routes answer without a token', async () => {
    await t.http.get('/health/live').expect(200);
    await t.http.get('/health/ready').expect(200);
    await t.http.get('/api/docs-json').expect(200);
    const metrics = await t.http.get('/metrics').expect(200);
    expect(metrics.text).toContain('ped_http_request_duration_seconds');
  });

  it('answers 403 FORBIDDEN when the role lacks the action, and 404 NOT_FOUND for unknown routes', async () => {
    const officer = await t.token('off.binhai1');
    const res = await t.http
      .post('/api/v1/users')
      .set(auth(officer))
      .send({ username: 'x.y.z', displayName: 'x', password: 'long-enough-1', roles: ['admin'], orgUnitCode: '120116' })
      .expect(403);
    expect(res.body.code).toBe('FORBIDDEN');
    const operator = await t.token('op.12330');
    await t.http.get('/api/v1/audit').set(auth(operator)).expect(403);
    const missing = await t.http.get('/api/v1/no-such-thing').set(auth(officer)).expect(404);
    expect(missing.body.code).toBe('NOT_FOUND');
  });
});
