import { randomBytes } from 'node:crypto';
import { CryptoError } from './crypto-error';
import { generateKeyRingValue, parseKeyRing } from './key-ring';

const k32a = randomBytes(32).toString('base64');
const k32b = randomBytes(32).toString('base64');

function parseError(env: string | undefined): CryptoError {
  try {
    parseKeyRing(env, 'FIELD_KEYS');
  } catch (e) {
    if (e instanceof CryptoError) return e;
    throw e;
  }
  throw new Error('expected a CryptoError');
}

describe('parseKeyRing', () => {
  it('takes the first entry as active and keeps every key', () => {
    const ring = parseKeyRing(`k2:${k32a},k1:${k32b}`);
    expect(ring.activeKeyId).toBe('k2');
    expect([...ring.keys.keys()]).toEqual(['k2', 'k1']);
    expect(ring.keys.get('k2')).toEqual(Buffer.from(k32a, 'base64'));
    expect(ring.keys.get('k1')).toEqual(Buffer.from(k32b, 'base64'));
  });

  it('accepts a single key, spaces around entries, and base64url keys', () => {
    const raw = randomBytes(32);
    const ring = parseKeyRing(` k1:${raw.toString('base64url')} `);
    expect(ring.activeKeyId).toBe('k1');
    expect(ring.keys.get('k1')).toEqual(raw);
    expect(parseKeyRing(`a:${k32a} , b:${k32b}`).keys.size).toBe(2);
  });

  it('accepts a 16-character key id and rejects a 17-character one', () => {
    expect(parseKeyRing(`${'a'.repeat(16)}:${k32a}`).activeKeyId).toBe('a'.repeat(16));
    expect(parseError(`${'a'.repeat(17)}:${k32a}`).message).toMatch(/invalid key id/);
  });

  it.each([
    [undefined, /FIELD_KEYS: not set/],
    ['', /FIELD_KEYS: is empty/],
    ['   ', /is empty/],
    [`k1:${k32a},`, /entry 2 is empty/],
    [`k1:${k32a},,k2:${k32b}`, /entry 2 is empty/],
    [k32a, /entry 1 is not in the form/],
    [`K1:${k32a}`, /entry 1 has an invalid key id/],
    [`k-1:${k32a}`, /invalid key id/],
    [`:${k32a}`, /invalid key id/],
    [`k1:${k32a},k1:${k32b}`, /key id "k1" appears more than once/],
    ['k1:', /key "k1" is not valid base64/],
    ['k1:not*base64!', /key "k1" is not valid base64/],
    [`k1:${k32a.slice(0, 10)} ${k32a.slice(10)}`, /key "k1" is not valid base64/],
    [`k1:${randomBytes(16).toString('base64')}`, /key "k1" must decode to 32 bytes, got 16/],
    [`k1:${randomBytes(33).toString('base64')}`, /must decode to 32 bytes, got 33/],
  ])('rejects %p', (env, message) => {
    const err = parseError(env);
    expect(err.code).toBe('KEY_RING_INVALID');
    expect(err.message).toMatch(message);
  });

  it('never prints key material in its errors', () => {
    const short = randomBytes(16).toString('base64');
    for (const env of [
      `k1:${short}`,
      `k1:${k32a}X`,
      `${k32a}`,
      `K${k32a.slice(0, 8)}:${k32a}`,
      `k1:${k32a},k1:${k32b}`,
      `k1:${k32a},k2:${short}`,
    ]) {
      const err = parseError(env);
      for (const secret of [short, k32a, k32b, k32a.slice(0, 8)]) expect(err.message).not.toContain(secret);
    }
  });
});

describe('generateKeyRingValue', () => {
  it('produces a value parseKeyRing accepts, with a fresh key each time', () => {
    const value = generateKeyRingValue();
    const ring = parseKeyRing(value);
    expect(ring.activeKeyId).toBe('k1');
    expect(ring.keys.get('k1')).toHaveLength(32);
    expect(generateKeyRingValue()).not.toBe(value);
  });

  it('uses the given key id and rejects an invalid one', () => {
    expect(parseKeyRing(generateKeyRingValue('k7')).activeKeyId).toBe('k7');
    expect(() => generateKeyRingValue('Bad Id')).toThrow(CryptoError);
  });
});
