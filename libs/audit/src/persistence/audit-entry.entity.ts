import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** Append-only: the database refuses UPDATE, DELETE and TRUNCATE (see the audit migration). */
@Entity({ name: 'audit_entries' })
@Index('ix_audit_entries_entity', ['entityType', 'entityId', 'id'])
@Index('ix_audit_entries_actor', ['actorId', 'id'])
@Index('ix_audit_entries_at', ['at'])
@Index('ix_audit_entries_unit', ['orgUnitCode', 'id'])
export class AuditEntryEntity {
  @PrimaryGeneratedColumn({ type: 'bigint' })
  id!: string;

  @Column({ type: 'timestamptz' })
  at!: Date;

  @Column({ name: 'actor_id', type: 'uuid', nullable: true })
  actorId!: string | null;

  @Column({ name: 'on_behalf_of_id', type: 'uuid', nullable: true })
  onBehalfOfId!: string | null;

  @Column({ type: 'text' })
  action!: string;

  @Column({ name: 'entity_type', type: 'text' })
  entityType!: string;

  @Column({ name: 'entity_id', type: 'text' })
  entityId!: string;

  /** the org unit the entity belongs to: scopes what a district supervisor may read */
  @Column({ name: 'org_unit_code', type: 'text', nullable: true })
  orgUnitCode!: string | null;

  @Column({ type: 'jsonb', nullable: true })
  before!: unknown;

  @Column({ type: 'jsonb', nullable: true })
  after!: unknown;

  @Column({ name: 'request_id', type: 'text', nullable: true })
  requestId!: string | null;

  @Column({ type: 'text', nullable: true })
  ip!: string | null;
}
