import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Credit-platform publications of penalty decisions (one per decision and respondent; the unique key makes a second
 * creation impossible), and the 统一社会信用代码 of org units (处罚机关 / 数据来源单位 on the record). Generated from
 * the entities and reviewed: partial indexes serve the sweeps (undelivered by due date, published by display end).
 */
export class CreditPublications1764000000020 implements MigrationInterface {
  name = 'CreditPublications1764000000020';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "org_units" ADD "uscc" text`);
    await q.query(
      `CREATE TABLE "credit_publications" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "case_id" uuid NOT NULL, "party_id" uuid NOT NULL, "org_unit_code" text NOT NULL, "status" text NOT NULL, "decided_on" date NOT NULL, "due_on" date NOT NULL, "display_until" date NOT NULL, "record" jsonb NOT NULL, "mapping_errors" jsonb NOT NULL DEFAULT '[]', "platform_receipt_id" text, "attempts" integer NOT NULL DEFAULT '0', "last_error" text, "last_attempt_at" TIMESTAMP WITH TIME ZONE, "published_at" TIMESTAMP WITH TIME ZONE, "withdraw_reason" text, "removal_pending" boolean NOT NULL DEFAULT false, "removal_due_on" date, "removed_at" TIMESTAMP WITH TIME ZONE, "overdue_notified_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "version" integer NOT NULL DEFAULT '1', CONSTRAINT "PK_8dfd26515020915e9ea28f8e931" PRIMARY KEY ("id"))`,
    );
    await q.query(`CREATE UNIQUE INDEX "ux_credit_publications_case_party" ON "credit_publications"  ("case_id", "party_id")`);
    await q.query(`CREATE INDEX "ix_credit_publications_created" ON "credit_publications"  ("created_at", "id")`);
    await q.query(`CREATE INDEX "ix_credit_publications_unit" ON "credit_publications"  ("org_unit_code", "created_at", "id")`);
    await q.query(
      `CREATE INDEX "ix_credit_publications_undelivered" ON "credit_publications"  ("due_on") WHERE status IN ('pending', 'submitted', 'rejected', 'failed')`,
    );
    await q.query(`CREATE INDEX "ix_credit_publications_display" ON "credit_publications"  ("display_until") WHERE status = 'published'`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE "credit_publications"`);
    await q.query(`ALTER TABLE "org_units" DROP COLUMN "uscc"`);
  }
}
