import { Check, Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** Annual targets, append-only: the current target of (year, unit) is its latest row; earlier rows are the history. */
@Entity({ name: 'metric_targets' })
@Index('ix_metric_targets_year_unit', ['year', 'orgUnitCode', 'id'])
@Check('ck_metric_targets_target', `"target" >= 0`)
export class MetricTargetEntity {
  @PrimaryGeneratedColumn({ type: 'bigint' })
  id!: string;

  @Column({ type: 'int' })
  year!: number;

  @Column({ name: 'org_unit_code', type: 'text' })
  orgUnitCode!: string;

  @Column({ type: 'int' })
  target!: number;

  @Column({ name: 'set_by', type: 'uuid', nullable: true })
  setBy!: string | null;

  @CreateDateColumn({ name: 'set_at', type: 'timestamptz' })
  setAt!: Date;
}
