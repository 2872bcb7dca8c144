import { createHash, randomUUID } from 'node:crypto';
import { httpbis } from 'http-message-signatures';
import { parseDictionary } from 'structured-headers';
import type { RawSigner, RawVerifier } from './exchange-crypto';

/**
 * RFC 9421 HTTP Message Signatures over the exchange's requests, with the `http-message-signatures` library doing the
 * canonicalisation (signature base, Signature-Input, Signature). Covered: `@method`, `@target-uri`, `content-digest`
 * (RFC 9530, sha-256 of the body; of the empty body for a GET) and `x-exchange-partner` (the sender's code), with the
 * parameters `created`, `nonce` and `keyid` (and `alg`). Verification here is the cryptographic part; the caller
 * checks the partner, the nonce's novelty and the digest against the body it read.
 */
export const COVERED_FIELDS = ['@method', '@target-uri', 'content-digest', 'x-exchange-partner'] as const;
export const REQUIRED_PARAMS = ['created', 'nonce', 'keyid'] as const;
/** `created` may be this far from the receiver's clock either way. */
export const MAX_SKEW_SECONDS = 300;
export const SIGNATURE_LABEL = 'exchange';

export function contentDigest(body: Buffer | string): string {
  return `sha-256=:${createHash('sha256').update(body).digest('base64')}:`;
}

/** True when the Content-Digest header carries a sha-256 member equal to the body's. */
export function digestMatches(header: string | undefined, body: Buffer): boolean {
  if (!header) return false;
  try {
    const dict = parseDictionary(header);
    const member = dict.get('sha-256');
    if (!member || !(member[0] instanceof ArrayBuffer)) return false;
    const got = Buffer.from(member[0]);
    const want = createHash('sha256').update(body).digest();
    return got.length === want.length && got.equals(want);
  } catch {
    return false;
  }
}

export interface SignedHeaders {
  'content-digest': string;
  'x-exchange-partner': string;
  'signature-input': string;
  signature: string;
  [name: string]: string;
}

/** Signs a request; returns the headers to send (content-digest, x-exchange-partner, signature-input, signature). */
export async function signRequest(
  signer: RawSigner,
  req: { method: string; url: string; body: Buffer | string; senderCode: string; created?: Date; nonce?: string },
): Promise<SignedHeaders> {
  const headers: Record<string, string> = {
    'content-digest': contentDigest(req.body),
    'x-exchange-partner': req.senderCode,
  };
  const signed = await httpbis.signMessage(
    {
      key: { id: signer.keyId, alg: signer.algorithm, sign: (data: Buffer) => Promise.resolve(signer.sign(data)) },
      name: SIGNATURE_LABEL,
      fields: [...COVERED_FIELDS],
      params: ['created', 'nonce', 'keyid', 'alg'],
      paramValues: { created: req.created ?? new Date(), nonce: req.nonce ?? randomUUID() },
    },
    { method: req.method, url: req.url, headers },
  );
  // the library names them Signature / Signature-Input; HTTP header names are case-insensitive, Node's are lower case
  return Object.fromEntries(Object.entries(signed.headers).map(([k, v]) => [k.toLowerCase(), String(v)])) as SignedHeaders;
}

export type VerifyOutcome =
  | { ok: true; keyId: string; nonce: string; created: Date }
  | { ok: false; reason: 'missing' | 'malformed' | 'unknown_key' | 'bad_signature' | 'stale' | 'fields' };

/** The keyid, nonce and created of the (first) signature, read before the keys are looked up. */
export function signatureParams(
  headers: Record<string, string | string[] | undefined>,
): { keyId: string; nonce: string; created: number } | null {
  const input = headers['signature-input'];
  if (typeof input !== 'string') return null;
  try {
    const dict = parseDictionary(input) as unknown as Map<string, [unknown, Map<string, unknown>]>;
    const first = [...dict.values()][0];
    if (!first || !Array.isArray(first[0])) return null;
    const p = first[1];
    const keyId = p.get('keyid');
    const nonce = p.get('nonce');
    const created = p.get('created');
    if (typeof keyId !== 'string' || typeof nonce !== 'string' || typeof created !== 'number') return null;
    return { keyId, nonce, created };
  } catch {
    return null;
  }
}

/**
 * Verifies the signature of a received request with the partner's keys (key rotation: any active key, matched by
 * keyid). `created` must be within MAX_SKEW_SECONDS of `now`; every covered field and parameter must be present.
 */
export async function verifyRequest(
  req: { method: string; url: string; headers: Record<string, string | string[] | undefined> },
  keys: readonly RawVerifier[],
  now: Date = new Date(),
): Promise<VerifyOutcome> {
  const params = signatureParams(req.headers);
  if (!req.headers.signature || !req.headers['signature-input']) return { ok: false, reason: 'missing' };
  if (!params) return { ok: false, reason: 'malformed' };
  const key = keys.find((k) => k.keyId === params.keyId);
  if (!key) return { ok: false, reason: 'unknown_key' };
  const nowS = Math.floor(now.getTime() / 1000);
  if (Math.abs(nowS - params.created) > MAX_SKEW_SECONDS) return { ok: false, reason: 'stale' };
  const headers: Record<string, string> = {};
  for (const [k, v] of Object.entries(req.headers)) if (typeof v === 'string') headers[k] = v;
  try {
    const verified = await httpbis.verifyMessage(
      {
        keyLookup: (p) =>
          Promise.resolve(
            p.keyid === key.keyId
              ? { id: key.keyId, algs: [key.algorithm], verify: (data: Buffer, sig: Buffer) => Promise.resolve(key.verify(data, sig)) }
              : null,
          ),
        requiredFields: [...COVERED_FIELDS],
        requiredParams: [...REQUIRED_PARAMS],
        notAfter: nowS + MAX_SKEW_SECONDS,
        maxAge: MAX_SKEW_SECONDS,
      },
      { method: req.method, url: req.url, headers },
    );
    if (verified !== true) return { ok: false, reason: 'bad_signature' };
  } catch (err) {
    const name = (err as Error).name;
    if (name === 'ExpiredError') return { ok: false, reason: 'stale' };
    if (name === 'UnacceptableSignatureError') return { ok: false, reason: 'fields' };
    return { ok: false, reason: 'bad_signature' };
  }
  return { ok: true, keyId: key.keyId, nonce: params.nonce, created: new Date(params.created * 1000) };
}
