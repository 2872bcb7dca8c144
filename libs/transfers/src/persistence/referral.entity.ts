import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import type { ReferralOutcome, ReferralRoute, ReferralStatus } from '../domain/referral-rules';

/** A case referred (`refer`) to a court, arbitration, people's mediation or another agency, followed to its outcome. */
@Entity({ name: 'case_referrals' })
@Index('ux_case_referrals_case', ['caseId'], { unique: true })
@Index('ix_case_referrals_route', ['route', 'status'])
export class ReferralEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'case_id', type: 'uuid' })
  caseId!: string;

  @Column({ name: 'org_unit_code', type: 'text' })
  orgUnitCode!: string;

  @Column({ type: 'text' })
  route!: ReferralRoute;

  @Column({ type: 'text' })
  status!: ReferralStatus;

  @Column({ type: 'boolean', default: false })
  ftz!: boolean;

  @Column({ type: 'text' })
  reason!: string;

  @Column({ name: 'referred_on', type: 'date' })
  referredOn!: string;

  /** the court, arbitration commission or mediation committee that took it */
  @Column({ name: 'receiving_body', type: 'text', nullable: true })
  receivingBody!: string | null;

  /** its reference (案号 of the court, arbitration case number …) */
  @Column({ type: 'text', nullable: true })
  reference!: string | null;

  @Column({ type: 'text', nullable: true })
  outcome!: ReferralOutcome | null;

  @Column({ name: 'outcome_on', type: 'date', nullable: true })
  outcomeOn!: string | null;

  @Column({ name: 'outcome_summary', type: 'text', nullable: true })
  outcomeSummary!: string | null;

  @Column({ type: 'int', default: 1 })
  version!: number;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
