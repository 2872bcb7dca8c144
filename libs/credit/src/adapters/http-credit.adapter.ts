import type { CreditRecord } from '../domain/credit-record';
import { CreditPlatformAdapter, RemoveOutcome, SubmitOutcome } from './credit-platform.adapter';

/** Status codes that are the platform's "not now" rather than "no": retried like a 5xx. */
const TRANSIENT_4XX = new Set([408, 409, 425, 429]);

/**
 * HTTP push (docs/api.md "Credit publication"): `POST {url}/records` with `Idempotency-Key`, `DELETE
 * {url}/records/:receiptId`. 2xx accepted; 4xx rejected with the platform's reason; 5xx, timeouts and network
 * errors are retried by the job. Errors never carry the record (personal data stays out of logs).
 */
export class HttpCreditAdapter implements CreditPlatformAdapter {
  readonly name = 'http' as const;

  constructor(
    private readonly baseUrl: string | null,
    private readonly timeoutMs: number,
  ) {}

  async submit(idempotencyKey: string, record: CreditRecord): Promise<SubmitOutcome> {
    if (!this.baseUrl) return { kind: 'retry', error: 'CREDIT_PLATFORM_URL is not set' };
    const res = await this.call(`${this.baseUrl}/records`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'idempotency-key': idempotencyKey },
      body: JSON.stringify(record),
    });
    if ('error' in res) return { kind: 'retry', error: res.error };
    if (res.status >= 200 && res.status < 300) {
      const receiptId = (res.body as { receiptId?: unknown } | null)?.receiptId;
      if (typeof receiptId === 'string' && receiptId.length > 0 && receiptId.length <= 200) return { kind: 'accepted', receiptId };
      return { kind: 'retry', error: `platform answered ${res.status} without a receipt id` };
    }
    if (res.status >= 400 && res.status < 500 && !TRANSIENT_4XX.has(res.status)) {
      return { kind: 'rejected', reason: `${res.status}: ${reasonOf(res.body, res.text)}` };
    }
    return { kind: 'retry', error: `platform answered ${res.status}: ${reasonOf(res.body, res.text)}` };
  }

  async remove(receiptId: string): Promise<RemoveOutcome> {
    if (!this.baseUrl) return { kind: 'retry', error: 'CREDIT_PLATFORM_URL is not set' };
    const res = await this.call(`${this.baseUrl}/records/${encodeURIComponent(receiptId)}`, { method: 'DELETE' });
    if ('error' in res) return { kind: 'retry', error: res.error };
    // 404: already gone (a repeated delete after a lost answer) — the goal is reached
    if ((res.status >= 200 && res.status < 300) || res.status === 404 || res.status === 410) return { kind: 'removed' };
    if (res.status >= 400 && res.status < 500 && !TRANSIENT_4XX.has(res.status))
      return { kind: 'rejected', reason: `${res.status}: ${reasonOf(res.body, res.text)}` };
    return { kind: 'retry', error: `platform answered ${res.status}: ${reasonOf(res.body, res.text)}` };
  }

  private async call(url: string, init: RequestInit): Promise<{ status: number; body: unknown; text: string } | { error: string }> {
    try {
      const res = await fetch(url, { ...init, signal: AbortSignal.timeout(this.timeoutMs) });
      const text = (await res.text()).slice(0, 2000);
      let body: unknown = null;
      try {
        body = text ? JSON.parse(text) : null;
      } catch {
        body = null;
      }
      return { status: res.status, body, text };
    } catch (err) {
      const e = err as Error & { cause?: { code?: string } };
      if (e.name === 'TimeoutError') return { error: `platform did not answer within ${this.timeoutMs} ms` };
      return { error: `platform unreachable: ${e.cause?.code ?? e.message}` };
    }
  }
}

function reasonOf(body: unknown, text: string): string {
  if (body && typeof body === 'object') {
    const b = body as Record<string, unknown>;
    for (const k of ['reason', 'message', 'error']) if (typeof b[k] === 'string') return b[k].slice(0, 500);
  }
  return text.slice(0, 200) || 'no reason given';
}
