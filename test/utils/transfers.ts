import { generateExchangeKeyPair } from '@app/transfers';
import type { SignatureAlgorithm } from '@app/transfers';
import { spawn } from 'node:child_process';
import { rm } from 'node:fs/promises';
import { freePort } from './throwaway-servers';
import os from 'node:os';
import path from 'node:path';
import request from 'supertest';
import TestAgent from 'supertest/lib/agent';
import { createTestDatabase, TestDatabase } from './test-db';
import { auth, clearQueueKeys, eventually } from './test-app';
import { orgRespondent } from '../factories/cases';
import { DEMO_PASSWORD, testEnv } from './test-env';

export interface Office {
  code: string;
  keyId: string;
  keys: { privateKey: string; publicKey: string };
  db: TestDatabase;
  port: number;
  t: OfficeApp;
  env: Record<string, string>;
}

/** An instance of the system run as its own process (api + worker), driven over HTTP like a partner office would be. */
export interface OfficeApp {
  http: TestAgent;
  env: NodeJS.ProcessEnv;
  token(username: string): Promise<string>;
  /** stops the process (the database stays) */
  stop(): Promise<void>;
  /** stops the process and drops its database, files and queue keys */
  close(): Promise<void>;
}

const ROOT = path.resolve(__dirname, '../..');

/**
 * One instance of the system as an exchange office: the built api with its worker (`dist/`, built by the e2e global
 * setup) in a child process on a loopback port. Separate processes, because passport keeps its strategies in one
 * registry per process: two Nest apps in one process would authenticate each other's users.
 */
export async function startOffice(o: Omit<Office, 't' | 'port'> & { port?: number }, alg: SignatureAlgorithm): Promise<Office> {
  const port = o.port ?? (await freePort());
  const env = {
    ...(testEnv({
      DATABASE_URL: o.db.url,
      QUEUE_PREFIX: o.db.name,
      EVIDENCE_DIR: path.join(os.tmpdir(), 'ped-evidence', o.db.name),
      RUN_WORKER: 'true',
      PORT: String(port),
      HOST: '127.0.0.1',
      EXCHANGE_SELF_CODE: o.code,
      EXCHANGE_PRIVATE_KEY: o.keys.privateKey,
      EXCHANGE_ALGORITHM: alg,
      EXCHANGE_KEY_ID: o.keyId,
      EXCHANGE_HTTP_TIMEOUT_MS: '3000',
      ...o.env,
    }) as Record<string, string>),
  };
  const child = spawn(process.execPath, ['dist/apps/api/src/main.js'], {
    cwd: ROOT,
    env: { PATH: process.env.PATH, ...env },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr.on('data', (d: Buffer) => (stderr = (stderr + d.toString()).slice(-4000)));
  const exited = new Promise<void>((r) => child.once('exit', () => r()));
  const base = `http://127.0.0.1:${port}`;
  await eventually(
    async () => {
      if (child.exitCode !== null) throw new Error(`office ${o.code} exited: ${stderr}`);
      const res = await fetch(`${base}/health/ready`).catch(() => null);
      return res?.ok;
    },
    30_000,
    `office ${o.code} ready`,
  );
  const http = request(base);
  const tokens = new Map<string, string>();
  const stop = async () => {
    if (child.exitCode === null) {
      child.kill('SIGTERM');
      await Promise.race([exited, new Promise((r) => setTimeout(r, 10_000))]);
      if (child.exitCode === null) child.kill('SIGKILL');
    }
  };
  const t: OfficeApp = {
    http,
    env,
    async token(username) {
      const cached = tokens.get(username);
      if (cached) return cached;
      const res = await http.post('/api/v1/auth/login').send({ username, password: DEMO_PASSWORD });
      if (res.status !== 200) throw new Error(`login ${username}: ${res.status} ${JSON.stringify(res.body)}`);
      tokens.set(username, (res.body as { accessToken: string }).accessToken);
      return tokens.get(username)!;
    },
    stop,
    async close() {
      await stop();
      await o.db.drop();
      await rm(env.EVIDENCE_DIR, { recursive: true, force: true });
      await clearQueueKeys(o.db.name);
    },
  };
  return { ...o, env: o.env, t, port };
}

export async function newOffice(code: string, keyId: string, alg: SignatureAlgorithm, env: Record<string, string> = {}): Promise<Office> {
  return startOffice({ code, keyId, keys: generateExchangeKeyPair(alg), db: await createTestDatabase(), env }, alg);
}

/** Makes `partner` a configured, active partner of `office`. */
export async function configurePartner(office: Office, partner: Office, alg: SignatureAlgorithm, name: string): Promise<void> {
  const admin = await office.t.token('admin');
  const res = await office.t.http
    .put(`/api/v1/partners/${partner.code}`)
    .set(auth(admin))
    .send({
      name,
      endpoint: `http://127.0.0.1:${partner.port}/api/v1`,
      keys: [{ keyId: partner.keyId, algorithm: alg, publicKey: partner.keys.publicKey }],
      active: true,
      replyDueWorkingDays: 10,
    });
  if (res.status !== 200) throw new Error(`partner ${partner.code}: ${res.status} ${JSON.stringify(res.body)}`);
}

export interface CaseRef {
  id: string;
  version: number;
  status: string;
  receiptNo: string;
  caseNo: string | null;
}

/** A passing-off case of 滨海新区 under investigation, with the given evidence files. */
export async function caseUnderInvestigation(
  t: Pick<OfficeApp, 'http' | 'token'>,
  files: { name: string; content: Buffer }[],
  serial = 1,
): Promise<CaseRef> {
  const officer = await t.token('off.binhai1');
  const supervisor = await t.token('sup.binhai');
  const users = await t.http.get('/api/v1/users?orgUnitCode=120116&role=officer').set(auth(supervisor)).expect(200);
  const officerIds = (users.body.items as { id: string }[]).map((u) => u.id).slice(0, 2);
  let c = (
    await t.http
      .post('/api/v1/cases')
      .set(auth(officer))
      .send({
        type: 'passing_off',
        source: 'inspection',
        orgUnitCode: '120116',
        receivedOn: '2026-11-02',
        summary: `假冒专利检查 ${serial}`,
        requesters: [],
        respondents: [orgRespondent(serial)],
        patents: [],
      })
      .expect(201)
  ).body as CaseRef;
  for (const [action, body] of [
    ['file', {}],
    ['assign', { officerIds }],
  ] as const) {
    const res = await t.http
      .post(`/api/v1/cases/${c.id}/actions/${action}`)
      .set(auth(officer))
      .send({ expectedVersion: c.version, ...body });
    if (res.status !== 200) throw new Error(`${action}: ${res.status} ${JSON.stringify(res.body)}`);
    c = res.body as CaseRef;
  }
  for (const f of files)
    await t.http
      .post(`/api/v1/cases/${c.id}/evidence`)
      .set(auth(officer))
      .field('description', `证据 ${f.name}`)
      .attach('file', f.content, f.name)
      .expect(201);
  return c;
}
