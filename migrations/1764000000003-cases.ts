import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Cases (intake first): the case row with its statutory deadlines, parties (ID numbers and phones encrypted, with
 * masks), patents (normalised numbers for search) and the timeline. Generated from the entities and reviewed:
 * partial indexes serve the deadline sweeps (received → filing due; open → closing due).
 */
export class Cases1764000000003 implements MigrationInterface {
  name = 'Cases1764000000003';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      `CREATE TABLE "cases" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "receipt_no" text NOT NULL, "case_no" text, "decision_no" text, "type" text NOT NULL, "source" text NOT NULL, "status" text NOT NULL, "suspended" boolean NOT NULL DEFAULT false, "extension_pending" boolean NOT NULL DEFAULT false, "org_unit_code" text NOT NULL, "received_on" date NOT NULL, "filed_on" date, "closed_on" date, "hearing_on" date, "decided_on" date, "served_on" date, "paused_since" date, "pending_extension_days" integer, "filing_decision_due" date NOT NULL, "closing_due" date, "extended_closing_due" date, "paused_days" integer NOT NULL DEFAULT '0', "extension_days" integer NOT NULL DEFAULT '0', "summary" text NOT NULL, "ftz" boolean NOT NULL DEFAULT false, "fast_track" boolean NOT NULL DEFAULT false, "report_received" boolean NOT NULL DEFAULT false, "ecommerce" jsonb, "assigned_officer_ids" uuid array NOT NULL DEFAULT '{}', "recused_officer_ids" uuid array NOT NULL DEFAULT '{}', "decision" jsonb, "outcome" jsonb, "created_by" uuid, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "version" integer NOT NULL DEFAULT '1', CONSTRAINT "UQ_468c29fe17fce727cafe7219f48" UNIQUE ("receipt_no"), CONSTRAINT "UQ_c0328c622060cdb7e0c40503046" UNIQUE ("case_no"), CONSTRAINT "UQ_2431816070ac2e1f6437f4ab318" UNIQUE ("decision_no"), CONSTRAINT "PK_264acb3048c240fb89aa34626db" PRIMARY KEY ("id"))`,
    );
    await q.query(
      `CREATE INDEX "ix_cases_closing_due" ON "cases" ((coalesce("extended_closing_due", "closing_due"))) WHERE status NOT IN ('received', 'not_filed', 'closed', 'transferred_out') AND NOT suspended`,
    );
    await q.query(`CREATE INDEX "ix_cases_filing_due" ON "cases"  ("filing_decision_due") WHERE status = 'received'`);
    await q.query(`CREATE INDEX "ix_cases_unit_status" ON "cases"  ("org_unit_code", "status", "id")`);
    // one row per (case, kind, due date): the deadline sweep's idempotency key — a reminder or escalation is sent once
    await q.query(
      `CREATE TABLE "case_deadline_alerts" ("case_id" uuid NOT NULL CONSTRAINT "FK_1e213ad1ce6e14b0ce421d5c649" REFERENCES "cases"("id") ON DELETE CASCADE, "kind" text NOT NULL, "due_on" date NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_case_deadline_alerts" PRIMARY KEY ("case_id", "kind", "due_on"))`,
    );
    await q.query(
      `CREATE TABLE "case_events" ("id" BIGSERIAL NOT NULL, "case_id" uuid NOT NULL, "at" TIMESTAMP WITH TIME ZONE NOT NULL, "actor_id" uuid, "action" text NOT NULL, "from_status" text, "to_status" text NOT NULL, "payload" jsonb, CONSTRAINT "PK_61f203ee26b76c6438bbcc7bde6" PRIMARY KEY ("id"))`,
    );
    await q.query(`CREATE INDEX "ix_case_events_case" ON "case_events"  ("case_id", "id")`);
    await q.query(
      `CREATE TABLE "case_parties" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "case_id" uuid NOT NULL, "role" text NOT NULL, "ordinal" integer NOT NULL, "kind" text NOT NULL, "name" text NOT NULL, "requester_role" text, "uscc" text, "id_number_enc" text, "id_number_masked" text, "legal_representative" text, "address" text, "phone_enc" text, "phone_masked" text, CONSTRAINT "PK_06bc2ff7e3027f10692a04bd22b" PRIMARY KEY ("id"))`,
    );
    await q.query(`CREATE INDEX "ix_case_parties_uscc" ON "case_parties"  ("uscc")`);
    await q.query(`CREATE INDEX "ix_case_parties_case" ON "case_parties"  ("case_id", "role", "ordinal")`);
    await q.query(
      `CREATE TABLE "case_patents" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "case_id" uuid NOT NULL, "ordinal" integer NOT NULL, "number" text NOT NULL, "normalized" text NOT NULL, "kind" text NOT NULL, "title" text, CONSTRAINT "PK_18e6dc69b9db64e7dfa07d1813a" PRIMARY KEY ("id"))`,
    );
    await q.query(`CREATE INDEX "ix_case_patents_normalized" ON "case_patents"  ("normalized")`);
    await q.query(`CREATE INDEX "ix_case_patents_case" ON "case_patents"  ("case_id", "ordinal")`);
    await q.query(
      `ALTER TABLE "case_parties" ADD CONSTRAINT "FK_1d74697ed0b9ad0fccd160d273a" FOREIGN KEY ("case_id") REFERENCES "cases"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "case_patents" ADD CONSTRAINT "FK_83acab9b3a2644c45995bdcefda" FOREIGN KEY ("case_id") REFERENCES "cases"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE "case_deadline_alerts"`);
    await q.query(`DROP TABLE "case_patents"`);
    await q.query(`DROP TABLE "case_parties"`);
    await q.query(`DROP TABLE "case_events"`);
    await q.query(`DROP TABLE "cases"`);
  }
}
