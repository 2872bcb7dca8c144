import os from 'node:os';
import path from 'node:path';
import { rm } from 'node:fs/promises';
import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { loadConfig } from '@app/kernel';
import { createHttpApp } from '@app/platform';
import IORedis from 'ioredis';
import request from 'supertest';
import TestAgent from 'supertest/lib/agent';
import { createTestDatabase, TestDatabase } from './test-db';
import { DEMO_PASSWORD, TEST_REDIS_URL, testEnv } from './test-env';

export interface TestApp {
  app: NestFastifyApplication;
  db: TestDatabase;
  http: TestAgent;
  env: NodeJS.ProcessEnv;
  /** logs a demo user in and returns an access token */
  token(username: string): Promise<string>;
  close(): Promise<void>;
}

/** The real api (and, by default, the worker) on a fresh database and a per-file Redis key prefix. */
export async function createTestApp(
  opts: { withWorker?: boolean; env?: Record<string, string>; db?: TestDatabase } = {},
): Promise<TestApp> {
  const db = opts.db ?? (await createTestDatabase());
  const env = testEnv({
    DATABASE_URL: db.url,
    QUEUE_PREFIX: db.name,
    EVIDENCE_DIR: path.join(os.tmpdir(), 'ped-evidence', db.name),
    ...opts.env,
  });
  const app = await createHttpApp(loadConfig(env), { withWorker: opts.withWorker ?? true });
  await app.getHttpAdapter().getInstance().ready();
  // the suite reads English messages (the API's Chinese default is tested where it says so: a request may override)
  const http = request.agent(app.getHttpServer()).set('accept-language', 'en');
  const tokens = new Map<string, string>();
  return {
    app,
    db,
    http,
    env,
    async token(username: string) {
      const cached = tokens.get(username);
      if (cached) return cached;
      const res = await http.post('/api/v1/auth/login').send({ username, password: DEMO_PASSWORD });
      if (res.status !== 200) throw new Error(`login ${username}: ${res.status} ${JSON.stringify(res.body)}`);
      const token = (res.body as { accessToken: string }).accessToken;
      tokens.set(username, token);
      return token;
    },
    async close() {
      await app.close();
      if (!opts.db) await db.drop();
      await rm(env.EVIDENCE_DIR as string, { recursive: true, force: true });
      await clearQueueKeys(db.name);
    },
  };
}

export async function clearQueueKeys(prefix: string): Promise<void> {
  const redis = new IORedis(TEST_REDIS_URL, { lazyConnect: true, maxRetriesPerRequest: 1 });
  try {
    await redis.connect();
    const keys = await redis.keys(`${prefix}:*`);
    if (keys.length) await redis.del(...keys);
  } catch {
    // Redis not reachable: nothing to clean
  } finally {
    redis.disconnect();
  }
}

/** Polls until `check` returns a value that is not undefined/false, or fails after `ms`. */
export async function eventually<T>(check: () => Promise<T | undefined | false>, ms = 10_000, what = 'condition'): Promise<T> {
  const until = Date.now() + ms;
  let last: unknown;
  while (Date.now() < until) {
    try {
      const v = await check();
      if (v !== undefined && v !== false) return v;
    } catch (err) {
      last = err;
    }
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`timed out waiting for ${what}${last instanceof Error ? `: ${last.message}` : ''}`);
}

export const auth = (token: string) => ({ authorization: `Bearer ${token}` });
