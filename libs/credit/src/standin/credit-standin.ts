import { randomUUID } from 'node:crypto';
import http from 'node:http';
import { readFile, rename, writeFile } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';

export interface StandinRecord {
  receiptId: string;
  idempotencyKey: string;
  record: Record<string, unknown>;
  createdAt: string;
  deletedAt: string | null;
}

/** A rule that makes the stand-in refuse a record with a 4xx and a reason (as the real platform's checks would). */
export type RejectRule = (record: Record<string, unknown>) => string | null;

/**
 * A development stand-in for the credit-information platform (docs/api.md "Credit publication"): `POST /records`
 * keyed by `Idempotency-Key` (the same key again answers the first receipt; nothing new is created), `DELETE
 * /records/:receiptId`, and `GET /records` to look. Failure modes for tests and demos: the next N requests answer
 * 5xx, a rule rejects with 4xx and a reason, or it is "down" (connections cut). Records live in memory.
 */
export class CreditStandin {
  readonly records = new Map<string, StandinRecord>();
  private readonly byKey = new Map<string, string>();
  /** records created by a POST (a replayed key does not count): must equal the distinct records */
  created = 0;
  posts = 0;
  deletes = 0;
  private failNextCount = 0;
  private failStatus = 503;
  private rejectRule: RejectRule | null = null;
  private down = false;
  private delayMs = 0;
  private server: http.Server | null = null;
  private readonly sockets = new Set<import('node:net').Socket>();
  url = '';

  /** `persistTo`: a JSON file the records are kept in across restarts (the demo install's data folder); none in tests. */
  constructor(private readonly persistTo: string | null = null) {}

  private async load(): Promise<void> {
    if (!this.persistTo) return;
    const text = await readFile(this.persistTo, 'utf8').catch(() => null);
    if (!text) return;
    for (const r of (JSON.parse(text) as { records: StandinRecord[] }).records) {
      this.records.set(r.receiptId, r);
      this.byKey.set(r.idempotencyKey, r.receiptId);
    }
  }

  private saving: Promise<void> = Promise.resolve();

  /**
   * Written whole to a temporary file, then renamed over the old one (a crash leaves the old file or the new one);
   * saves run one after another, so concurrent requests never race on the file.
   */
  private save(): Promise<void> {
    const file = this.persistTo;
    if (!file) return Promise.resolve();
    this.saving = this.saving
      .catch(() => undefined)
      .then(async () => {
        await writeFile(`${file}.tmp`, JSON.stringify({ records: [...this.records.values()] }));
        await rename(`${file}.tmp`, file);
      });
    return this.saving;
  }

  async start(port = 0, host = '127.0.0.1'): Promise<string> {
    await this.load();
    const server = http.createServer((req, res) => void this.handle(req, res));
    server.keepAliveTimeout = 5_000;
    server.on('connection', (s) => {
      this.sockets.add(s);
      s.once('close', () => this.sockets.delete(s));
    });
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(port, host, () => resolve());
    });
    this.server = server;
    const addr = server.address() as AddressInfo;
    this.url = `http://${host}:${addr.port}`;
    return this.url;
  }

  async stop(): Promise<void> {
    const server = this.server;
    this.server = null;
    if (!server) return;
    for (const s of this.sockets) s.destroy();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }

  /** The next `n` requests answer `status` (default 503). */
  failNext(n: number, status = 503): void {
    this.failNextCount = n;
    this.failStatus = status;
  }

  rejectWhen(rule: RejectRule | null): void {
    this.rejectRule = rule;
  }

  /** Down: every connection is cut at once (what an unreachable platform looks like to the client). */
  setDown(down: boolean): void {
    this.down = down;
    if (down) for (const s of this.sockets) s.destroy();
  }

  /** Answers every request this much later, after doing its work (timeouts; a platform that is not instant). */
  setDelay(ms: number): void {
    this.delayMs = ms;
  }

  /** Records currently shown (created and not deleted). */
  live(): StandinRecord[] {
    return [...this.records.values()].filter((r) => !r.deletedAt);
  }

  private async handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    if (this.down) {
      req.socket.destroy();
      return;
    }
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    // the delay comes after the work: a slow answer to a stored record (what a client timeout leaves unknown)
    const delay = this.delayMs;
    const send = (status: number, body?: unknown) => {
      if (delay) {
        setTimeout(() => reply(status, body), delay);
        return;
      }
      reply(status, body);
    };
    const reply = (status: number, body?: unknown) => {
      if (res.destroyed) return;
      res.writeHead(status, body === undefined ? {} : { 'content-type': 'application/json' });
      res.end(body === undefined ? undefined : JSON.stringify(body));
    };
    const url = new URL(req.url ?? '/', 'http://standin');
    if (req.method === 'GET' && url.pathname === '/records')
      return send(200, { created: this.created, records: [...this.records.values()] });
    if (this.failNextCount > 0 && req.method !== 'GET') {
      this.failNextCount--;
      return send(this.failStatus, { reason: 'stand-in: simulated platform failure' });
    }
    if (req.method === 'POST' && url.pathname === '/records') {
      this.posts++;
      const key = req.headers['idempotency-key'];
      if (typeof key !== 'string' || !key) return send(400, { reason: 'Idempotency-Key header is required' });
      let record: Record<string, unknown>;
      try {
        record = JSON.parse(Buffer.concat(chunks).toString('utf8')) as Record<string, unknown>;
      } catch {
        return send(400, { reason: 'body is not JSON' });
      }
      const known = this.byKey.get(key);
      if (known) return send(200, { receiptId: known, duplicate: true });
      if (!record || typeof record !== 'object' || !record.partyName || !record.documentNo)
        return send(422, { reason: '行政相对人名称 and 行政处罚决定书文号 are required' });
      const refused = this.rejectRule?.(record);
      if (refused) return send(422, { reason: refused });
      const receiptId = `CR-${randomUUID()}`;
      this.byKey.set(key, receiptId);
      this.records.set(receiptId, { receiptId, idempotencyKey: key, record, createdAt: new Date().toISOString(), deletedAt: null });
      this.created++;
      await this.save();
      return send(201, { receiptId });
    }
    const m = /^\/records\/([^/]+)$/.exec(url.pathname);
    if (req.method === 'DELETE' && m) {
      this.deletes++;
      const r = this.records.get(decodeURIComponent(m[1]));
      if (!r || r.deletedAt) return send(404, { reason: 'no such record' });
      r.deletedAt = new Date().toISOString();
      await this.save();
      return send(204);
    }
    if (req.method === 'GET' && m) {
      const r = this.records.get(decodeURIComponent(m[1]));
      return r ? send(200, r) : send(404, { reason: 'no such record' });
    }
    return send(404, { reason: 'not found' });
  }
}

export async function startCreditStandin(port = 0, host = '127.0.0.1', persistTo: string | null = null): Promise<CreditStandin> {
  const s = new CreditStandin(persistTo);
  await s.start(port, host);
  return s;
}
