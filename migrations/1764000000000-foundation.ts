import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Foundation: org units, users, sessions and refresh tokens, notifications, the audit trail (append-only,
 * hash-chained by a sealer), and the transactional outbox. Generated from the entities, then edited by hand:
 * readable constraint names, the case-insensitive username index, and the triggers that make the audit tables
 * refuse UPDATE, DELETE and TRUNCATE.
 */
export class Foundation1764000000000 implements MigrationInterface {
  name = 'Foundation1764000000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE "org_units" (
      "code" text NOT NULL, "name" text NOT NULL, "abbr" text NOT NULL, "kind" text NOT NULL, "parent_code" text,
      "active" boolean NOT NULL DEFAULT true,
      "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
      "version" integer NOT NULL DEFAULT '1',
      CONSTRAINT "PK_5382611e999b45b0e98a7859c71" PRIMARY KEY ("code"),
      CONSTRAINT "ck_org_units_kind" CHECK ("kind" IN ('bureau', 'district', 'hotline_center', 'partner')))`);

    await q.query(`CREATE TABLE "users" (
      "id" uuid NOT NULL DEFAULT gen_random_uuid(), "username" text NOT NULL, "display_name" text NOT NULL,
      "password_hash" text NOT NULL, "roles" text array NOT NULL, "org_unit_code" text NOT NULL,
      "active" boolean NOT NULL DEFAULT true, "failed_login_count" integer NOT NULL DEFAULT '0',
      "first_failed_at" TIMESTAMP WITH TIME ZONE, "locked_until" TIMESTAMP WITH TIME ZONE,
      "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
      "version" integer NOT NULL DEFAULT '1',
      CONSTRAINT "PK_a3ffb1c0c8416b9fc6f907b7433" PRIMARY KEY ("id"),
      CONSTRAINT "ck_users_roles" CHECK (cardinality("roles") > 0 AND "roles" <@ ARRAY['officer','hotline_operator','supervisor','admin']::text[]))`);
    await q.query(`CREATE UNIQUE INDEX "ux_users_username" ON "users" (lower("username"))`);
    await q.query(`CREATE INDEX "ix_users_org_unit" ON "users" ("org_unit_code")`);
    await q.query(
      `ALTER TABLE "users" ADD CONSTRAINT "FK_e3b6ef57c19da9a0c5a77f4c9b4" FOREIGN KEY ("org_unit_code") REFERENCES "org_units"("code") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );

    await q.query(`CREATE TABLE "sessions" (
      "id" uuid NOT NULL DEFAULT gen_random_uuid(), "user_id" uuid NOT NULL,
      "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "expires_at" TIMESTAMP WITH TIME ZONE NOT NULL,
      "revoked_at" TIMESTAMP WITH TIME ZONE, "revoke_reason" text, "ip" text,
      CONSTRAINT "PK_3238ef96f18b355b671619111bc" PRIMARY KEY ("id"))`);
    await q.query(`CREATE INDEX "ix_sessions_user" ON "sessions" ("user_id")`);
    await q.query(
      `ALTER TABLE "sessions" ADD CONSTRAINT "FK_085d540d9f418cfbdc7bd55bb19" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );

    await q.query(`CREATE TABLE "refresh_tokens" (
      "id" uuid NOT NULL DEFAULT gen_random_uuid(), "session_id" uuid NOT NULL, "token_hash" character(64) NOT NULL,
      "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "expires_at" TIMESTAMP WITH TIME ZONE NOT NULL,
      "used_at" TIMESTAMP WITH TIME ZONE,
      CONSTRAINT "PK_7d8bee0204106019488c4c50ffa" PRIMARY KEY ("id"))`);
    await q.query(`CREATE INDEX "ix_refresh_tokens_session" ON "refresh_tokens" ("session_id")`);
    await q.query(
      `ALTER TABLE "refresh_tokens" ADD CONSTRAINT "FK_3bf308fa93da3966f9e76fcfba4" FOREIGN KEY ("session_id") REFERENCES "sessions"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );

    await q.query(`CREATE TABLE "notification_events" (
      "id" uuid NOT NULL DEFAULT gen_random_uuid(), "kind" text NOT NULL, "title" text NOT NULL, "body" text NOT NULL,
      "entity_type" text, "entity_id" text, "audience" jsonb NOT NULL,
      "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "fanned_out_at" TIMESTAMP WITH TIME ZONE,
      CONSTRAINT "PK_5b828caf9bd52c7e580f5768b14" PRIMARY KEY ("id"))`);
    await q.query(`CREATE TABLE "notifications" (
      "id" uuid NOT NULL DEFAULT gen_random_uuid(), "event_id" uuid NOT NULL, "user_id" uuid NOT NULL,
      "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "read_at" TIMESTAMP WITH TIME ZONE,
      CONSTRAINT "ux_notifications_event_user" UNIQUE ("event_id", "user_id"),
      CONSTRAINT "PK_6a72c3c0f683f6462415e653c3a" PRIMARY KEY ("id"))`);
    await q.query(`CREATE INDEX "ix_notifications_user" ON "notifications" ("user_id", "created_at")`);
    await q.query(
      `ALTER TABLE "notifications" ADD CONSTRAINT "FK_6e28bd266f2b68f73f1a5d7a462" FOREIGN KEY ("event_id") REFERENCES "notification_events"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "notifications" ADD CONSTRAINT "FK_9a8a82462cab47c73d25f49261f" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );

    await q.query(`CREATE TABLE "audit_entries" (
      "id" BIGSERIAL NOT NULL, "at" TIMESTAMP WITH TIME ZONE NOT NULL, "actor_id" uuid, "on_behalf_of_id" uuid,
      "action" text NOT NULL, "entity_type" text NOT NULL, "entity_id" text NOT NULL, "org_unit_code" text,
      "before" jsonb, "after" jsonb, "request_id" text, "ip" text,
      CONSTRAINT "PK_6b1623bcad4d04530b76548d619" PRIMARY KEY ("id"))`);
    await q.query(`CREATE INDEX "ix_audit_entries_unit" ON "audit_entries" ("org_unit_code", "id")`);
    await q.query(`CREATE INDEX "ix_audit_entries_at" ON "audit_entries" ("at")`);
    await q.query(`CREATE INDEX "ix_audit_entries_actor" ON "audit_entries" ("actor_id", "id")`);
    await q.query(`CREATE INDEX "ix_audit_entries_entity" ON "audit_entries" ("entity_type", "entity_id", "id")`);
    await q.query(`CREATE TABLE "audit_chain" (
      "seq" bigint NOT NULL, "entry_id" bigint NOT NULL, "prev_hash" character(64) NOT NULL, "hash" character(64) NOT NULL,
      "sealed_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
      CONSTRAINT "UQ_9041f00c94665d1e12449263dc2" UNIQUE ("entry_id"),
      CONSTRAINT "PK_d31e87c3f18459d04fe709c30a5" PRIMARY KEY ("seq"))`);
    // Append-only: the database itself refuses to change or remove audit rows, whoever asks.
    await q.query(`CREATE FUNCTION audit_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'audit rows are append-only: % on % refused', TG_OP, TG_TABLE_NAME USING ERRCODE = 'insufficient_privilege';
      END $$`);
    for (const table of ['audit_entries', 'audit_chain']) {
      await q.query(
        `CREATE TRIGGER "${table}_no_update_delete" BEFORE UPDATE OR DELETE ON "${table}" FOR EACH ROW EXECUTE FUNCTION audit_refuse_change()`,
      );
      await q.query(
        `CREATE TRIGGER "${table}_no_truncate" BEFORE TRUNCATE ON "${table}" FOR EACH STATEMENT EXECUTE FUNCTION audit_refuse_change()`,
      );
    }

    await q.query(`CREATE TABLE "outbox_messages" (
      "id" uuid NOT NULL DEFAULT gen_random_uuid(), "job_name" text NOT NULL, "payload" jsonb NOT NULL,
      "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "available_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
      "dispatched_at" TIMESTAMP WITH TIME ZONE, "relay_attempts" integer NOT NULL DEFAULT '0', "last_error" text,
      CONSTRAINT "PK_0171348f527c64b137e4d4f5b66" PRIMARY KEY ("id"))`);
    await q.query(`CREATE INDEX "ix_outbox_pending" ON "outbox_messages" ("available_at") WHERE dispatched_at IS NULL`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE "outbox_messages"`);
    await q.query(`DROP TABLE "audit_chain"`);
    await q.query(`DROP TABLE "audit_entries"`);
    await q.query(`DROP FUNCTION audit_refuse_change()`);
    await q.query(`DROP TABLE "notifications"`);
    await q.query(`DROP TABLE "notification_events"`);
    await q.query(`DROP TABLE "refresh_tokens"`);
    await q.query(`DROP TABLE "sessions"`);
    await q.query(`DROP TABLE "users"`);
    await q.query(`DROP TABLE "org_units"`);
  }
}
