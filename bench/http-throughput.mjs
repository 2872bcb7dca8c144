// HTTP throughput of the api (Nest on Fastify, real PostgreSQL + Redis) vs a bare Fastify "hello" server in
// the same run: autocannon, 50 connections, 2 s warm-up + 8 s measured per target. Also the api's RSS.
import {
  appEnv,
  fmt,
  freePort,
  load,
  login,
  mib,
  onCleanup,
  printTable,
  rssKiB,
  sampleRss,
  spawnNode,
  startSeededApi,
  waitForStatus,
} from './lib.mjs';
import { fileURLToPath } from 'node:url';

const CONNECTIONS = 50;
const DURATION_S = 8;

export async function run() {
  // baseline first, alone on the machine
  const fport = await freePort();
  const fastify = spawnNode([fileURLToPath(new URL('./fastify-hello.mjs', import.meta.url))], {
    name: 'fastify-hello',
    env: appEnv({ PORT: String(fport) }),
  });
  const stopFastify = onCleanup(() => fastify.stop('SIGINT'));
  await waitForStatus(`http://127.0.0.1:${fport}/`, { proc: fastify, timeoutMs: 15_000 });
  const bare = await load({ url: `http://127.0.0.1:${fport}/`, connections: CONNECTIONS, durationS: DURATION_S });
  await stopFastify();

  const api = await startSeededApi();
  let health;
  let me;
  let idleKiB;
  let peak;
  try {
    const token = await login(api.base, 'admin');
    await new Promise((r) => setTimeout(r, 1000)); // let start-up settle before the idle reading
    idleKiB = rssKiB(api.proc.pid);
    const sampler = sampleRss(api.proc.pid, 200);
    try {
      health = await load({ url: `${api.base}/health/ready`, connections: CONNECTIONS, durationS: DURATION_S });
      me = await load({
        url: `${api.base}/api/v1/auth/me`,
        headers: { authorization: `Bearer ${token}` },
        connections: CONNECTIONS,
        durationS: DURATION_S,
      });
    } finally {
      peak = sampler.stop();
    }
  } finally {
    await api.stop();
  }

  const row = (name, r) => [name, fmt(r.rps), fmt(r.rps / bare.rps, 2), fmt(r.p50Ms, 1), fmt(r.p99Ms, 1), fmt(r.ok), fmt(r.failed)];
  printTable(
    `HTTP throughput — autocannon ${CONNECTIONS} connections, ${DURATION_S} s after 2 s warm-up (load generator in-process, same 2 cores)`,
    ['target', 'req/s', 'x bare', 'p50 ms', 'p99 ms', '2xx', 'failed'],
    [
      row('baseline: bare Fastify GET / (hello)', bare),
      row('api GET /health/ready (SELECT 1 + Redis PING)', health),
      row('api GET /api/v1/auth/me (JWT + session/user)', me),
    ],
    [`api RSS: idle ${mib(idleKiB)}, peak under load ${mib(peak.peakKiB)} (${peak.samples} samples every 200 ms)`],
  );
  return {
    connections: CONNECTIONS,
    durationS: DURATION_S,
    baseline: { bareFastifyHello: bare },
    healthReady: { ...health, ratioToBare: health.rps / bare.rps },
    authMe: { ...me, ratioToBare: me.rps / bare.rps },
    apiRss: { idleKiB, peakKiB: peak.peakKiB, samples: peak.samples },
  };
}
