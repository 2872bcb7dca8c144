import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * A live state (e.g. open overdue cases) per org unit, recomputed by a roll-up; `computed_at` is what answers state as
 * their staleness. The row with org_unit_code '' carries the roll-up's time even when every unit is at zero.
 */
@Entity({ name: 'metric_gauges' })
export class MetricGaugeEntity {
  @PrimaryColumn({ type: 'text' })
  metric!: string;

  @PrimaryColumn({ name: 'org_unit_code', type: 'text' })
  orgUnitCode!: string;

  @Column({ type: 'bigint' })
  value!: string;

  @Column({ name: 'computed_at', type: 'timestamptz' })
  computedAt!: Date;
}
