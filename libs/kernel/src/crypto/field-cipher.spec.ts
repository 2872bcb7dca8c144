import { randomBytes } from 'node:crypto';
import { CryptoError } from './crypto-error';
import { FieldCipher } from './field-cipher';
import { KeyRing } from './key-ring';

const k1 = randomBytes(32);
const k2 = randomBytes(32);
const ring = (activeKeyId: string, entries: [string, Buffer][]): KeyRing => ({ activeKeyId, keys: new Map(entries) });
const cipher = new FieldCipher(ring('k1', [['k1', k1]]));

function cryptoError(fn: () => unknown): CryptoError {
  try {
    fn();
  } catch (e) {
    if (e instanceof CryptoError) return e;
    throw e;
  }
  throw new Error('expected a CryptoError');
}

// Flips one byte of the decoded payload at `index` (negative counts from the end) and re-encodes the token.
function tamper(token: string, index: number): string {
  const [version, keyId, payload] = token.split('.');
  const bytes = Buffer.from(payload, 'base64url');
  const at = index < 0 ? bytes.length + index : index;
  bytes[at] ^= 0x01;
  return `${version}.${keyId}.${bytes.toString('base64url')}`;
}

describe('FieldCipher round trip', () => {
  it.each([
    ['ASCII ID number', '11010519491231002X'],
    ['phone number', '13800138000'],
    ['Chinese text', '天津市滨海新区张三 专利侵权纠纷'],
    ['emoji and mixed scripts', '👍 ΑΒΓ ж 𠀀'],
    ['empty string', ''],
    ['a long value', 'x'.repeat(10_000)],
  ])('%s', (_label, plaintext) => {
    const token = cipher.encrypt(plaintext);
    expect(cipher.decrypt(token)).toBe(plaintext);
  });

  it('writes v1.<keyId>.<base64url> with a 12-byte IV and a 16-byte tag around the ciphertext', () => {
    const token = cipher.encrypt('天津');
    const [version, keyId, payload] = token.split('.');
    expect(version).toBe('v1');
    expect(keyId).toBe('k1');
    expect(payload).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(Buffer.from(payload, 'base64url')).toHaveLength(12 + Buffer.byteLength('天津') + 16);
    expect(Buffer.from(cipher.encrypt('').split('.')[2], 'base64url')).toHaveLength(28);
  });

  it('does not contain the plaintext', () => {
    const token = cipher.encrypt('11010519491231002X');
    expect(token).not.toContain('11010519491231002X');
    expect(Buffer.from(token.split('.')[2], 'base64url').toString('latin1')).not.toContain('11010519491231002X');
  });

  it('uses a random IV: the same plaintext encrypts differently each time', () => {
    const a = cipher.encrypt('13800138000');
    const b = cipher.encrypt('13800138000');
    expect(a).not.toBe(b);
    expect(Buffer.from(a.split('.')[2], 'base64url').subarray(0, 12)).not.toEqual(
      Buffer.from(b.split('.')[2], 'base64url').subarray(0, 12),
    );
    expect(cipher.decrypt(a)).toBe(cipher.decrypt(b));
  });
});

describe('FieldCipher tamper detection', () => {
  const plaintext = '11010519491231002X';
  const token = cipher.encrypt(plaintext);

  it.each([
    ['the first IV byte', 0],
    ['the last IV byte', 11],
    ['the first ciphertext byte', 12],
    ['the last ciphertext byte', -17],
    ['the first tag byte', -16],
    ['the last tag byte', -1],
  ])('rejects a flip of %s', (_label, index) => {
    const err = cryptoError(() => cipher.decrypt(tamper(token, index)));
    expect(err.code).toBe('DECRYPT_FAILED');
    expect(err.message).toMatch(/failed authentication/);
    expect(err.message).not.toContain(plaintext);
  });

  it('rejects a truncated tag and an appended byte', () => {
    const bytes = Buffer.from(token.split('.')[2], 'base64url');
    expect(cryptoError(() => cipher.decrypt(`v1.k1.${bytes.subarray(0, -1).toString('base64url')}`)).code).toBe('DECRYPT_FAILED');
    expect(cryptoError(() => cipher.decrypt(`v1.k1.${Buffer.concat([bytes, Buffer.of(0)]).toString('base64url')}`)).code).toBe(
      'DECRYPT_FAILED',
    );
  });

  it('rejects a token decrypted with a different key under the same id', () => {
    const other = new FieldCipher(ring('k1', [['k1', randomBytes(32)]]));
    expect(cryptoError(() => other.decrypt(token)).code).toBe('DECRYPT_FAILED');
  });
});

describe('FieldCipher associated data', () => {
  it('round-trips with the same AAD', () => {
    const token = cipher.encrypt('13800138000', 'hotline_callers.phone');
    expect(cipher.decrypt(token, 'hotline_callers.phone')).toBe('13800138000');
  });

  it.each([
    ['a different AAD', 'hotline_callers.id_number'],
    ['no AAD', undefined],
    ['a case-changed AAD', 'HOTLINE_CALLERS.PHONE'],
  ])('rejects %s', (_label, aad) => {
    const token = cipher.encrypt('13800138000', 'hotline_callers.phone');
    const err = cryptoError(() => cipher.decrypt(token, aad));
    expect(err.code).toBe('DECRYPT_FAILED');
    expect(err.message).not.toContain('13800138000');
  });

  it('rejects AAD on decrypt when none was used to encrypt', () => {
    const token = cipher.encrypt('13800138000');
    expect(cryptoError(() => cipher.decrypt(token, 'hotline_callers.phone')).code).toBe('DECRYPT_FAILED');
  });
});

describe('FieldCipher key rotation', () => {
  const oldCipher = new FieldCipher(ring('k1', [['k1', k1]]));
  const rotated = new FieldCipher(
    ring('k2', [
      ['k2', k2],
      ['k1', k1],
    ]),
  );

  it('decrypts tokens written with the old key and encrypts new ones with the active key', () => {
    const old = oldCipher.encrypt('张三 11010519491231002X', 'people.id_number');
    expect(rotated.decrypt(old, 'people.id_number')).toBe('张三 11010519491231002X');
    const fresh = rotated.encrypt('张三 11010519491231002X', 'people.id_number');
    expect(fresh.startsWith('v1.k2.')).toBe(true);
    expect(rotated.decrypt(fresh, 'people.id_number')).toBe('张三 11010519491231002X');
  });

  it('flags old-key tokens for re-encryption, and not active-key tokens', () => {
    const old = oldCipher.encrypt('x');
    expect(rotated.needsReencryption(old)).toBe(true);
    expect(oldCipher.needsReencryption(old)).toBe(false);
    const reencrypted = rotated.encrypt(rotated.decrypt(old));
    expect(rotated.needsReencryption(reencrypted)).toBe(false);
  });

  it('rejects a token whose key id was swapped to another key of the ring', () => {
    const old = oldCipher.encrypt('x');
    expect(cryptoError(() => rotated.decrypt(old.replace(/^v1\.k1\./, 'v1.k2.'))).code).toBe('DECRYPT_FAILED');
  });

  it('cannot decrypt new-key tokens once the old cipher lacks the new key', () => {
    const err = cryptoError(() => oldCipher.decrypt(rotated.encrypt('x')));
    expect(err.code).toBe('UNKNOWN_KEY_ID');
    expect(err.message).toContain('"k2"');
  });
});

describe('FieldCipher errors', () => {
  it('throws UNKNOWN_KEY_ID for a key id not in the ring, without echoing key material', () => {
    const token = cipher.encrypt('secret-value').replace(/^v1\.k1\./, 'v1.k9.');
    const err = cryptoError(() => cipher.decrypt(token));
    expect(err.code).toBe('UNKNOWN_KEY_ID');
    expect(err.message).toMatch(/"k9".*not in the key ring/);
    expect(err.message).not.toContain('secret-value');
    expect(err.message).not.toContain(k1.toString('base64'));
    expect(err.message).not.toContain(k1.toString('hex'));
  });

  const valid = cipher.encrypt('x');
  const payload = valid.split('.')[2];
  it.each([
    ['empty string', ''],
    ['no dots', 'garbage'],
    ['two parts', `v1.${payload}`],
    ['four parts', `v1.k1.${payload}.x`],
    ['wrong version', `v2.k1.${payload}`],
    ['missing version', `.k1.${payload}`],
    ['uppercase key id', `v1.K1.${payload}`],
    ['empty key id', `v1..${payload}`],
    ['17-character key id', `v1.${'a'.repeat(17)}.${payload}`],
    ['empty payload', 'v1.k1.'],
    ['standard base64 characters', `v1.k1.${payload.slice(0, -2)}+/`],
    ['padding', `v1.k1.${payload}=`],
    ['whitespace', `v1.k1. ${payload}`],
    ['payload shorter than IV + tag', `v1.k1.${Buffer.alloc(27).toString('base64url')}`],
  ])('rejects a malformed token: %s', (_label, token) => {
    const err = cryptoError(() => cipher.decrypt(token));
    expect(err.code).toBe('TOKEN_MALFORMED');
    expect(err.message).toMatch(/^malformed field token: /);
    expect(cryptoError(() => cipher.needsReencryption(token)).code).toBe('TOKEN_MALFORMED');
  });

  it('rejects a non-string token at run time', () => {
    expect(cryptoError(() => cipher.decrypt(null as unknown as string)).code).toBe('TOKEN_MALFORMED');
    expect(() => cipher.encrypt(undefined as unknown as string)).toThrow(TypeError);
  });
});

describe('FieldCipher construction', () => {
  it.each([
    ['active key missing from the ring', ring('k2', [['k1', k1]])],
    ['a 16-byte key', ring('k1', [['k1', randomBytes(16)]])],
    ['an invalid key id', ring('K1', [['K1', k1]])],
    ['an empty ring', ring('k1', [])],
  ])('rejects %s', (_label, bad) => {
    expect(cryptoError(() => new FieldCipher(bad)).code).toBe('KEY_RING_INVALID');
  });

  it('copies the keys, so later changes to the ring object do not affect it', () => {
    const key = Buffer.from(k1);
    const keys = new Map([['k1', key]]);
    const c = new FieldCipher({ activeKeyId: 'k1', keys });
    const token = c.encrypt('x');
    key.fill(0);
    keys.delete('k1');
    expect(c.decrypt(token)).toBe('x');
  });
});
