import { Column, Entity, PrimaryColumn } from 'typeorm';

/** How many cases each unit has in each status and type: kept by a trigger on cases (migration 1764000000070). */
@Entity({ name: 'case_status_counts' })
export class CaseStatusCountEntity {
  @PrimaryColumn({ name: 'org_unit_code', type: 'text', primaryKeyConstraintName: 'PK_case_status_counts' })
  orgUnitCode!: string;

  @PrimaryColumn({ type: 'text', primaryKeyConstraintName: 'PK_case_status_counts' })
  status!: string;

  @PrimaryColumn({ type: 'text', primaryKeyConstraintName: 'PK_case_status_counts' })
  type!: string;

  @Column({ type: 'bigint', default: 0 })
  n!: string;
}
