import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * One counter cell: metric × month × org unit (Shanghai, first day) × dimension, kept in up to 16 shards. Kept current by
 * `MetricCounters.add` in the same transaction as the change it counts; `npm run cli -- metrics:rebuild` recomputes it.
 */
@Entity({ name: 'metric_counts' })
export class MetricCountEntity {
  @PrimaryColumn({ type: 'text' })
  metric!: string;

  @PrimaryColumn({ type: 'date' })
  period!: string;

  @PrimaryColumn({ name: 'org_unit_code', type: 'text' })
  orgUnitCode!: string;

  /** '' for the total; e.g. `type:passing_off`, `ftz`, or a histogram bucket (days) */
  @PrimaryColumn({ type: 'text', default: '' })
  dimension!: string;

  /** The writer's connection (`pg_backend_pid() % 16`): concurrent writers add to different rows; a cell is the sum */
  @PrimaryColumn({ type: 'smallint', default: 0 })
  shard!: number;

  @Column({ type: 'bigint', default: 0 })
  value!: string;
}
