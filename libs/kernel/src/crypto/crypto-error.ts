export type CryptoErrorCode = 'KEY_RING_INVALID' | 'TOKEN_MALFORMED' | 'UNKNOWN_KEY_ID' | 'DECRYPT_FAILED' | 'BLIND_INDEX_INVALID';

/**
 * Raised by the field-crypto helpers. A plain Error on purpose (not a DomainError): a bad key ring or an undecryptable
 * column is a server fault, so the global filter answers 500. Messages never carry plaintext, tokens or key material.
 */
export class CryptoError extends Error {
  constructor(
    public readonly code: CryptoErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'CryptoError';
  }
}
