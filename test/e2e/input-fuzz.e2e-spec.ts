import fc from 'fast-check';
import { CASE_ACTIONS } from '@app/cases';
import { registeredRoutes } from '@app/platform';
import { generateExchangeKeyPair, LIAISON_ACTIONS, REFERRAL_ACTIONS, USER_ACTIONS } from '@app/transfers';
import type { Client } from 'pg';
import { auth, createTestApp, TestApp } from '../utils/test-app';
import { sql } from '../utils/test-db';
import { DEMO_PASSWORD } from '../utils/test-env';
import { buildScopeFixtures, caseBody, PARTNER_CODE, ScopeFixtures, ticketBody } from '../utils/scope-fixtures';

const SEED = 20_261_202;
const BODY_RUNS = 80;
const QUERY_RUNS = 60;
/** The tables a refused request must leave as they were (bookkeeping such as audit entries and lock-outs aside). */
const MAIN_TABLES = [
  'cases',
  'case_parties',
  'case_patents',
  'case_evidence',
  'case_events',
  'hotline_tickets',
  'hotline_ticket_events',
  'hotline_alerts',
  'credit_publications',
  'case_documents',
  'document_templates',
  'users',
  'metric_targets',
  'exchange_partners',
  'transfers',
  'transfer_files',
  'case_liaisons',
  'case_referrals',
];

/** Text that has broken things before: NUL, lone surrogates, impossible dates, huge numbers, deep nesting, casts. */
const nasty = fc.constantFrom<unknown>(
  '\u0000',
  'a\u0000b',
  '\ud800',
  'x\udfffy',
  '2026-02-30',
  '2026-13-01',
  '0000-00-00',
  '9999-12-31',
  '1900-01-01',
  '',
  ' ',
  'a',
  "'; DROP TABLE cases; --",
  '%00',
  '__proto__',
  'constructor',
  -1,
  0,
  2 ** 31,
  Number.MAX_SAFE_INTEGER,
  1e308,
  -0.5,
  true,
  null,
  [],
  [[]],
  {},
  { __proto__: { x: 1 } },
  '9'.repeat(400),
  '华'.repeat(3000),
  JSON.parse('{"a":'.repeat(40) + '1' + '}'.repeat(40)) as unknown,
);
const value: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 3, arbitrary: nasty },
  { weight: 2, arbitrary: fc.jsonValue({ maxDepth: 3 }) },
  fc.string(),
);

/** A valid sample body mutated: a field replaced, dropped, an unknown one added, or the whole body replaced. */
function mutated(sample: Record<string, unknown>): fc.Arbitrary<unknown> {
  const keys = Object.keys(sample);
  const set = (obj: Record<string, unknown>, path: string[], v: unknown): Record<string, unknown> => {
    const [head, ...rest] = path;
    const copy: Record<string, unknown> = Array.isArray(obj) ? ([...obj] as unknown as Record<string, unknown>) : { ...obj };
    copy[head] = rest.length && copy[head] && typeof copy[head] === 'object' ? set(copy[head] as Record<string, unknown>, rest, v) : v;
    return copy;
  };
  const paths: string[][] = [];
  const walk = (o: unknown, p: string[]) => {
    if (!o || typeof o !== 'object') return;
    for (const [k, v] of Object.entries(o)) {
      paths.push([...p, k]);
      walk(v, [...p, k]);
    }
  };
  walk(sample, []);
  return fc.oneof(
    { weight: 4, arbitrary: paths.length ? fc.tuple(fc.constantFrom(...paths), value).map(([p, v]) => set(sample, p, v)) : value },
    { weight: 1, arbitrary: keys.length ? fc.constantFrom(...keys).map((k) => ({ ...sample, [k]: undefined })) : fc.constant(sample) },
    { weight: 1, arbitrary: fc.tuple(fc.string({ minLength: 1, maxLength: 12 }), value).map(([k, v]) => ({ ...sample, [k]: v })) },
    { weight: 1, arbitrary: value },
    { weight: 1, arbitrary: fc.constant(sample) },
  );
}

interface BodyTarget {
  caller: string | null;
  url: (f: ScopeFixtures, action: string) => string;
  sample: (f: ScopeFixtures) => Record<string, unknown>;
  actions?: readonly string[];
  multipart?: boolean;
  /** logout ends the session it is sent with: each run gets its own */
  freshToken?: boolean;
  /** bodies that broke the route before, sent before the random ones ([action, body]) */
  regressions?: [string, unknown][];
}

/** Every POST/PUT/PATCH route: who may send it, where, and a valid body to start from. A new one fails until added. */
const BODIES: Record<string, BodyTarget> = {
  'POST /api/v1/auth/login': {
    caller: null,
    url: () => '/api/v1/auth/login',
    sample: () => ({ username: 'off.heping3', password: 'wrong-one' }),
  },
  'POST /api/v1/auth/refresh': { caller: null, url: () => '/api/v1/auth/refresh', sample: () => ({ refreshToken: 'rt_x.y' }) },
  'POST /api/v1/auth/logout': { caller: 'sup.binhai', freshToken: true, url: () => '/api/v1/auth/logout', sample: () => ({}) },
  'POST /api/v1/notifications/:id/read': {
    caller: 'sup.city',
    url: (f) => `/api/v1/notifications/${f.notificationOf['sup.city']}/read`,
    sample: () => ({}),
  },
  'POST /api/v1/users': {
    caller: 'admin',
    url: () => '/api/v1/users',
    sample: () => ({
      username: 'fuzz.user',
      displayName: '模糊',
      password: 'long-enough-pass-1',
      roles: ['officer'],
      orgUnitCode: '120116',
    }),
  },
  'PATCH /api/v1/users/:id': {
    caller: 'admin',
    url: (f) => `/api/v1/users/${f.binhai.userId}`,
    sample: () => ({ expectedVersion: 1, displayName: '改名', roles: ['officer'] }),
  },
  'POST /api/v1/cases': { caller: 'off.binhai1', url: () => '/api/v1/cases', sample: () => caseBody('120116', 300) },
  'PATCH /api/v1/cases/:id': {
    caller: 'off.binhai1',
    url: (f) => `/api/v1/cases/${f.binhai.caseId}`,
    sample: () => {
      const { type, source, summary, requesters, respondents, patents } = caseBody('120116', 301);
      return { expectedVersion: 1, type, source, summary, requesters, respondents, patents, ftz: false, fastTrack: false };
    },
  },
  'PUT /api/v1/partners/:code': {
    caller: 'admin',
    url: () => '/api/v1/partners/330000',
    sample: () => ({
      name: '浙江省知识产权局',
      endpoint: 'http://127.0.0.1:9/api/v1',
      keys: [{ keyId: 'fuzz-1', algorithm: 'ed25519', publicKey: PARTNER_KEY }],
      active: true,
      replyDueWorkingDays: 10,
    }),
  },
  'POST /api/v1/cases/:id/transfers': {
    caller: 'off.binhai1',
    url: (f) => `/api/v1/cases/${f.binhai.caseId}/transfers`,
    sample: () => ({ partnerCode: PARTNER_CODE, kind: 'assist_service', reason: '请协助送达', requestedItems: ['送达决定书'] }),
  },
  'POST /api/v1/transfers/:id/files': {
    caller: 'off.binhai1',
    multipart: true,
    url: (f) => `/api/v1/transfers/${f.binhai.inboundId}/files`,
    sample: () => ({ description: '协查结果', filename: 'answer.pdf' }),
    // a NUL in the file name reached PostgreSQL (500)
    regressions: [['-', { description: '协查结果', filename: 'a\u0000b.pdf' }]],
  },
  // accept, decline and answer act on the inbound request, the others on the outbound one
  'POST /api/v1/transfers/:id/actions/:action': {
    caller: 'sup.city',
    actions: [...USER_ACTIONS, 'bogus', 'APPROVE'],
    url: (f, action) =>
      `/api/v1/transfers/${['accept', 'decline', 'answer'].includes(action) ? f.binhai.inboundId : f.binhai.transferId}/actions/${action}`,
    sample: (f) => ({ expectedVersion: 1, reason: '理由', result: '协查结果', files: [f.binhai.answerFileId] }),
  },
  // signed partner routes: every one is 401 without a valid signature, whatever the body
  'POST /api/v1/exchange/transfers': {
    caller: null,
    url: () => '/api/v1/exchange/transfers',
    sample: () => ({ exchangeId: '00000000-0000-4000-8000-000000000000', kind: 'transfer', reason: '移送', dossier: { case: {} } }),
  },
  'POST /api/v1/exchange/transfers/:id/status': {
    caller: null,
    url: (f) => `/api/v1/exchange/transfers/${f.binhai.transferId}/status`,
    sample: () => ({ messageId: '00000000-0000-4000-8000-000000000001', status: 'accepted', partnerCaseNo: '沪知执〔2026〕1号' }),
  },
  'POST /api/v1/cases/:id/liaisons': {
    caller: 'off.binhai1',
    url: (f) => `/api/v1/cases/${f.binhai.caseId}/liaisons`,
    sample: () => ({
      channel: 'ecommerce',
      kind: 'takedown',
      platform: '某电商平台',
      storeName: '某旗舰店',
      listingUrls: ['https://shop.example.com/item/1'],
      reference: 'REF-1',
      actionOn: '2026-11-19',
      note: '备注',
      sentOn: '2026-11-20',
      replyDue: '2026-11-27',
    }),
    regressions: [
      ['-', { channel: 'customs', kind: 'joint_action', port: '天津新港', sentOn: '2026-02-30' }],
      ['-', { channel: 'customs', kind: 'joint_action', port: '天津新港', sentOn: '2026-11-20', replyDue: '2026-13-01' }],
    ],
  },
  'POST /api/v1/liaisons/:id/actions/:action': {
    caller: 'off.binhai1',
    actions: [...LIAISON_ACTIONS, 'nope'],
    url: (f, action) => `/api/v1/liaisons/${f.binhai.liaisonId}/actions/${action}`,
    regressions: [['record_reply', { expectedVersion: 1, reply: '已回复', repliedOn: '2026-02-30' }]],
    sample: () => ({ expectedVersion: 1, reply: '已联合执法', repliedOn: '2026-11-25', outcome: 'joint_action_done' }),
  },
  'POST /api/v1/referrals/:id/actions/:action': {
    caller: 'off.binhai1',
    actions: [...REFERRAL_ACTIONS, 'nope'],
    url: (f, action) => `/api/v1/referrals/${f.binhai.referralId}/actions/${action}`,
    regressions: [['record_outcome', { expectedVersion: 1, outcome: 'judgment', outcomeOn: '2026-02-30' }]],
    sample: () => ({
      expectedVersion: 1,
      receivingBody: '天津市第三中级人民法院',
      reference: '（2026）津03民初1号',
      outcome: 'judgment',
      outcomeOn: '2026-11-25',
      summary: '判决',
    }),
  },
  'POST /api/v1/cases/:id/recusals': {
    caller: 'sup.city',
    url: (f) => `/api/v1/cases/${f.binhai.caseId}/recusals`,
    sample: (f) => ({ expectedVersion: 1, officerId: f.userIdOf['off.binhai2'], reason: '回避' }),
  },
  'POST /api/v1/cases/:id/actions/:action': {
    caller: 'sup.city',
    actions: [...CASE_ACTIONS, 'no_such_action', 'APPROVE'],
    url: (f, action) => `/api/v1/cases/${f.heping.caseId}/actions/${action}`,
    sample: () => ({
      expectedVersion: 1,
      filedOn: '2026-10-01',
      reason: '理由',
      decision: { kind: 'penalty', summary: '罚款', facts: '事实', fineFen: 100, legalBasis: '专利法', major: true },
      intendedPenalty: { summary: '拟罚款', legalBasis: '专利法', fineFen: 100, confiscatedFen: 0 },
      receivedOn: '2026-11-20',
      summary: '陈述',
      waived: false,
      opinion: '意见',
      conclusion: 'approve',
      enforcement: 'paid',
      trackingNo: 'EMS1',
    }),
  },
  'POST /api/v1/cases/:id/service-records': {
    caller: 'off.binhai1',
    url: (f) => `/api/v1/cases/${f.binhai.caseId}/service-records`,
    sample: () => ({ document: 'other', method: 'mail', servedOn: '2026-11-20', trackingNo: 'EMS1', consent: true, receiptNote: '签收' }),
  },
  'POST /api/v1/cases/:id/payments': {
    caller: 'off.binhai1',
    url: (f) => `/api/v1/cases/${f.binhai.caseId}/payments`,
    sample: () => ({ paidOn: '2026-11-20', amountFen: 100, receiptNo: 'R-1' }),
  },
  'POST /api/v1/cases/:id/evidence': {
    caller: 'off.binhai1',
    multipart: true,
    url: (f) => `/api/v1/cases/${f.binhai.caseId}/evidence`,
    sample: () => ({ description: '照片', preservedOn: '2026-11-20', filename: 'a.pdf' }),
  },
  'POST /api/v1/cases/:id/evidence/:evidenceId/preservation-decision': {
    caller: 'off.binhai1',
    url: (f) => `/api/v1/cases/${f.binhai.caseId}/evidence/${f.binhai.evidenceId}/preservation-decision`,
    sample: () => ({ expectedVersion: 1, decision: 'release', note: 'n', decidedOn: '2026-11-20' }),
  },
  // the fixture case is not filed: no kind applies to it, so even a valid body writes nothing (422)
  'POST /api/v1/cases/:id/documents': {
    caller: 'off.binhai1',
    url: (f) => `/api/v1/cases/${f.binhai.caseId}/documents`,
    sample: () => ({ kind: 'filing_approval', expectedVersion: 1 }),
  },
  'PUT /api/v1/document-templates/:kind': {
    caller: 'admin',
    multipart: true,
    url: () => '/api/v1/document-templates/acceptance_notice',
    sample: () => ({ filename: 'a.docx' }),
  },
  'POST /api/v1/credit/publications/:id/actions/:action': {
    caller: 'sup.city',
    actions: ['retry', 'withdraw', 'correct', 'nope'],
    url: (f, action) => `/api/v1/credit/publications/${f.binhai.publicationId}/actions/${action}`,
    sample: () => ({ expectedVersion: 1, reason: '撤销', record: { violationFacts: '事实' } }),
  },
  'POST /api/v1/hotline/tickets': { caller: 'op.12330', url: () => '/api/v1/hotline/tickets', sample: () => ticketBody(400) },
  'POST /api/v1/hotline/tickets/:id/actions/:action': {
    caller: 'op.12330',
    actions: ['triage', 'assign', 'start', 'respond', 'close', 'reopen', 'convert', 'forward', 'callback', 'bogus'],
    url: (f, action) => `/api/v1/hotline/tickets/${f.heping.ticketId}/actions/${action}`,
    sample: () => ({
      expectedVersion: 1,
      orgUnitCode: '120101',
      response: '答复',
      note: '备注',
      reason: '理由',
      agency: '市场监管',
      satisfaction: 4,
      type: 'infringement_dispute',
      requesters: [{ kind: 'organization', name: '请求人', uscc: '91120116000000000X' }],
    }),
  },
  'POST /api/v1/hotline/alerts/:id/acknowledge': {
    caller: 'sup.city',
    url: (f) => `/api/v1/hotline/alerts/${f.cityAlertId}/acknowledge`,
    sample: () => ({ expectedVersion: 1 }),
  },
  'PUT /api/v1/calendar/:year': {
    caller: 'admin',
    url: () => '/api/v1/calendar/2031',
    sample: () => ({ source: '国务院办公厅关于2031年部分节假日安排的通知', holidays: ['2031-01-01'], workdays: ['2031-01-04'] }),
  },
  'PUT /api/v1/metrics/targets/:year': {
    caller: 'sup.city',
    url: () => '/api/v1/metrics/targets/2026',
    sample: () => ({ targets: [{ orgUnitCode: '120116', target: 10 }] }),
  },
};

/** Lists and other GETs with query parameters, with the caller that may read them (parameters come from the OpenAPI). */
const QUERY_CALLERS: Record<string, string> = {
  'GET /api/v1/approvals': 'sup.city',
  'GET /api/v1/cases/counts': 'sup.city',
  'GET /api/v1/cases/:id/parties/:role/:ordinal/contact': 'sup.city',
  'GET /api/v1/transfers': 'sup.city',
  'GET /api/v1/cases/:id/liaisons': 'sup.city',
  'GET /api/v1/liaisons': 'sup.city',
  'GET /api/v1/referrals': 'sup.city',
  'GET /api/v1/referrals/summary': 'sup.city',
  'GET /api/v1/users': 'admin',
  'GET /api/v1/notifications': 'sup.city',
  'GET /api/v1/audit': 'sup.city',
  'GET /api/v1/cases': 'sup.city',
  'GET /api/v1/cases/export': 'sup.city',
  'GET /api/v1/cases/:id/documents/:docId/content': 'sup.city',
  'GET /api/v1/credit/publications': 'sup.city',
  'GET /api/v1/credit/publications/export': 'sup.city',
  'GET /api/v1/hotline/tickets': 'op.12330',
  'GET /api/v1/hotline/tickets/export': 'op.12330',
  'GET /api/v1/hotline/alerts': 'sup.city',
  'GET /api/v1/metrics/target-progress': 'sup.city',
  'GET /api/v1/metrics/kpis': 'sup.city',
  'GET /api/v1/metrics/report': 'sup.city',
};

/** Queries that broke a list before, sent before the random ones: a well-formed cursor of values no page encodes (500). */
const FORGED_CURSORS = [
  ['x', 'y'],
  ['2026-13-45T00:00:00Z', 'not-a-uuid'],
].map((v) => ({ cursor: Buffer.from(JSON.stringify(v)).toString('base64url') }));
const QUERY_REGRESSIONS: Record<string, Record<string, string>[]> = {
  'GET /api/v1/transfers': FORGED_CURSORS,
  'GET /api/v1/cases/:id/liaisons': FORGED_CURSORS,
  'GET /api/v1/liaisons': FORGED_CURSORS,
  'GET /api/v1/referrals': FORGED_CURSORS,
  'GET /api/v1/referrals/summary': [{ from: '2026-02-30', to: '2026-12-31' }],
};

/** Where a route with path parameters is fuzzed, when '2026' for each would stop it before its query is read. */
const QUERY_PATHS: Record<string, (f: ScopeFixtures) => string> = {
  'GET /api/v1/cases/:id/parties/:role/:ordinal/contact': (f) => `/api/v1/cases/${f.binhai.caseId}/parties/requester/0/contact`,
  'GET /api/v1/cases/:id/liaisons': (f) => `/api/v1/cases/${f.binhai.caseId}/liaisons`,
};

const PARTNER_KEY = generateExchangeKeyPair('ed25519').publicKey;

const text = (v: unknown): string => (typeof v === 'string' ? v : (JSON.stringify(v) ?? ''));

/** Percent-encodes any JS string, lone surrogates included (as the bytes of an invalid UTF-8 sequence). */
function encodeAny(s: string): string {
  try {
    return encodeURIComponent(s);
  } catch {
    return [...s].map((ch) => (/[\ud800-\udfff]/.test(ch) ? '%ED%A0%80' : encodeURIComponent(ch))).join('');
  }
}

// Thousands of requests: ~40 s on a quiet machine, several times that while other suites share the 2 cores. A test
// cut off by the default 60 s would keep sending in the background and make the next test's table counts move.
const FUZZ_TIMEOUT_MS = 600_000;

describe('input fuzz (fast-check, seeded): no 5xx, and a refused request changes no main table', () => {
  let t: TestApp;
  let f: ScopeFixtures;
  let db: Client;
  let sent = 0;
  const fivexx: string[] = [];
  const changedOn4xx: string[] = [];
  beforeAll(async () => {
    t = await createTestApp({ withWorker: false, env: { LOGIN_RATE_LIMIT_PER_MINUTE: '10000' } });
    f = await buildScopeFixtures(t);
    db = await sql(t.db.url);
  });
  afterAll(async () => {
    await db?.end();
    await t?.close();
    process.stdout.write(
      `\ninput fuzz: ${sent} requests (seed ${SEED}), ${fivexx.length} answered 5xx, ${changedOn4xx.length} 4xx changed a main table\n`,
    );
  });

  const counts = async () =>
    JSON.stringify((await db.query(`SELECT ${MAIN_TABLES.map((n) => `(SELECT count(*) FROM ${n})::int AS ${n}`).join(', ')}`)).rows[0]);

  /** Sends one request and checks the two properties; returns nothing (fast-check only needs no throw). */
  const check = async (label: string, send: () => Promise<{ status: number; text: string }>) => {
    const before = await counts();
    const res = await send();
    sent++;
    if (res.status >= 500) fivexx.push(`${label} → ${res.status} ${res.text.slice(0, 200)}`);
    if (res.status >= 400 && res.status < 500 && (await counts()) !== before) changedOn4xx.push(`${label} → ${res.status}`);
  };

  it('covers every POST/PUT/PATCH route of the app', () => {
    const mutating = registeredRoutes(t.app)
      .filter((r) => ['POST', 'PUT', 'PATCH'].includes(r.method))
      .map((r) => `${r.method} ${r.url}`);
    expect(mutating.filter((r) => !(r in BODIES))).toEqual([]);
    expect(Object.keys(BODIES).filter((k) => !mutating.includes(k))).toEqual([]);
  });

  it(
    `fuzzes every body (${BODY_RUNS} runs a route)`,
    async () => {
      for (const [route, target] of Object.entries(BODIES)) {
        const method = route.split(' ')[0].toLowerCase() as 'post';
        const sample = target.sample(f);
        const arb = fc.tuple(fc.constantFrom(...(target.actions ?? ['-'])), mutated(sample));
        await fc.assert(
          fc.asyncProperty(arb, async ([action, body]) => {
            const url = target.url(f, action);
            await check(`${route} ${JSON.stringify(body)?.slice(0, 120)}`, async () => {
              let req = t.http[method](url);
              if (target.caller) {
                const token = target.freshToken
                  ? (await t.http.post('/api/v1/auth/login').send({ username: target.caller, password: DEMO_PASSWORD })).body.accessToken
                  : await t.token(target.caller);
                req = req.set(auth(token));
              }
              if (target.multipart) {
                const b = (body && typeof body === 'object' ? body : {}) as Record<string, unknown>;
                for (const k of ['description', 'preservedOn', 'extra'])
                  if (b[k] !== undefined && typeof b[k] !== 'object') req = req.field(k, text(b[k]));
                const filename = text(b.filename ?? '');
                return req.attach('file', Buffer.from('fuzz'), { filename, contentType: 'text/plain' });
              }
              return body === undefined ? req : req.set('content-type', 'application/json').send(JSON.stringify(body) ?? 'undefined');
            });
          }),
          { seed: SEED, numRuns: BODY_RUNS, examples: (target.regressions ?? []).map((r) => [r] as [[string, unknown]]) },
        );
      }
      expect(fivexx).toEqual([]);
      expect(changedOn4xx).toEqual([]);
    },
    FUZZ_TIMEOUT_MS,
  );

  it(
    `fuzzes the query parameters of every list and report (${QUERY_RUNS} runs a route)`,
    async () => {
      const doc = (await t.http.get('/api/docs-json').expect(200)).body as {
        paths: Record<string, Record<string, { parameters?: { name: string; in: string }[] }>>;
      };
      const withQuery: string[] = [];
      for (const [p, ops] of Object.entries(doc.paths)) {
        const params = (ops.get?.parameters ?? []).filter((x) => x.in === 'query').map((x) => x.name);
        if (!params.length) continue;
        const route = `GET ${p.replace(/\{(\w+)\}/g, ':$1')}`;
        withQuery.push(route);
        const caller = QUERY_CALLERS[route];
        if (!caller) continue; // reported below
        const token = await t.token(caller);
        const cursorish = fc.jsonValue({ maxDepth: 2 }).map((v) => Buffer.from(JSON.stringify(v) ?? '').toString('base64url'));
        const paramValue = fc.oneof(
          value.map((v) => (typeof v === 'string' ? v : (JSON.stringify(v) ?? ''))),
          cursorish,
          fc.constantFrom('csv', 'xlsx', '2026', '11', 'true'),
        );
        await fc.assert(
          fc.asyncProperty(fc.dictionary(fc.constantFrom(...params, 'unknownParam'), paramValue, { maxKeys: 4 }), async (q) => {
            const qs = Object.entries(q)
              .map(([k, v]) => `${encodeAny(k)}=${encodeAny(v)}`)
              .join('&');
            const url = QUERY_PATHS[route]?.(f) ?? p.replace(/\{(\w+)\}/g, '2026');
            await check(`${route}?${qs.slice(0, 160)}`, () => t.http.get(`${url}?${qs}`).set(auth(token)));
          }),
          { seed: SEED, numRuns: QUERY_RUNS, examples: (QUERY_REGRESSIONS[route] ?? []).map((q) => [q] as [Record<string, string>]) },
        );
      }
      expect(withQuery.filter((r) => !QUERY_CALLERS[r])).toEqual([]);
      expect(fivexx).toEqual([]);
      expect(changedOn4xx).toEqual([]);
    },
    FUZZ_TIMEOUT_MS,
  );
});
