// Cross-region exchange: signed round trips and inbound deliveries per second. For each algorithm (ed25519, sm2-sm3)
// a partner office (a full instance: api + worker, seeded) trusts the key this process signs with as office 120000;
// each request is a fresh dossier (new exchange id) with a fresh RFC 9421 signature (new nonce, created now), signed
// by the same library code the origin instance uses (dist/libs/transfers). Baseline in the same run: the same endpoint
// on a second instance started with EXCHANGE_BENCH_SKIP_VERIFY=true (NODE_ENV=test only), where nothing is verified.
import { randomUUID } from 'node:crypto';
import { createRequire } from 'node:module';
import path from 'node:path';
import { JWT_SECRET, ROOT, fmt, login, median, percentile, printTable, startSeededApi } from './lib.mjs';

const require = createRequire(import.meta.url);
const crypto = require(path.join(ROOT, 'dist/libs/transfers/src/exchange/exchange-crypto.js'));
const sig = require(path.join(ROOT, 'dist/libs/transfers/src/exchange/message-signature.js'));

const ROUND_TRIPS = 300;
const CONNECTIONS = 10;
const DURATION_MS = 8000;
const POOL = { ed25519: 4000, 'sm2-sm3': 2500 };

const dossier = (exchangeId) => ({
  version: 1,
  exchangeId,
  originCode: '120000',
  targetCode: '130000',
  targetUnitCode: null,
  kind: 'assist_service',
  reason: '委托送达（基准测试）',
  requestedItems: ['送达回证'],
  sentAt: new Date().toISOString(),
  case: {
    receiptNo: '津滨知收〔2026〕1号',
    caseNo: '津滨知执〔2026〕1号',
    type: 'passing_off',
    status: 'investigating',
    receivedOn: '2026-11-02',
    filedOn: '2026-11-03',
    summary: '假冒专利',
    ftz: false,
    ecommerce: null,
    decision: null,
  },
  parties: [
    {
      role: 'respondent',
      kind: 'organization',
      name: '某科技有限公司',
      uscc: null,
      idNumber: null,
      idNumberMasked: null,
      legalRepresentative: null,
      address: null,
      phone: null,
    },
  ],
  patents: [],
  files: [],
});

async function office(alg, publicKey, extraEnv = {}) {
  const pair = crypto.generateExchangeKeyPair(alg);
  const api = await startSeededApi({
    EXCHANGE_SELF_CODE: '130000',
    EXCHANGE_PRIVATE_KEY: pair.privateKey,
    EXCHANGE_ALGORITHM: alg,
    LOG_LEVEL: 'error',
    ...extraEnv,
  });
  const admin = await login(api.base, 'admin');
  const res = await fetch(`${api.base}/api/v1/partners/120000`, {
    method: 'PUT',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${admin}` },
    body: JSON.stringify({
      name: '天津',
      endpoint: 'http://127.0.0.1:9/api/v1',
      keys: [{ keyId: 'bench-1', algorithm: alg, publicKey }],
      active: true,
    }),
  });
  if (res.status !== 200) throw new Error(`partner setup: ${res.status} ${await res.text()}`);
  return api;
}

async function signed(signer, base) {
  const url = `${base}/api/v1/exchange/transfers`;
  const body = JSON.stringify(dossier(randomUUID()));
  const headers = await sig.signRequest(signer, { method: 'POST', url, body, senderCode: '120000' });
  return { url, body, headers: { ...headers, 'content-type': 'application/json' } };
}

async function send(r) {
  const res = await fetch(r.url, { method: 'POST', headers: r.headers, body: r.body });
  await res.arrayBuffer();
  if (res.status !== 201) throw new Error(`delivery answered ${res.status}`);
}

async function throughput(signer, base, n) {
  const pool = [];
  for (let i = 0; i < n; i++) pool.push(await signed(signer, base));
  let next = 0;
  let ok = 0;
  const t0 = performance.now();
  await Promise.all(
    Array.from({ length: CONNECTIONS }, async () => {
      while (next < pool.length && performance.now() - t0 < DURATION_MS) {
        await send(pool[next++]);
        ok++;
      }
    }),
  );
  return ok / ((performance.now() - t0) / 1000);
}

export async function run() {
  const results = {};
  const rows = [];
  for (const alg of ['ed25519', 'sm2-sm3']) {
    const pair = crypto.generateExchangeKeyPair(alg);
    const signer = crypto.createSigner(alg, 'bench-1', pair.privateKey);
    const verified = await office(alg, pair.publicKey);
    const skipped = await office(alg, pair.publicKey, { NODE_ENV: 'test', EXCHANGE_BENCH_SKIP_VERIFY: 'true', JWT_SECRET });
    try {
      for (let i = 0; i < 20; i++) await send(await signed(signer, verified.base));
      const lat = [];
      for (let i = 0; i < ROUND_TRIPS; i++) {
        const t0 = performance.now();
        await send(await signed(signer, verified.base));
        lat.push(performance.now() - t0);
      }
      lat.sort((a, b) => a - b);
      const withVerify = await throughput(signer, verified.base, POOL[alg]);
      const without = await throughput(signer, skipped.base, POOL[alg]);
      results[alg] = {
        roundTripP50Ms: median(lat),
        roundTripP99Ms: percentile(lat, 99),
        deliveriesPerS: withVerify,
        deliveriesPerSSkipVerify: without,
      };
      rows.push([alg, fmt(median(lat), 1), fmt(percentile(lat, 99), 1), fmt(withVerify), fmt(without), `${fmt(withVerify / without, 2)}×`]);
    } finally {
      await verified.stop();
      await skipped.stop();
    }
  }
  printTable(
    'Signed exchange (POST /exchange/transfers: sign → send → verify digest, signature, nonce → store dossier → 201)',
    ['algorithm', 'round trip p50 ms', 'p99 ms', `deliveries/s (${CONNECTIONS} conns)`, 'same, verification skipped', 'ratio'],
    rows,
    [
      `round trip: ${ROUND_TRIPS} sequential deliveries, each signed just before it is sent (signing included)`,
      "deliveries/s: pre-signed requests, so the figure is the receiver's",
    ],
  );
  return results;
}
