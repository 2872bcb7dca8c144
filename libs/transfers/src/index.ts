export * from './domain';
export * from './transfers.module';
export * from './transfers.service';
export * from './partners.service';
export * from './exchange.service';
export * from './transfers-sweep';
export * from './liaisons-referrals.service';
export { ExchangeIdentity } from './exchange/exchange-identity';
export { generateExchangeKeyPair, publicKeyOf, createSigner, createVerifier } from './exchange/exchange-crypto';
export { signRequest, verifyRequest, contentDigest } from './exchange/message-signature';
export type { TransferResponse, PartnerResponse, TransferFileResponse } from './http/transfer.mapper';

import { ExchangeNonceEntity } from './persistence/exchange-nonce.entity';
import { LiaisonEntity } from './persistence/liaison.entity';
import { PartnerEntity } from './persistence/partner.entity';
import { ReferralEntity } from './persistence/referral.entity';
import { TransferEventEntity } from './persistence/transfer-event.entity';
import { TransferFileEntity } from './persistence/transfer-file.entity';
import { TransferMessageEntity } from './persistence/transfer-message.entity';
import { TransferEntity } from './persistence/transfer.entity';
export const TRANSFERS_ENTITIES = [
  PartnerEntity,
  TransferEntity,
  TransferEventEntity,
  TransferFileEntity,
  TransferMessageEntity,
  ExchangeNonceEntity,
  LiaisonEntity,
  ReferralEntity,
];
