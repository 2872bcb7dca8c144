import { Injectable, Logger } from '@nestjs/common';
import { DomainError } from '@app/kernel';
import { isSignatureAlgorithm } from '../domain/transfer-types';
import { PartnerEntity } from '../persistence/partner.entity';
import { TransfersRepository } from '../persistence/transfers.repository';
import { createVerifier, RawVerifier } from './exchange-crypto';
import { ExchangeIdentity } from './exchange-identity';
import { digestMatches, MAX_SKEW_SECONDS, verifyRequest } from './message-signature';

export interface VerifiedRequest {
  partner: PartnerEntity;
  keyId: string;
}

export interface IncomingRequest {
  method: string;
  url: string;
  headers: Record<string, string | string[] | undefined>;
  rawBody: Buffer;
}

const refuse = (why: string) => new DomainError('UNAUTHENTICATED', `exchange request refused: ${why}`);

/**
 * The checks every exchange request passes before anything is read from it: a known, active partner named by
 * `x-exchange-partner`; a Content-Digest equal to the body's sha-256; an RFC 9421 signature by one of the partner's keys
 * over the covered fields with `created` within 5 minutes; a nonce never seen from that partner (kept in PostgreSQL, so
 * every replica agrees). Any failure is 401 and nothing is stored.
 */
@Injectable()
export class ExchangeVerifier {
  private readonly logger = new Logger(ExchangeVerifier.name);
  private readonly verifiers = new Map<string, RawVerifier>();
  private purgedAt = 0;

  constructor(
    private readonly repo: TransfersRepository,
    private readonly identity: ExchangeIdentity,
  ) {}

  async verify(req: IncomingRequest): Promise<VerifiedRequest> {
    const code = req.headers['x-exchange-partner'];
    if (typeof code !== 'string') throw refuse('x-exchange-partner is missing');
    const partner = await this.repo.partner(code);
    if (!partner) throw refuse(`unknown partner ${code}`);
    if (!partner.active) throw refuse(`partner ${code} is not active`);
    if (this.identity.skipVerify) return { partner, keyId: 'unverified' };
    const digest = req.headers['content-digest'];
    if (!digestMatches(typeof digest === 'string' ? digest : undefined, req.rawBody))
      throw refuse('content-digest does not match the body');
    const outcome = await verifyRequest(req, this.keysOf(partner));
    if (!outcome.ok) {
      this.logger.warn({ partner: code, reason: outcome.reason }, 'exchange signature refused');
      throw refuse(
        {
          missing: 'no signature',
          malformed: 'malformed signature input',
          unknown_key: 'unknown key id',
          bad_signature: 'bad signature',
          stale: `created is more than ${MAX_SKEW_SECONDS / 60} minutes off`,
          fields: 'the signature does not cover the required fields and parameters',
        }[outcome.reason],
      );
    }
    if (!(await this.repo.claimNonce(partner.code, outcome.nonce))) throw refuse('nonce already used (replay)');
    await this.purge();
    return { partner, keyId: outcome.keyId };
  }

  private keysOf(partner: PartnerEntity): RawVerifier[] {
    return partner.keys.flatMap((k) => {
      if (!isSignatureAlgorithm(k.algorithm)) return [];
      const cacheKey = `${partner.code}|${k.keyId}|${k.algorithm}|${k.publicKey}`;
      let v = this.verifiers.get(cacheKey);
      if (!v) {
        try {
          v = createVerifier(k.algorithm, k.keyId, k.publicKey);
        } catch {
          return [];
        }
        this.verifiers.set(cacheKey, v);
      }
      return [v];
    });
  }

  /** Nonces older than twice the window cannot be replayed (their `created` is refused): dropped once a minute. */
  private async purge(): Promise<void> {
    if (Date.now() - this.purgedAt < 60_000) return;
    this.purgedAt = Date.now();
    await this.repo.purgeNonces(2 * MAX_SKEW_SECONDS).catch(() => undefined);
  }
}
