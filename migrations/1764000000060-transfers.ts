import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Cross-region transfers (libs/transfers): partner offices, transfers in both directions with their timeline, files
 * and status messages, the exchange's nonces (a reused nonce is a replay: the primary key refuses it, on every
 * replica alike), case liaisons (e-commerce, customs) and referrals. One open outbound transfer per case and kind is
 * a partial unique index, so two concurrent requests cannot both be stored.
 */
export class Transfers1764000000060 implements MigrationInterface {
  name = 'Transfers1764000000060';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      `CREATE TABLE "exchange_nonces" ("partner_code" text NOT NULL, "nonce" text NOT NULL, "seen_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_6b5f1d4e80a23018d6448d2ec53" PRIMARY KEY ("partner_code", "nonce"))`,
    );
    await q.query(`CREATE INDEX "ix_exchange_nonces_seen" ON "exchange_nonces"  ("seen_at")`);
    await q.query(
      `CREATE TABLE "case_liaisons" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "case_id" uuid NOT NULL, "org_unit_code" text NOT NULL, "channel" text NOT NULL, "kind" text NOT NULL, "status" text NOT NULL, "platform" text, "store_name" text, "listing_urls" text array NOT NULL DEFAULT '{}', "port" text, "reference" text, "action_on" date, "note" text, "sent_on" date NOT NULL, "reply_due" date NOT NULL, "reply" text, "replied_on" date, "outcome" text, "reminded_for" date, "escalated_for" date, "created_by" uuid NOT NULL, "version" integer NOT NULL DEFAULT '1', "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_bd6bce3ce314ecc1f99f13c8d50" PRIMARY KEY ("id"))`,
    );
    await q.query(`CREATE INDEX "ix_case_liaisons_open" ON "case_liaisons"  ("status", "reply_due")`);
    await q.query(`CREATE INDEX "ix_case_liaisons_case" ON "case_liaisons"  ("case_id", "created_at")`);
    await q.query(
      `CREATE TABLE "exchange_partners" ("code" text NOT NULL, "name" text NOT NULL, "endpoint" text, "keys" jsonb NOT NULL DEFAULT '[]', "active" boolean NOT NULL DEFAULT false, "reply_due_working_days" integer NOT NULL DEFAULT '10', "version" integer NOT NULL DEFAULT '1', "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_b902060a7ad10adcff217b025fa" PRIMARY KEY ("code"))`,
    );
    await q.query(
      `CREATE TABLE "case_referrals" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "case_id" uuid NOT NULL, "org_unit_code" text NOT NULL, "route" text NOT NULL, "status" text NOT NULL, "ftz" boolean NOT NULL DEFAULT false, "reason" text NOT NULL, "referred_on" date NOT NULL, "receiving_body" text, "reference" text, "outcome" text, "outcome_on" date, "outcome_summary" text, "version" integer NOT NULL DEFAULT '1', "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_68421083c18848523cfd2e72a2d" PRIMARY KEY ("id"))`,
    );
    await q.query(`CREATE INDEX "ix_case_referrals_route" ON "case_referrals"  ("route", "status")`);
    await q.query(`CREATE UNIQUE INDEX "ux_case_referrals_case" ON "case_referrals"  ("case_id")`);
    await q.query(
      `CREATE TABLE "transfer_events" ("id" BIGSERIAL NOT NULL, "transfer_id" uuid NOT NULL, "at" TIMESTAMP WITH TIME ZONE NOT NULL, "actor_id" uuid, "action" text NOT NULL, "from_status" text, "to_status" text NOT NULL, "payload" jsonb, CONSTRAINT "PK_442bdad320e6f0bc2507749917c" PRIMARY KEY ("id"))`,
    );
    await q.query(`CREATE INDEX "ix_transfer_events_transfer" ON "transfer_events"  ("transfer_id", "id")`);
    await q.query(
      `CREATE TABLE "transfer_files" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "transfer_id" uuid NOT NULL, "role" text NOT NULL, "source" text NOT NULL, "case_evidence_id" uuid, "remote_id" uuid, "remote_path" text, "file_name" text NOT NULL, "content_type" text NOT NULL, "size" bigint NOT NULL, "sha256" character(64) NOT NULL, "description" text NOT NULL DEFAULT '', "storage_key" text, "fetched_sha256" character(64), "expires_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_fa8c08622e60c48716ea32a3bf5" PRIMARY KEY ("id"))`,
    );
    await q.query(`CREATE UNIQUE INDEX "ux_transfer_files_remote" ON "transfer_files"  ("transfer_id", "remote_id")`);
    await q.query(`CREATE INDEX "ix_transfer_files_transfer" ON "transfer_files"  ("transfer_id")`);
    await q.query(
      `CREATE TABLE "transfer_messages" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "transfer_id" uuid NOT NULL, "direction" text NOT NULL, "message_id" uuid NOT NULL, "status" text NOT NULL, "payload" jsonb NOT NULL, "sent_at" TIMESTAMP WITH TIME ZONE, "attempts" integer NOT NULL DEFAULT '0', "last_error" text, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_8f8cb78c3e6ed4fb0504459f171" PRIMARY KEY ("id"))`,
    );
    await q.query(`CREATE INDEX "ix_transfer_messages_transfer" ON "transfer_messages"  ("transfer_id")`);
    await q.query(`CREATE UNIQUE INDEX "ux_transfer_messages_message" ON "transfer_messages"  ("direction", "message_id")`);
    await q.query(
      `CREATE TABLE "transfers" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "direction" text NOT NULL, "kind" text NOT NULL, "status" text NOT NULL, "partner_code" text NOT NULL, "org_unit_code" text NOT NULL, "case_id" uuid, "exchange_id" uuid NOT NULL, "reason" text NOT NULL, "requested_items" jsonb NOT NULL DEFAULT '[]', "requested_by" uuid, "dossier" jsonb, "dossier_sha256" text, "origin_case_no" text, "partner_case_no" text, "return_reason" text, "decline_reason" text, "result" text, "delivered_on" date, "reply_due" date, "replied_on" date, "reply_working_days" integer, "attempts" integer NOT NULL DEFAULT '0', "last_error" text, "key_id" text, "integrity_problem" jsonb, "reminded_for" date, "escalated_for" date, "version" integer NOT NULL DEFAULT '1', "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_f712e908b465e0085b4408cabc3" PRIMARY KEY ("id"))`,
    );
    await q.query(`CREATE INDEX "ix_transfers_case" ON "transfers"  ("case_id")`);
    await q.query(`CREATE INDEX "ix_transfers_list" ON "transfers"  ("created_at", "id")`);
    await q.query(`CREATE UNIQUE INDEX "ux_transfers_exchange" ON "transfers"  ("direction", "partner_code", "exchange_id")`);
    await q.query(
      `CREATE UNIQUE INDEX "ux_transfers_open_per_case" ON "transfers" ("case_id", "kind")
        WHERE "direction" = 'out' AND "status" IN ('requested', 'approved', 'sending', 'delivered', 'failed')`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE "transfers"`);
    await q.query(`DROP TABLE "transfer_messages"`);
    await q.query(`DROP TABLE "transfer_files"`);
    await q.query(`DROP TABLE "transfer_events"`);
    await q.query(`DROP TABLE "case_referrals"`);
    await q.query(`DROP TABLE "exchange_partners"`);
    await q.query(`DROP TABLE "case_liaisons"`);
    await q.query(`DROP TABLE "exchange_nonces"`);
  }
}
