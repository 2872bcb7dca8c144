import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/** Nonces of accepted exchange signatures, kept for the signature window: a second use of one is a replay (401). */
@Entity({ name: 'exchange_nonces' })
@Index('ix_exchange_nonces_seen', ['seenAt'])
export class ExchangeNonceEntity {
  @PrimaryColumn({ name: 'partner_code', type: 'text' })
  partnerCode!: string;

  @PrimaryColumn({ type: 'text' })
  nonce!: string;

  @Column({ name: 'seen_at', type: 'timestamptz', default: () => 'now()' })
  seenAt!: Date;
}
