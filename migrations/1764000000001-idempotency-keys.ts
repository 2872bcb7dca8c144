import { MigrationInterface, QueryRunner } from 'typeorm';

/** Idempotency-Key support for creating POSTs: the first response per (user, key), kept 24 hours. */
export class IdempotencyKeys1764000000001 implements MigrationInterface {
  name = 'IdempotencyKeys1764000000001';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE "idempotency_keys" (
      "user_id" uuid NOT NULL, "key" text NOT NULL, "request_hash" character(64) NOT NULL, "state" text NOT NULL,
      "response_status" integer, "response_body" jsonb,
      "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
      CONSTRAINT "PK_392b1af86f210d98d3f0c764728" PRIMARY KEY ("user_id", "key"))`);
    await q.query(`CREATE INDEX "ix_idempotency_keys_created" ON "idempotency_keys" ("created_at")`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE "idempotency_keys"`);
  }
}
