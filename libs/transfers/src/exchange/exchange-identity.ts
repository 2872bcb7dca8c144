import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, AppConfig } from '@app/kernel';
import { createSigner, publicKeyOf, RawSigner } from './exchange-crypto';

/** This office in the exchange: its code and the key it signs with (parsed at start: a bad key stops the process). */
@Injectable()
export class ExchangeIdentity {
  readonly selfCode: string;
  readonly signer: RawSigner | null;
  readonly publicKey: string | null;
  readonly skipVerify: boolean;

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    const x = config.exchange;
    this.selfCode = x.selfCode;
    this.skipVerify = x.benchSkipVerify && config.env === 'test';
    try {
      this.signer = x.privateKey ? createSigner(x.algorithm, x.keyId, x.privateKey) : null;
      this.publicKey = x.privateKey ? publicKeyOf(x.algorithm, x.privateKey) : null;
    } catch (err) {
      throw new Error(`EXCHANGE_PRIVATE_KEY is not a valid ${x.algorithm} key: ${(err as Error).message}`);
    }
  }
}
