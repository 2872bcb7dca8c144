import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import type { PartyKind } from '../domain/case-types';
import { CaseEntity } from './case.entity';

/** A requester (请求人) or respondent (被请求人). An individual's ID number and phone are stored encrypted, with a mask. */
@Entity({ name: 'case_parties' })
@Index('ix_case_parties_case', ['caseId', 'role', 'ordinal'])
@Index('ix_case_parties_uscc', ['uscc'])
// trigram indexes for substring search, made by hand in the migration (TypeORM cannot describe them)
@Index('ix_case_parties_name_trgm', { synchronize: false })
@Index('ix_case_parties_uscc_trgm', { synchronize: false })
// GIN over ped_bigrams(name) (migration 1764000000008): two-character searches
@Index('ix_case_parties_name_bigrams', { synchronize: false })
export class CasePartyEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'case_id', type: 'uuid' })
  caseId!: string;

  @ManyToOne(() => CaseEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'case_id' })
  case?: CaseEntity;

  @Column({ type: 'text' })
  role!: 'requester' | 'respondent';

  @Column({ type: 'int' })
  ordinal!: number;

  @Column({ type: 'text' })
  kind!: PartyKind;

  @Column({ type: 'text' })
  name!: string;

  /** requesters: patentee or interested party (利害关系人) */
  @Column({ name: 'requester_role', type: 'text', nullable: true })
  requesterRole!: string | null;

  @Column({ type: 'text', nullable: true })
  uscc!: string | null;

  @Column({ name: 'id_number_enc', type: 'text', nullable: true })
  idNumberEnc!: string | null;

  @Column({ name: 'id_number_masked', type: 'text', nullable: true })
  idNumberMasked!: string | null;

  @Column({ name: 'legal_representative', type: 'text', nullable: true })
  legalRepresentative!: string | null;

  @Column({ type: 'text', nullable: true })
  address!: string | null;

  @Column({ name: 'phone_enc', type: 'text', nullable: true })
  phoneEnc!: string | null;

  @Column({ name: 'phone_masked', type: 'text', nullable: true })
  phoneMasked!: string | null;
}
