// Baseline server for the hotpaths bench: Fastify 5 + node-postgres, nothing else. For each captured route it
// verifies the bearer token as the api does (HS256, the bench secret, typ access) and replays the statements the api
// sent for that request (bench/sql-capture.cjs), in order, on one pooled client, each as a named prepared statement
// (parsed once per connection), with the parameters of this request (bench/replay-plan.mjs). It answers the rows of
// with the api's own answer to the captured request (JSON, serialized per request: an answer of the same bytes, as
// any server of this route must send, without the api's mapping of the rows; 201 for a POST) and says how many
// statements it ran in the header x-bench-statements. The rows it read are still parsed by node-postgres.
//
//   node bench/bare-server.mjs <config.json>
//   config: { port, databaseUrl, jwtSecret, poolSize, capture: <file>, routes: { label: 'GET /path/:id' },
//             bodies: { label: <request body> }, answers: { label: <the api's answer, parsed> } }
import { createSecretKey, randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import Fastify from 'fastify';
import jwt from 'jsonwebtoken';
import pg from 'pg';
import pgUtils from 'pg/lib/utils.js';
import { compilePlan, evalTemplate, readCapture } from './replay-plan.mjs';

const config = JSON.parse(readFileSync(process.argv[2], 'utf8'));
const capture = readCapture(config.capture);
const key = createSecretKey(Buffer.from(config.jwtSecret, 'utf8'));
const { prepareValue } = pgUtils;
const pool = new pg.Pool({
  connectionString: config.databaseUrl,
  max: config.poolSize ?? 20,
  application_name: 'bench-bare-server',
  // as the api's pool (libs/kernel/src/database/data-source-options.ts)
  options: '-c default_transaction_isolation=read\\ committed',
});

const BEGIN = /^\s*(BEGIN|START\s+TRANSACTION)\b/i;
const END = /^\s*(COMMIT|ROLLBACK|END)\b/i;

/** The claims of a valid access token, or null. */
function verify(authorization) {
  const m = /^Bearer\s+(\S+)$/i.exec(authorization ?? '');
  if (!m) return null;
  try {
    const claims = jwt.verify(m[1], key, { algorithms: ['HS256'] });
    return claims.typ === 'access' && typeof claims.sub === 'string' && typeof claims.sid === 'string' ? claims : null;
  } catch {
    return null;
  }
}

const app = Fastify({ logger: false });
app.get('/__bare/ready', async () => ({ ok: true }));
for (const [label, route] of Object.entries(config.routes)) {
  const entry = capture.get(label);
  if (!entry) throw new Error(`bare server: nothing captured for ${label}`);
  const plan = compilePlan(entry, route, { body: config.bodies?.[label] ?? '' });
  const okStatus = plan.method === 'POST' ? 201 : 200;
  const answer = config.answers?.[label];
  app.route({
    method: plan.method,
    url: plan.routePath,
    async handler(req, reply) {
      const claims = verify(req.headers.authorization);
      if (!claims) return reply.code(401).send({ error: 'UNAUTHENTICATED' });
      const ctx = { params: req.params, claims, results: [], fresh: [], uuid: randomUUID };
      const client = await pool.connect();
      let inTx = false;
      let n = 0;
      try {
        for (const s of plan.statements) {
          const values = s.values.map((t) => evalTemplate(t, ctx, prepareValue));
          const r = await client.query({ name: s.name, text: s.text, values });
          n++;
          ctx.results.push(r);
          if (BEGIN.test(s.text)) inTx = true;
          else if (END.test(s.text)) inTx = false;
        }
      } catch (err) {
        if (inTx) await client.query('ROLLBACK').catch(() => undefined);
        client.release();
        return reply
          .code(500)
          .header('x-bench-statements', String(n))
          .send({ error: String(err.message), statement: n });
      }
      client.release();
      return reply
        .code(okStatus)
        .header('x-bench-statements', String(n))
        .header('content-type', 'application/json; charset=utf-8')
        .send(JSON.stringify(answer ?? ctx.results.at(-1)?.rows ?? []));
    },
  });
}

await app.listen({ port: Number(config.port), host: '127.0.0.1' });
for (const sig of ['SIGINT', 'SIGTERM']) {
  process.once(sig, () => void Promise.allSettled([app.close(), pool.end()]).then(() => process.exit(0)));
}
