import { randomBytes } from 'node:crypto';
import { blindIndex, digitsOnly } from './blind-index';
import { CryptoError } from './crypto-error';

const key = randomBytes(32);

describe('blindIndex', () => {
  it('is stable for the same value and key', () => {
    expect(blindIndex('13800138000', key)).toBe(blindIndex('13800138000', key));
  });

  it('is the HMAC-SHA256 of the value, hex by default and base64url on request', () => {
    const fixedKey = Buffer.alloc(32, 7);
    // Pinned so a change of algorithm or encoding (which would orphan every stored index) fails here.
    expect(blindIndex('13800138000', fixedKey)).toBe('6c2ab2158de98c839d12f303f4a9d5a33ba4c43d73c1b7bda2ce44a14b627f47');
    expect(blindIndex('13800138000', key)).toMatch(/^[0-9a-f]{64}$/);
    expect(blindIndex('13800138000', key, undefined, 'base64url')).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(Buffer.from(blindIndex('13800138000', key, undefined, 'base64url'), 'base64url').toString('hex')).toBe(
      blindIndex('13800138000', key),
    );
  });

  it('applies the normalizer before hashing', () => {
    expect(blindIndex('138-0013-8000', key, digitsOnly)).toBe(blindIndex('13800138000', key, digitsOnly));
    expect(blindIndex('138 0013 8000', key, digitsOnly)).toBe(blindIndex('13800138000', key));
    expect(blindIndex('１３８００１３８０００', key, digitsOnly)).toBe(blindIndex('13800138000', key));
  });

  it('does not normalize unless asked', () => {
    expect(blindIndex('138-0013-8000', key)).not.toBe(blindIndex('13800138000', key));
  });

  it('differs for different values and different keys', () => {
    expect(blindIndex('13800138000', key)).not.toBe(blindIndex('13800138001', key));
    expect(blindIndex('13800138000', key)).not.toBe(blindIndex('13800138000', randomBytes(32)));
  });

  it('does not contain the value', () => {
    expect(blindIndex('13800138000', key)).not.toContain('13800138000');
  });

  it('rejects a key shorter than 32 bytes', () => {
    expect(() => blindIndex('13800138000', randomBytes(16))).toThrow(CryptoError);
  });

  it('refuses a value that is empty after normalization, so blanks never match each other', () => {
    expect(() => blindIndex('', key)).toThrow(/empty after normalization/);
    expect(() => blindIndex('n/a', key, digitsOnly)).toThrow(CryptoError);
  });
});

describe('digitsOnly', () => {
  it.each([
    ['138-0013-8000', '13800138000'],
    ['(022) 2345 6789', '02223456789'],
    ['１３８ ００１３ ８０００', '13800138000'],
    ['+86 138 0013 8000', '8613800138000'],
    ['电话：13800138000', '13800138000'],
  ])('%p → %p', (input, expected) => {
    expect(digitsOnly(input)).toBe(expected);
  });
});
