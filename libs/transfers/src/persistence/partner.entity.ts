import { Column, CreateDateColumn, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';
import type { SignatureAlgorithm } from '../domain/transfer-types';

export interface PartnerKey {
  keyId: string;
  algorithm: SignatureAlgorithm;
  publicKey: string;
}

/** A partner office of the exchange (another province's system): where to send, which keys sign its requests. */
@Entity({ name: 'exchange_partners' })
export class PartnerEntity {
  /** province division code, e.g. 130000 */
  @PrimaryColumn({ type: 'text' })
  code!: string;

  @Column({ type: 'text' })
  name!: string;

  /** base URL of its api, e.g. https://ipr.hebei.example/api/v1; null until configured */
  @Column({ type: 'text', nullable: true })
  endpoint!: string | null;

  /** its active public keys (two during a rotation) */
  @Column({ type: 'jsonb', default: () => `'[]'` })
  keys!: PartnerKey[];

  @Column({ type: 'boolean', default: false })
  active!: boolean;

  @Column({ name: 'reply_due_working_days', type: 'int', default: 10 })
  replyDueWorkingDays!: number;

  @Column({ type: 'int', default: 1 })
  version!: number;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
