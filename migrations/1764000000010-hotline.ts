import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * 12330 hotline tickets: the ticket (caller phone and ID number encrypted, masked, the phone also as a blind index),
 * its patents (normalised), timeline, SLA alert keys and early-warning alerts. Generated from the entities and reviewed:
 * every duplicate key is indexed with created_at (the 30-day lookups read index ranges); partial indexes serve the SLA
 * sweep; one open alert per (kind, key) is a unique partial index (once per crossing).
 */
export class Hotline1764000000010 implements MigrationInterface {
  name = 'Hotline1764000000010';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      `CREATE TABLE "hotline_tickets" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "ticket_no" text NOT NULL, "channel" text NOT NULL, "category" text NOT NULL, "status" text NOT NULL, "callback_recorded" boolean NOT NULL DEFAULT false, "caller_anonymous" boolean NOT NULL DEFAULT false, "caller_name" text, "caller_organization" text, "caller_phone_enc" text, "caller_phone_masked" text, "caller_phone_index" text, "caller_id_number_enc" text, "caller_id_number_masked" text, "subject" text NOT NULL, "description" text NOT NULL, "respondent_name" text, "respondent_key" text, "industry" text, "industry_key" text, "patent_numbers" text array NOT NULL DEFAULT '{}', "org_unit_code" text, "case_id" uuid, "first_response_due" date NOT NULL, "resolution_due" date NOT NULL, "callback_due" date, "first_responded_at" TIMESTAMP WITH TIME ZONE, "resolved_at" TIMESTAMP WITH TIME ZONE, "closed_at" TIMESTAMP WITH TIME ZONE, "closed_on" date, "reopen_count" integer NOT NULL DEFAULT '0', "response" text, "outcome" jsonb, "satisfaction" integer, "callback_note" text, "callback_at" TIMESTAMP WITH TIME ZONE, "possible_duplicates" jsonb NOT NULL DEFAULT '[]', "created_by" uuid, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "version" integer NOT NULL DEFAULT '1', CONSTRAINT "UQ_50873d808e47de8afe80216ac82" UNIQUE ("ticket_no"), CONSTRAINT "PK_31418d823fc3b145356df58abec" PRIMARY KEY ("id"))`,
    );
    await q.query(`CREATE INDEX "ix_hotline_tickets_created" ON "hotline_tickets"  ("created_at", "id") `);
    await q.query(
      `CREATE INDEX "ix_hotline_tickets_respondent" ON "hotline_tickets"  ("respondent_key", "created_at") WHERE respondent_key IS NOT NULL`,
    );
    await q.query(
      `CREATE INDEX "ix_hotline_tickets_phone" ON "hotline_tickets"  ("caller_phone_index", "created_at") WHERE caller_phone_index IS NOT NULL`,
    );
    await q.query(
      `CREATE INDEX "ix_hotline_tickets_industry" ON "hotline_tickets"  ("industry_key", "created_at") WHERE industry_key IS NOT NULL`,
    );
    await q.query(`CREATE INDEX "ix_hotline_tickets_unit" ON "hotline_tickets"  ("org_unit_code", "created_at") `);
    await q.query(`CREATE INDEX "ix_hotline_tickets_case" ON "hotline_tickets"  ("case_id") WHERE case_id IS NOT NULL`);
    await q.query(
      `CREATE INDEX "ix_hotline_tickets_first_response_due" ON "hotline_tickets"  ("first_response_due") WHERE first_responded_at IS NULL AND status NOT IN ('closed', 'converted')`,
    );
    await q.query(
      `CREATE INDEX "ix_hotline_tickets_resolution_due" ON "hotline_tickets"  ("resolution_due") WHERE status NOT IN ('closed', 'converted')`,
    );
    await q.query(
      `CREATE INDEX "ix_hotline_tickets_callback_due" ON "hotline_tickets"  ("callback_due") WHERE status = 'closed' AND NOT callback_recorded`,
    );
    await q.query(
      `CREATE TABLE "hotline_ticket_events" ("id" BIGSERIAL NOT NULL, "ticket_id" uuid NOT NULL, "at" TIMESTAMP WITH TIME ZONE NOT NULL, "actor_id" uuid, "action" text NOT NULL, "from_status" text, "to_status" text NOT NULL, "payload" jsonb, CONSTRAINT "PK_8be827a13b8b71c96ea86c26c4c" PRIMARY KEY ("id"))`,
    );
    await q.query(`CREATE INDEX "ix_hotline_ticket_events_ticket" ON "hotline_ticket_events"  ("ticket_id", "id") `);
    await q.query(
      `CREATE TABLE "hotline_ticket_patents" ("ticket_id" uuid NOT NULL, "normalized" text NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "PK_988be1e78ae358c470b15562883" PRIMARY KEY ("ticket_id", "normalized"))`,
    );
    await q.query(`CREATE INDEX "ix_hotline_ticket_patents_created" ON "hotline_ticket_patents"  ("created_at") `);
    await q.query(`CREATE INDEX "ix_hotline_ticket_patents_number" ON "hotline_ticket_patents"  ("normalized", "created_at") `);
    await q.query(
      `CREATE TABLE "hotline_alerts" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "kind" text NOT NULL, "key" text NOT NULL, "label" text NOT NULL, "window_days" integer NOT NULL, "threshold" integer NOT NULL, "ticket_count" integer NOT NULL, "ticket_ids" uuid array NOT NULL, "raised_at" TIMESTAMP WITH TIME ZONE NOT NULL, "cleared_at" TIMESTAMP WITH TIME ZONE, "acknowledged_at" TIMESTAMP WITH TIME ZONE, "acknowledged_by" uuid, "version" integer NOT NULL DEFAULT '1', CONSTRAINT "PK_e8a1fcd7fdd4bc185e9dc08c116" PRIMARY KEY ("id"))`,
    );
    await q.query(`CREATE INDEX "ix_hotline_alerts_raised" ON "hotline_alerts"  ("raised_at", "id") `);
    await q.query(`CREATE UNIQUE INDEX "ux_hotline_alerts_open" ON "hotline_alerts"  ("kind", "key") WHERE cleared_at IS NULL`);
    // one row per (ticket, SLA, kind, due date): the SLA sweep's idempotency key
    await q.query(
      `CREATE TABLE "hotline_sla_alerts" ("ticket_id" uuid NOT NULL, "sla" text NOT NULL, "kind" text NOT NULL, "due_on" date NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_db8c539e9711bb33a6b840a4ccc" PRIMARY KEY ("ticket_id", "sla", "kind", "due_on"))`,
    );
    await q.query(
      `ALTER TABLE "hotline_tickets" ADD CONSTRAINT "FK_4e0a330f7b395ecfc6d51230fe2" FOREIGN KEY ("case_id") REFERENCES "cases"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "hotline_ticket_events" ADD CONSTRAINT "FK_56f5ca67eb60827f0daa4c2b587" FOREIGN KEY ("ticket_id") REFERENCES "hotline_tickets"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "hotline_ticket_patents" ADD CONSTRAINT "FK_51fd5a514245fa47e75c58115a0" FOREIGN KEY ("ticket_id") REFERENCES "hotline_tickets"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "hotline_sla_alerts" ADD CONSTRAINT "FK_3156b9cf8c9eef1777ecc343163" FOREIGN KEY ("ticket_id") REFERENCES "hotline_tickets"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE "hotline_sla_alerts"`);
    await q.query(`DROP TABLE "hotline_alerts"`);
    await q.query(`DROP TABLE "hotline_ticket_patents"`);
    await q.query(`DROP TABLE "hotline_ticket_events"`);
    await q.query(`DROP TABLE "hotline_tickets"`);
  }
}
