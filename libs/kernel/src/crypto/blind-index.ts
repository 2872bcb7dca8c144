import { createHmac } from 'node:crypto';
import { CryptoError } from './crypto-error';

export type BlindIndexEncoding = 'hex' | 'base64url';

/** Shorter keys weaken HMAC-SHA256 against guessing; 32 bytes matches the rest of the key material. */
export const BLIND_INDEX_MIN_KEY_BYTES = 32;

/**
 * Keyed hash of a normalized value, stored beside an encrypted column so equality lookups (duplicate callers by phone)
 * work without decrypting. Use a key of its own, never one of the FieldCipher keys: the index must not help recover
 * encryption keys, and the two rotate on different schedules (rotating this one means re-indexing every row).
 * The default normalizer is the identity: whatever is chosen is baked into every stored index, so choose explicitly.
 */
export function blindIndex(
  value: string,
  key: Buffer,
  normalize: (s: string) => string = (s) => s,
  encoding: BlindIndexEncoding = 'hex',
): string {
  if (key.length < BLIND_INDEX_MIN_KEY_BYTES) {
    throw new CryptoError('BLIND_INDEX_INVALID', `blind-index key must be at least ${BLIND_INDEX_MIN_KEY_BYTES} bytes`);
  }
  const normalized = normalize(value);
  // Every blank would share one index and look like the same person; store NULL instead.
  if (normalized === '')
    throw new CryptoError('BLIND_INDEX_INVALID', 'value is empty after normalization; store NULL instead of indexing it');
  return createHmac('sha256', key).update(normalized, 'utf8').digest(encoding);
}

/** Keeps ASCII digits only; NFKC first so full-width digits typed with a Chinese IME (１３８…) count as digits. */
export function digitsOnly(value: string): string {
  return value.normalize('NFKC').replace(/[^0-9]/g, '');
}
