import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, AppConfig } from '@app/kernel';
import { Readable } from 'node:stream';
import type { ReadableStream as WebReadableStream } from 'node:stream/web';
import { ExchangeIdentity } from './exchange-identity';
import { signRequest } from './message-signature';

export type ExchangeCallResult =
  | { kind: 'ok'; status: number; body: unknown }
  | { kind: 'refused'; status: number; body: unknown }
  | { kind: 'retry'; error: string };

/** Joins a partner's base URL and an exchange path (no double slashes; the path is ours, never the partner's). */
export function exchangeUrl(endpoint: string, path: string): string {
  return `${endpoint.replace(/\/+$/, '')}/${path.replace(/^\/+/, '')}`;
}

/**
 * Signed requests to partner offices. 2xx → ok; 4xx → refused (the partner said no: retrying the same request will not
 * help, except 401/408/429 which may be a clock or key change in progress: retried); 5xx, timeouts, network errors →
 * retry. Every attempt is signed afresh (new created, new nonce).
 */
@Injectable()
export class ExchangeClient {
  constructor(
    private readonly identity: ExchangeIdentity,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async post(endpoint: string, path: string, payload: unknown): Promise<ExchangeCallResult> {
    const signer = this.identity.signer;
    if (!signer) return { kind: 'retry', error: 'EXCHANGE_PRIVATE_KEY is not set: nothing can be signed' };
    const url = exchangeUrl(endpoint, path);
    const body = Buffer.from(JSON.stringify(payload));
    const headers = await signRequest(signer, { method: 'POST', url, body, senderCode: this.identity.selfCode });
    try {
      const res = await fetch(url, {
        method: 'POST',
        headers: { ...headers, 'content-type': 'application/json' },
        body,
        signal: AbortSignal.timeout(this.config.exchange.httpTimeoutMs),
      });
      const text = await res.text();
      let parsed: unknown = text;
      try {
        parsed = text ? JSON.parse(text) : null;
      } catch {
        // keep the text
      }
      if (res.ok) return { kind: 'ok', status: res.status, body: parsed };
      if (res.status >= 500 || [401, 408, 429].includes(res.status))
        return { kind: 'retry', error: `partner answered ${res.status}: ${text.slice(0, 300)}` };
      return { kind: 'refused', status: res.status, body: parsed };
    } catch (err) {
      return { kind: 'retry', error: `partner unreachable: ${(err as Error).message}` };
    }
  }

  /** A signed GET of a file; the caller hashes what arrives. */
  async fetchFile(
    endpoint: string,
    path: string,
  ): Promise<{ kind: 'ok'; stream: Readable } | { kind: 'retry' | 'refused'; error: string }> {
    const signer = this.identity.signer;
    if (!signer) return { kind: 'retry', error: 'EXCHANGE_PRIVATE_KEY is not set: nothing can be signed' };
    const url = exchangeUrl(endpoint, path);
    const headers = await signRequest(signer, { method: 'GET', url, body: '', senderCode: this.identity.selfCode });
    try {
      const res = await fetch(url, { headers, signal: AbortSignal.timeout(this.config.exchange.httpTimeoutMs * 6) });
      if (!res.ok || !res.body) {
        const text = await res.text().catch(() => '');
        const error = `partner answered ${res.status}: ${text.slice(0, 300)}`;
        return res.status >= 500 || res.status === 401 ? { kind: 'retry', error } : { kind: 'refused', error };
      }
      return { kind: 'ok', stream: Readable.fromWeb(res.body as WebReadableStream<Uint8Array>) };
    } catch (err) {
      return { kind: 'retry', error: `partner unreachable: ${(err as Error).message}` };
    }
  }
}
