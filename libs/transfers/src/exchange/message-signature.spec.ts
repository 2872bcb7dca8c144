import { createSigner, createVerifier, generateExchangeKeyPair, publicKeyOf } from './exchange-crypto';
import { contentDigest, digestMatches, signRequest, verifyRequest } from './message-signature';
import type { SignatureAlgorithm } from '../domain/transfer-types';

const url = 'http://127.0.0.1:4100/api/v1/exchange/transfers';
const body = Buffer.from(JSON.stringify({ hello: '世界' }));

describe.each<SignatureAlgorithm>(['ed25519', 'sm2-sm3'])('RFC 9421 signatures with %s', (alg) => {
  const pair = generateExchangeKeyPair(alg);
  const signer = createSigner(alg, 'k1', pair.privateKey);
  const verifier = createVerifier(alg, 'k1', pair.publicKey);

  it('derives the public key from the private one', () => {
    expect(publicKeyOf(alg, pair.privateKey).toLowerCase()).toBe(pair.publicKey.toLowerCase());
  });

  it('verifies what it signed, covering method, target uri, digest and the partner header', async () => {
    const h = await signRequest(signer, { method: 'POST', url, body, senderCode: '120000' });
    expect(h['signature-input']).toMatch(
      /^exchange=\("@method" "@target-uri" "content-digest" "x-exchange-partner"\);created=\d+;nonce="[^"]+";keyid="k1";alg="/,
    );
    expect(h['content-digest']).toBe(contentDigest(body));
    const out = await verifyRequest({ method: 'POST', url, headers: h }, [verifier]);
    expect(out).toMatchObject({ ok: true, keyId: 'k1' });
  });

  it('refuses another key, another target, another partner header, and a stale created', async () => {
    const h = await signRequest(signer, { method: 'POST', url, body, senderCode: '120000' });
    const other = generateExchangeKeyPair(alg);
    expect(await verifyRequest({ method: 'POST', url, headers: h }, [createVerifier(alg, 'k1', other.publicKey)])).toMatchObject({
      ok: false,
      reason: 'bad_signature',
    });
    expect(await verifyRequest({ method: 'POST', url: `${url}/x`, headers: h }, [verifier])).toMatchObject({ ok: false });
    expect(await verifyRequest({ method: 'POST', url, headers: { ...h, 'x-exchange-partner': '130000' } }, [verifier])).toMatchObject({
      ok: false,
    });
    expect(await verifyRequest({ method: 'POST', url, headers: h }, [createVerifier(alg, 'k2', pair.publicKey)])).toMatchObject({
      ok: false,
      reason: 'unknown_key',
    });
    const old = await signRequest(signer, { method: 'POST', url, body, senderCode: '120000', created: new Date(Date.now() - 301_000) });
    expect(await verifyRequest({ method: 'POST', url, headers: old }, [verifier])).toMatchObject({ ok: false, reason: 'stale' });
    const future = await signRequest(signer, { method: 'POST', url, body, senderCode: '120000', created: new Date(Date.now() + 301_000) });
    expect(await verifyRequest({ method: 'POST', url, headers: future }, [verifier])).toMatchObject({ ok: false, reason: 'stale' });
    expect(await verifyRequest({ method: 'POST', url, headers: {} }, [verifier])).toMatchObject({ ok: false, reason: 'missing' });
  });
});

describe('Content-Digest (RFC 9530)', () => {
  it('matches the body it was taken of and nothing else', () => {
    expect(digestMatches(contentDigest(body), body)).toBe(true);
    expect(digestMatches(contentDigest(body), Buffer.from('{}'))).toBe(false);
    expect(digestMatches('sha-512=:AAAA:', body)).toBe(false);
    expect(digestMatches('garbage((', body)).toBe(false);
    expect(digestMatches(undefined, body)).toBe(false);
  });
});

describe('SM2 interoperability', () => {
  it('verifies a signature made with the default user id by sm-crypto-v2 directly (what other SM2 systems produce)', () => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { sm2 } = require('sm-crypto-v2') as typeof import('sm-crypto-v2');
    const pair = generateExchangeKeyPair('sm2-sm3');
    const msg = Buffer.from('signature base');
    const sig = sm2.doSignature(new Uint8Array(msg), pair.privateKey, { hash: true });
    expect(createVerifier('sm2-sm3', 'k', pair.publicKey).verify(msg, Buffer.from(sig, 'hex'))).toBe(true);
  });
});
