import { ChildProcess, spawn } from 'node:child_process';
import path from 'node:path';
import request from 'supertest';
import { clearQueueKeys, eventually } from '../utils/test-app';
import { createTestDatabase, TestDatabase } from '../utils/test-db';
import { DEMO_PASSWORD, testEnv } from '../utils/test-env';
import { freePort } from '../utils/throwaway-servers';
import { patentNumber, residentId, uscc } from '../utils/identifiers';

const API = path.resolve(__dirname, '../../dist/apps/api/src/main.js');

// The personal data this run sends: none of it may appear in any log line, in any spelling.
const PHONES = ['13800138000', '022-5888-1234', '13912345678', '13700137000'];
const ID_NUMBERS = [residentId(7), residentId(8), residentId(9)];
const spellings = (s: string) => [s, s.replace(/\D/g, '')].filter((v) => v.length >= 8);

/**
 * The api (with its worker) runs as a child process at debug level, exactly as production logs, and every line it
 * writes is kept. The run takes in cases and tickets carrying phones and resident ID numbers, fails validation on
 * some, searches and exports by them and unmasks a caller; afterwards no log line contains any of them.
 */
describe('logs carry no phone or ID numbers', () => {
  let db: TestDatabase;
  let child: ChildProcess;
  let output = '';
  let base = '';
  beforeAll(async () => {
    db = await createTestDatabase();
    const port = await freePort();
    base = `http://127.0.0.1:${port}`;
    child = spawn(process.execPath, [API], {
      env: {
        ...process.env,
        ...testEnv({
          DATABASE_URL: db.url,
          QUEUE_PREFIX: db.name,
          PORT: String(port),
          HOST: '127.0.0.1',
          LOG_LEVEL: 'debug',
          RUN_WORKER: 'true',
        }),
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    child.stdout?.on('data', (d: Buffer) => (output += d.toString('utf8')));
    child.stderr?.on('data', (d: Buffer) => (output += d.toString('utf8')));
    await eventually(async () => (await request(base).get('/health/ready')).status === 200, 30_000, 'the api to be ready');
  });
  afterAll(async () => {
    if (child.exitCode === null) {
      child.kill('SIGTERM');
      await new Promise((r) => child.once('exit', r));
    }
    await db.drop();
    await clearQueueKeys(db.name);
  });

  it('takes in, searches, exports and unmasks personal data without logging it', async () => {
    const http = request(base);
    const login = async (username: string) =>
      (await http.post('/api/v1/auth/login').send({ username, password: DEMO_PASSWORD }).expect(200)).body.accessToken as string;
    const [officer, op, sup] = [await login('off.binhai1'), await login('op.12330'), await login('sup.binhai')];
    const bearer = (t: string) => ({ authorization: `Bearer ${t}` });
    const intake = {
      type: 'infringement_dispute',
      source: 'complaint',
      orgUnitCode: '120116',
      receivedOn: '2026-09-28',
      summary: '侵权纠纷',
      requesters: [{ kind: 'organization', name: '请求科技有限公司', uscc: uscc(1), role: 'patentee', phone: PHONES[1] }],
      respondents: [{ kind: 'individual', name: '李某', idNumber: ID_NUMBERS[0], phone: PHONES[0] }],
      patents: [{ number: patentNumber(17) }],
    };
    await http.post('/api/v1/cases').set(bearer(officer)).send(intake).expect(201);
    // refused: a wrong check character, and a NUL next to the number
    const wrong = ID_NUMBERS[1].slice(0, 17) + (ID_NUMBERS[1].endsWith('0') ? '1' : '0');
    await http
      .post('/api/v1/cases')
      .set(bearer(officer))
      .send({ ...intake, respondents: [{ kind: 'individual', name: '王某', idNumber: wrong, phone: PHONES[3] }] })
      .expect(400);
    await http
      .post('/api/v1/cases')
      .set(bearer(officer))
      .send({ ...intake, respondents: [{ kind: 'individual', name: '王某', idNumber: `${ID_NUMBERS[2]}\u0000` }] })
      .expect(400);
    const ticket = await http
      .post('/api/v1/hotline/tickets')
      .set(bearer(op))
      .send({
        channel: 'phone',
        category: 'complaint',
        caller: { name: '张三', phone: PHONES[2], idNumber: ID_NUMBERS[1] },
        subject: '销售侵权产品',
        description: `来电人留下电话 ${PHONES[2]}`,
        orgUnitCode: '120116',
      })
      .expect(201);
    // the same caller again: found as a likely duplicate through the phone's blind index
    await http
      .post('/api/v1/hotline/tickets')
      .set(bearer(op))
      .send({ channel: 'phone', category: 'consultation', caller: { name: '张三', phone: PHONES[2] }, subject: 's', description: 'd' })
      .expect(201);
    await http.get(`/api/v1/hotline/tickets/${ticket.body.id}/caller`).set(bearer(op)).expect(200);
    await http.get(`/api/v1/cases?q=${ID_NUMBERS[0]}`).set(bearer(officer)).expect(200);
    await http.get(`/api/v1/hotline/tickets?q=${PHONES[2]}`).set(bearer(op)).expect(200);
    await http.get(`/api/v1/cases/export?format=csv&q=${PHONES[0]}`).set(bearer(sup)).expect(200);
    await http.get(`/api/v1/hotline/tickets/export?format=xlsx&q=${PHONES[2]}`).set(bearer(op)).expect(200);
    // the probes are not logged (a line each would drown the log), and logged requests carry their whole path
    for (let i = 0; i < 5; i++) await http.get('/health/live').expect(200);
    await http.get('/health/ready').expect(200);
    await http.get('/metrics').expect(200);
    // a few seconds for the worker's jobs (notifications, sealing) to log what they log
    await new Promise((r) => setTimeout(r, 1500));
    child.kill('SIGTERM');
    await new Promise((r) => child.once('exit', r));

    const lines = output.split('\n').filter(Boolean);
    expect(lines.filter((l) => l.includes('"requestId"') || l.includes('"req":')).length).toBeGreaterThan(10);
    const paths = lines.flatMap((l) => /"path":"([^"]*)"/.exec(l)?.[1] ?? []);
    expect(paths).toContain('/api/v1/hotline/tickets');
    expect(paths.filter((p) => p.startsWith('/health') || p === '/metrics')).toEqual([]);
    // a signed-in request's line names the caller (by id)
    const requestLines = lines.filter((l) => l.includes('"msg":"request completed"')).map((l) => JSON.parse(l) as Record<string, unknown>);
    const pathOf = (l: Record<string, unknown>) => (l.req as { path: string }).path;
    expect(requestLines.find((l) => pathOf(l) === '/api/v1/hotline/tickets')?.userId).toMatch(/^[0-9a-f-]{36}$/);
    const leaks = [...PHONES, ...ID_NUMBERS].flatMap(spellings).filter((v) => output.includes(v));
    expect(leaks).toEqual([]);
  });
});
