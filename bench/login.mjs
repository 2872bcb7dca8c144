// Login throughput: POST /api/v1/auth/login (argon2id verify + session, refresh token, audit entry) at 10
// connections. Baseline in the same run: one argon2id hash with the app's default parameters, in-process,
// and the login ceiling that implies when every core does nothing but hash.
import os from 'node:os';
import argon2 from 'argon2';
import { DEMO_PASSWORD, fmt, load, login, median, printTable, startSeededApi } from './lib.mjs';

const CONNECTIONS = 10;
const DURATION_S = 8;
const PARAMS = { type: argon2.argon2id, memoryCost: 19456, timeCost: 2, parallelism: 1 }; // app defaults (password.hasher.ts)

async function argon2Median(iterations) {
  for (let i = 0; i < 2; i++) await argon2.hash(DEMO_PASSWORD, PARAMS); // warm-up
  const times = [];
  for (let i = 0; i < iterations; i++) {
    const t0 = performance.now();
    await argon2.hash(DEMO_PASSWORD, PARAMS);
    times.push(performance.now() - t0);
  }
  return median(times);
}

export async function run() {
  const cores = os.availableParallelism();
  const hashMs = await argon2Median(20); // before the api starts: the machine is idle
  const ceiling = (cores * 1000) / hashMs;

  const api = await startSeededApi({ LOGIN_RATE_LIMIT_PER_MINUTE: '10000' });
  let r;
  try {
    await login(api.base, 'off.binhai1'); // fails fast when the credentials or the seed are wrong
    r = await load({
      url: `${api.base}/api/v1/auth/login`,
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'off.binhai1', password: DEMO_PASSWORD }),
      connections: CONNECTIONS,
      durationS: DURATION_S,
    });
  } finally {
    await api.stop();
  }

  printTable(
    `login — POST /api/v1/auth/login off.binhai1, ${CONNECTIONS} connections, ${DURATION_S} s after 2 s warm-up`,
    ['measure', 'logins/s', 'x ceiling', 'p50 ms', 'p99 ms', '200', 'failed'],
    [
      ['baseline: one argon2id hash, m=19456 t=2 p=1 (median of 20)', '-', '-', fmt(hashMs, 1), '-', '-', '-'],
      [`baseline: implied ceiling on ${cores} cores (${cores} x 1000 / ${fmt(hashMs, 1)} ms)`, fmt(ceiling, 1), '1.00', '-', '-', '-', '-'],
      ['api login', fmt(r.rps, 1), fmt(r.rps / ceiling, 2), fmt(r.p50Ms, 1), fmt(r.p99Ms, 1), fmt(r.ok), fmt(r.failed)],
    ],
    ['LOGIN_RATE_LIMIT_PER_MINUTE=10000 for this run (default 30/min per IP)'],
  );
  return {
    connections: CONNECTIONS,
    durationS: DURATION_S,
    baseline: { argon2idHashMedianMs: hashMs, cores, impliedCeilingPerS: ceiling },
    login: { ...r, ratioToCeiling: r.rps / ceiling },
  };
}
