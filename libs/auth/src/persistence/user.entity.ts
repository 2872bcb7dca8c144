import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
  VersionColumn,
} from 'typeorm';
import type { Role } from '@app/kernel';
import { OrgUnitEntity } from './org-unit.entity';

@Entity({ name: 'users' })
@Check('ck_users_roles', `cardinality("roles") > 0 AND "roles" <@ ARRAY['officer','hotline_operator','supervisor','admin']::text[]`)
@Index('ux_users_username', { synchronize: false }) // unique on lower(username): created in the migration
@Index('ix_users_org_unit', ['orgUnitCode'])
export class UserEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'text' })
  username!: string;

  @Column({ name: 'display_name', type: 'text' })
  displayName!: string;

  /** argon2id encoded hash (parameters inside) */
  @Column({ name: 'password_hash', type: 'text' })
  passwordHash!: string;

  @Column({ type: 'text', array: true })
  roles!: Role[];

  @Column({ name: 'org_unit_code', type: 'text' })
  orgUnitCode!: string;

  @ManyToOne(() => OrgUnitEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'org_unit_code' })
  orgUnit?: OrgUnitEntity;

  @Column({ type: 'boolean', default: true })
  active!: boolean;

  @Column({ name: 'failed_login_count', type: 'int', default: 0 })
  failedLoginCount!: number;

  @Column({ name: 'first_failed_at', type: 'timestamptz', nullable: true })
  firstFailedAt!: Date | null;

  @Column({ name: 'locked_until', type: 'timestamptz', nullable: true })
  lockedUntil!: Date | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;

  @VersionColumn({ default: 1 })
  version!: number;
}
