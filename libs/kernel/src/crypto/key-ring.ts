import { randomBytes } from 'node:crypto';
import { CryptoError } from './crypto-error';

/** AES-256 and our HMAC keys are 32 bytes. */
export const KEY_BYTES = 32;
export const KEY_ID_PATTERN = /^[a-z0-9]{1,16}$/;

export interface KeyRing {
  readonly activeKeyId: string;
  readonly keys: ReadonlyMap<string, Buffer>;
}

/**
 * Parses `k2:BASE64,k1:BASE64` (first entry = active key; older entries stay so existing tokens still decrypt).
 * Keys may be standard base64 (`openssl rand -base64 32`) or base64url. `label` names the setting in error messages;
 * messages name the entry and key id but never echo key material (a malformed entry may itself be a key).
 */
export function parseKeyRing(env: string | undefined, label = 'key ring'): KeyRing {
  const fail = (why: string): never => {
    throw new CryptoError('KEY_RING_INVALID', `${label}: ${why}`);
  };
  if (env === undefined) return fail('not set');
  if (env.trim() === '') return fail('is empty');

  const keys = new Map<string, Buffer>();
  env.split(',').forEach((raw, i) => {
    const entry = raw.trim();
    const where = `entry ${i + 1}`;
    if (entry === '') fail(`${where} is empty (stray comma?)`);
    const colon = entry.indexOf(':');
    if (colon < 0) fail(`${where} is not in the form <keyId>:<base64 key>`);
    const id = entry.slice(0, colon);
    // The id is not echoed when invalid: a mis-typed entry could put key material there.
    if (!KEY_ID_PATTERN.test(id)) fail(`${where} has an invalid key id (expected 1-16 characters of a-z, 0-9)`);
    if (keys.has(id)) fail(`key id "${id}" appears more than once`);
    const key = decodeBase64Strict(entry.slice(colon + 1));
    if (key === undefined) fail(`key "${id}" is not valid base64`);
    else if (key.length !== KEY_BYTES) fail(`key "${id}" must decode to ${KEY_BYTES} bytes, got ${key.length}`);
    else keys.set(id, key);
  });
  const activeKeyId = keys.keys().next().value as string;
  return { activeKeyId, keys };
}

/** A fresh single-key ring value, e.g. for the embedded install to write on first start. */
export function generateKeyRingValue(keyId = 'k1'): string {
  if (!KEY_ID_PATTERN.test(keyId)) {
    throw new CryptoError('KEY_RING_INVALID', 'invalid key id (expected 1-16 characters of a-z, 0-9)');
  }
  return `${keyId}:${randomBytes(KEY_BYTES).toString('base64')}`;
}

// Buffer.from(…, 'base64') silently skips junk characters; insist on a canonical encoding so a typo cannot yield a different key.
function decodeBase64Strict(text: string): Buffer | undefined {
  for (const encoding of ['base64', 'base64url'] as const) {
    const buf = Buffer.from(text, encoding);
    if (buf.length > 0 && buf.toString(encoding) === text) return buf;
  }
  return undefined;
}
