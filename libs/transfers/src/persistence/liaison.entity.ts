import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import type { LiaisonChannel, LiaisonKind, LiaisonOutcome, LiaisonStatus } from '../domain/liaison-rules';

/** A liaison request of a case to an e-commerce platform or to customs, with its own reply deadline. */
@Entity({ name: 'case_liaisons' })
@Index('ix_case_liaisons_case', ['caseId', 'createdAt'])
@Index('ix_case_liaisons_open', ['status', 'replyDue'])
export class LiaisonEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'case_id', type: 'uuid' })
  caseId!: string;

  @Column({ name: 'org_unit_code', type: 'text' })
  orgUnitCode!: string;

  @Column({ type: 'text' })
  channel!: LiaisonChannel;

  @Column({ type: 'text' })
  kind!: LiaisonKind;

  @Column({ type: 'text' })
  status!: LiaisonStatus;

  /** e-commerce: the platform, the store, the listings */
  @Column({ type: 'text', nullable: true })
  platform!: string | null;

  @Column({ name: 'store_name', type: 'text', nullable: true })
  storeName!: string | null;

  @Column({ name: 'listing_urls', type: 'text', array: true, default: () => `'{}'` })
  listingUrls!: string[];

  /** customs: the port and the detention / joint-action reference */
  @Column({ type: 'text', nullable: true })
  port!: string | null;

  @Column({ type: 'text', nullable: true })
  reference!: string | null;

  /** customs: the day of the joint action or detention */
  @Column({ name: 'action_on', type: 'date', nullable: true })
  actionOn!: string | null;

  @Column({ type: 'text', nullable: true })
  note!: string | null;

  @Column({ name: 'sent_on', type: 'date' })
  sentOn!: string;

  @Column({ name: 'reply_due', type: 'date' })
  replyDue!: string;

  @Column({ type: 'text', nullable: true })
  reply!: string | null;

  @Column({ name: 'replied_on', type: 'date', nullable: true })
  repliedOn!: string | null;

  @Column({ type: 'text', nullable: true })
  outcome!: LiaisonOutcome | null;

  @Column({ name: 'reminded_for', type: 'date', nullable: true })
  remindedFor!: string | null;

  @Column({ name: 'escalated_for', type: 'date', nullable: true })
  escalatedFor!: string | null;

  @Column({ name: 'created_by', type: 'uuid' })
  createdBy!: string;

  @Column({ type: 'int', default: 1 })
  version!: number;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
