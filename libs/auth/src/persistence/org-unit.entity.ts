import { Check, Column, CreateDateColumn, Entity, PrimaryColumn, UpdateDateColumn, VersionColumn } from 'typeorm';

import type { OrgUnitKind } from '../domain/org-unit-kinds';

@Entity({ name: 'org_units' })
@Check('ck_org_units_kind', `"kind" IN ('bureau', 'district', 'hotline_center', 'partner')`)
export class OrgUnitEntity {
  /** administrative division code (e.g. 120116), or a suffixed code for non-territorial units (120000-12330) */
  @PrimaryColumn({ type: 'text' })
  code!: string;

  @Column({ type: 'text' })
  name!: string;

  /** used in document numbers, e.g. 津 in 津知执〔2026〕0001号 */
  @Column({ type: 'text' })
  abbr!: string;

  @Column({ type: 'text' })
  kind!: OrgUnitKind;

  @Column({ name: 'parent_code', type: 'text', nullable: true })
  parentCode!: string | null;

  /** 统一社会信用代码 of an enforcement unit: 处罚机关 / 数据来源单位 on credit-platform publications */
  @Column({ type: 'text', nullable: true })
  uscc!: string | null;

  @Column({ type: 'boolean', default: true })
  active!: boolean;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;

  @VersionColumn({ default: 1 })
  version!: number;
}
