import { createPrivateKey, createPublicKey, generateKeyPairSync, KeyObject, sign as edSign, verify as edVerify } from 'node:crypto';
import { sm2 } from 'sm-crypto-v2';
import type { SignatureAlgorithm } from '../domain/transfer-types';

/**
 * Keys and raw signatures of the exchange. ed25519 through node:crypto (PKCS#8 / SPKI DER, base64); SM2 with SM3 and
 * the default user id 1234567812345678 (GB/T 32918, GM/T 0009) through sm-crypto-v2 (keys in hex: a 32-byte private
 * scalar, an uncompressed `04…` public point; signatures r‖s, 64 bytes). node:crypto's "SM2" signing is ECDSA over the
 * SM2 curve without the Z value, so it does not interoperate with real SM2 verifiers.
 */
export const SM2_DEFAULT_USER_ID = '1234567812345678';

export interface RawSigner {
  algorithm: SignatureAlgorithm;
  keyId: string;
  sign(data: Buffer): Buffer;
}

export interface RawVerifier {
  algorithm: SignatureAlgorithm;
  keyId: string;
  verify(data: Buffer, signature: Buffer): boolean;
}

const HEX64 = /^[0-9a-f]{64}$/i;
const SM2_PUBLIC = /^04[0-9a-f]{128}$/i;

export class ExchangeKeyError extends Error {
  override name = 'ExchangeKeyError';
}

function edPrivate(value: string): KeyObject {
  try {
    const key = createPrivateKey({ key: Buffer.from(value, 'base64'), format: 'der', type: 'pkcs8' });
    if (key.asymmetricKeyType !== 'ed25519') throw new Error(`not an ed25519 key (${key.asymmetricKeyType})`);
    return key;
  } catch (err) {
    throw new ExchangeKeyError(`not an ed25519 private key (base64 PKCS#8 DER): ${(err as Error).message}`);
  }
}

function edPublic(value: string): KeyObject {
  try {
    const key = createPublicKey({ key: Buffer.from(value, 'base64'), format: 'der', type: 'spki' });
    if (key.asymmetricKeyType !== 'ed25519') throw new Error(`not an ed25519 key (${key.asymmetricKeyType})`);
    return key;
  } catch (err) {
    throw new ExchangeKeyError(`not an ed25519 public key (base64 SPKI DER): ${(err as Error).message}`);
  }
}

export function createSigner(algorithm: SignatureAlgorithm, keyId: string, privateKey: string): RawSigner {
  if (algorithm === 'ed25519') {
    const key = edPrivate(privateKey);
    return { algorithm, keyId, sign: (data) => edSign(null, data, key) };
  }
  if (!HEX64.test(privateKey)) throw new ExchangeKeyError('not an SM2 private key (64 hex digits)');
  const publicKey = sm2.getPublicKeyFromPrivateKey(privateKey.toLowerCase());
  return {
    algorithm,
    keyId,
    sign: (data) =>
      Buffer.from(
        sm2.doSignature(new Uint8Array(data), privateKey.toLowerCase(), { hash: true, der: false, publicKey, userId: SM2_DEFAULT_USER_ID }),
        'hex',
      ),
  };
}

export function createVerifier(algorithm: SignatureAlgorithm, keyId: string, publicKey: string): RawVerifier {
  if (algorithm === 'ed25519') {
    const key = edPublic(publicKey);
    return { algorithm, keyId, verify: (data, signature) => signature.length === 64 && edVerify(null, data, key, signature) };
  }
  if (!SM2_PUBLIC.test(publicKey) || !sm2.verifyPublicKey(publicKey.toLowerCase()))
    throw new ExchangeKeyError('not an SM2 public key (uncompressed point, 04 + 128 hex digits)');
  const pub = publicKey.toLowerCase();
  return {
    algorithm,
    keyId,
    verify: (data, signature) => {
      if (signature.length !== 64) return false;
      try {
        return sm2.doVerifySignature(new Uint8Array(data), signature.toString('hex'), pub, {
          hash: true,
          der: false,
          userId: SM2_DEFAULT_USER_ID,
        });
      } catch {
        return false;
      }
    },
  };
}

/** Checks a public key's format for its algorithm; returns the problem, or null. */
export function publicKeyProblem(algorithm: SignatureAlgorithm, publicKey: string): string | null {
  try {
    createVerifier(algorithm, 'check', publicKey);
    return null;
  } catch (err) {
    return (err as Error).message;
  }
}

/** A fresh key pair in the formats above (`npm run cli -- exchange:keygen`, the embedded install's first start). */
export function generateExchangeKeyPair(algorithm: SignatureAlgorithm): { privateKey: string; publicKey: string } {
  if (algorithm === 'ed25519') {
    const { privateKey, publicKey } = generateKeyPairSync('ed25519');
    return {
      privateKey: privateKey.export({ format: 'der', type: 'pkcs8' }).toString('base64'),
      publicKey: publicKey.export({ format: 'der', type: 'spki' }).toString('base64'),
    };
  }
  const kp = sm2.generateKeyPairHex();
  return { privateKey: kp.privateKey, publicKey: kp.publicKey };
}

/** The public key belonging to a private key (to print what partners need). */
export function publicKeyOf(algorithm: SignatureAlgorithm, privateKey: string): string {
  if (algorithm === 'ed25519') return createPublicKey(edPrivate(privateKey)).export({ format: 'der', type: 'spki' }).toString('base64');
  if (!HEX64.test(privateKey)) throw new ExchangeKeyError('not an SM2 private key (64 hex digits)');
  return sm2.getPublicKeyFromPrivateKey(privateKey.toLowerCase());
}
