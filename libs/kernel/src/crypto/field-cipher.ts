import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { CryptoError } from './crypto-error';
import { KEY_BYTES, KEY_ID_PATTERN, KeyRing } from './key-ring';

const VERSION = 'v1';
const ALGORITHM = 'aes-256-gcm';
// 96-bit random IVs are GCM's native size; stay well under ~2^32 encryptions per key (rotate long before).
const IV_BYTES = 12;
const TAG_BYTES = 16;
const BASE64URL = /^[A-Za-z0-9_-]+$/;

interface ParsedToken {
  keyId: string;
  iv: Buffer;
  ciphertext: Buffer;
  tag: Buffer;
}

/**
 * Encrypts single column values (ID numbers, phone numbers) as `v1.<keyId>.<base64url(iv | ciphertext | tag)>`.
 * Encrypts with the active key and decrypts with any key of the ring, so keys rotate without a flag day:
 * add the new key first in the ring, then re-encrypt rows for which `needsReencryption` is true.
 */
export class FieldCipher {
  private readonly activeKeyId: string;
  private readonly keys: ReadonlyMap<string, Buffer>;

  constructor(ring: KeyRing) {
    // Re-checked here because a ring may be built in code, not only by parseKeyRing; copied so later edits to it cannot leak in.
    const keys = new Map<string, Buffer>();
    for (const [id, key] of ring.keys) {
      if (!KEY_ID_PATTERN.test(id)) throw new CryptoError('KEY_RING_INVALID', 'key ring has an invalid key id');
      if (key.length !== KEY_BYTES) throw new CryptoError('KEY_RING_INVALID', `key "${id}" must be ${KEY_BYTES} bytes, got ${key.length}`);
      keys.set(id, Buffer.from(key));
    }
    if (!keys.has(ring.activeKeyId)) throw new CryptoError('KEY_RING_INVALID', 'the active key id is not in the key ring');
    this.activeKeyId = ring.activeKeyId;
    this.keys = keys;
  }

  /** `aad` binds the token to its context (e.g. `"callers.phone"`) so it cannot be copied into another column and still decrypt. */
  encrypt(plaintext: string, aad?: string): string {
    if (typeof plaintext !== 'string') throw new TypeError('FieldCipher.encrypt expects a string');
    const keyId = this.activeKeyId;
    const iv = randomBytes(IV_BYTES);
    const cipher = createCipheriv(ALGORITHM, this.keyFor(keyId), iv, { authTagLength: TAG_BYTES });
    cipher.setAAD(associatedData(keyId, aad));
    const ciphertext = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
    const payload = Buffer.concat([iv, ciphertext, cipher.getAuthTag()]).toString('base64url');
    return `${VERSION}.${keyId}.${payload}`;
  }

  /** Throws CryptoError for a malformed token, an unknown key id, or a failed authentication (tampering, wrong key or AAD). */
  decrypt(token: string, aad?: string): string {
    const { keyId, iv, ciphertext, tag } = parseToken(token);
    const decipher = createDecipheriv(ALGORITHM, this.keyFor(keyId), iv, { authTagLength: TAG_BYTES });
    decipher.setAAD(associatedData(keyId, aad));
    decipher.setAuthTag(tag);
    try {
      return Buffer.concat([decipher.update(ciphertext), decipher.final()]).toString('utf8');
    } catch {
      // Node's own message is generic, but ours states the likely causes and keeps the token out of logs.
      throw new CryptoError(
        'DECRYPT_FAILED',
        `field token (key "${keyId}") failed authentication: tampered, wrong key or wrong associated data`,
      );
    }
  }

  /** True when the token was written with an older key and should be rewritten with the active one. */
  needsReencryption(token: string): boolean {
    return parseToken(token).keyId !== this.activeKeyId;
  }

  private keyFor(keyId: string): Buffer {
    const key = this.keys.get(keyId);
    if (key === undefined) throw new CryptoError('UNKNOWN_KEY_ID', `field token uses key id "${keyId}", which is not in the key ring`);
    return key;
  }
}

// The token header is authenticated too, so a future version cannot be downgraded by editing the prefix.
// Unambiguous because key ids contain no '.'.
function associatedData(keyId: string, aad: string | undefined): Buffer {
  return Buffer.from(`${VERSION}.${keyId}.${aad ?? ''}`, 'utf8');
}

function parseToken(token: string): ParsedToken {
  const malformed = (why: string): never => {
    throw new CryptoError('TOKEN_MALFORMED', `malformed field token: ${why}`);
  };
  if (typeof token !== 'string') return malformed('not a string');
  const parts = token.split('.');
  if (parts.length !== 3) return malformed('expected v1.<keyId>.<payload>');
  const [version, keyId, payload] = parts;
  if (version !== VERSION) return malformed('unsupported version');
  if (!KEY_ID_PATTERN.test(keyId)) return malformed('invalid key id');
  if (!BASE64URL.test(payload)) return malformed('payload is not base64url');
  const bytes = Buffer.from(payload, 'base64url');
  if (bytes.toString('base64url') !== payload) return malformed('payload is not canonical base64url');
  if (bytes.length < IV_BYTES + TAG_BYTES) return malformed('payload too short');
  return {
    keyId,
    iv: bytes.subarray(0, IV_BYTES),
    ciphertext: bytes.subarray(IV_BYTES, bytes.length - TAG_BYTES),
    tag: bytes.subarray(bytes.length - TAG_BYTES),
  };
}
