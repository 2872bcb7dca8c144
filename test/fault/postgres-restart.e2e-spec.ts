import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { createTestApp, TestApp } from '../utils/test-app';
import { DEMO_PASSWORD, testEnv } from '../utils/test-env';
import { startThrowawayPostgres, ThrowawayPostgres } from '../utils/throwaway-servers';

const CLI = path.resolve(__dirname, '../../dist/apps/cli/src/main.js');
const CONNECT_TIMEOUT_MS = 2000;
const QUERY_TIMEOUT_MS = 5000;
/** a request still unanswered after the configured waits (and some room for the shared cores) counts as hung */
const HANG_MS = CONNECT_TIMEOUT_MS + QUERY_TIMEOUT_MS + 3000;
const OUTAGE_MS = 4000;

interface Sample {
  route: string;
  status: number | 'hung';
  retryAfter?: string;
  phase: 'before' | 'during' | 'after';
}

/**
 * PostgreSQL (a cluster of this test alone, on its own port) is shut down and started again under light load on the
 * api: signed-in requests, list reads, logins and refreshes. During the outage everything answers 503 with
 * Retry-After — never 401 (a client would throw its session away) and never 500 — no request hangs past the
 * configured waits, and the same process serves again once the database is back, with the sessions it had.
 */
describe('fault: PostgreSQL restarted under light load', () => {
  let pg: ThrowawayPostgres;
  let t: TestApp;
  beforeAll(async () => {
    pg = await startThrowawayPostgres('ped_restart');
    execFileSync(process.execPath, [CLI, 'seed:demo'], { env: { ...process.env, ...testEnv({ DATABASE_URL: pg.url }) }, stdio: 'pipe' });
    t = await createTestApp({
      withWorker: false,
      db: { name: `${process.env.TEST_DB_PREFIX ?? 'ped_test'}_restart_${process.pid}`, url: pg.url, drop: async () => undefined },
      // the per-IP login limit would answer 429 to this loop of logins and refreshes
      env: {
        DATABASE_CONNECT_TIMEOUT_MS: String(CONNECT_TIMEOUT_MS),
        DATABASE_QUERY_TIMEOUT_MS: String(QUERY_TIMEOUT_MS),
        LOGIN_RATE_LIMIT_PER_MINUTE: '10000',
      },
    });
  });
  afterAll(async () => {
    await t?.close();
    await pg?.destroy();
  });

  it('answers 503 with Retry-After during the outage, no 401, no hang, and recovers without a restart', async () => {
    const login = await t.http.post('/api/v1/auth/login').send({ username: 'sup.binhai', password: DEMO_PASSWORD }).expect(200);
    const access = login.body.accessToken as string;
    let refresh = login.body.refreshToken as string;
    const samples: Sample[] = [];
    let phase: Sample['phase'] = 'before';
    const bearer = { authorization: `Bearer ${access}` };
    const requests: [string, () => Promise<{ status: number; headers: Record<string, string>; body: { refreshToken?: string } }>][] = [
      ['GET /auth/me', () => t.http.get('/api/v1/auth/me').set(bearer).timeout(HANG_MS)],
      ['GET /cases', () => t.http.get('/api/v1/cases?limit=5').set(bearer).timeout(HANG_MS)],
      ['GET /users', () => t.http.get('/api/v1/users').set(bearer).timeout(HANG_MS)],
      [
        'POST /auth/login',
        () => t.http.post('/api/v1/auth/login').send({ username: 'off.binhai1', password: DEMO_PASSWORD }).timeout(HANG_MS),
      ],
      ['POST /auth/refresh', () => t.http.post('/api/v1/auth/refresh').send({ refreshToken: refresh }).timeout(HANG_MS)],
    ];
    let running = true;
    const load = (async () => {
      while (running) {
        for (const [route, send] of requests) {
          const at = phase;
          try {
            const res = await send();
            if (route === 'POST /auth/refresh' && res.status === 200 && res.body.refreshToken) refresh = res.body.refreshToken;
            samples.push({ route, status: res.status, retryAfter: res.headers['retry-after'], phase: at });
          } catch {
            samples.push({ route, status: 'hung', phase: at });
          }
        }
        await new Promise((r) => setTimeout(r, 50));
      }
    })();
    const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));
    try {
      await pause(1000);
      phase = 'during';
      await pg.stop();
      await pause(OUTAGE_MS);
      await pg.start();
      phase = 'after';
      // back to normal without restarting the app: the same token (its session survived) and a fresh login
      for (let i = 0; ; i++) {
        const me = await t.http.get('/api/v1/auth/me').set(bearer);
        if (me.status === 200) break;
        if (i > 100) throw new Error(`not recovered: ${me.status}`);
        await pause(100);
      }
      await pause(1500);
    } finally {
      running = false;
      await load;
    }
    const during = samples.filter((s) => s.phase === 'during');
    const outageAnswers = during.filter((s) => s.status !== 200);
    const after = samples.filter((s) => s.phase === 'after').slice(-requests.length * 3);
    process.stdout.write(
      `\npostgres restart: ${samples.length} requests (${during.length} while down or restarting): ` +
        `${outageAnswers.filter((s) => s.status === 503).length} × 503, ` +
        `${samples.filter((s) => s.status === 401).length} × 401, ${samples.filter((s) => s.status === 500).length} × 500, ` +
        `${samples.filter((s) => s.status === 'hung').length} hung; last ${after.length} after: ${[...new Set(after.map((s) => s.status))].join(',')}\n`,
    );
    expect(samples.filter((s) => s.status === 'hung')).toEqual([]);
    expect(samples.filter((s) => s.status === 401 || s.status === 500)).toEqual([]);
    expect(outageAnswers.length).toBeGreaterThan(0);
    for (const s of outageAnswers) expect(s).toEqual({ route: s.route, status: 503, retryAfter: '5', phase: 'during' });
    expect(new Set(outageAnswers.map((s) => s.route))).toEqual(new Set(requests.map(([r]) => r)));
    expect(after.every((s) => s.status === 200)).toBe(true);
  });
});
