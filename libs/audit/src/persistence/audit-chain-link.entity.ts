import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * The hash chain over audit entries, written by the sealer in commit-visibility order. Keeping it apart from the
 * entries means writers never wait on a global lock: they only insert entries; one sealer links them.
 */
@Entity({ name: 'audit_chain' })
export class AuditChainLinkEntity {
  @PrimaryColumn({ type: 'bigint' })
  seq!: string;

  @Column({ name: 'entry_id', type: 'bigint', unique: true })
  entryId!: string;

  @Column({ name: 'prev_hash', type: 'char', length: 64 })
  prevHash!: string;

  @Column({ type: 'char', length: 64 })
  hash!: string;

  @Column({ name: 'sealed_at', type: 'timestamptz', default: () => 'now()' })
  sealedAt!: Date;
}
