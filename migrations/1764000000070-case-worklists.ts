import { MigrationInterface, QueryRunner } from 'typeorm';

// The deadline in force (libs/cases/src/domain/deadline-in-force.ts; its SQL form is deadlineInForceSql), written out
// here because a landed migration must not change when the code does. Ended cases sort last.
const DEADLINE_ORDER = `(coalesce(CASE WHEN status = 'received' THEN filing_decision_due
     WHEN status IN ('not_filed', 'closed', 'transferred_out') THEN NULL
     ELSE coalesce(extended_closing_due, closing_due) END, '9999-12-31'::date))`;

/**
 * Worklists and list headers:
 * - `assignedTo=me` reads a GIN index on the officers of a case;
 * - `sort=deadline` walks an index on the deadline in force, nearest first;
 * - the approval inbox reads the cases waiting for a supervisor from a small partial index;
 * - `GET /cases/counts` reads kept counts per unit, status and type, maintained by a deferred constraint trigger on
 *   cases (it runs at commit, so a count row is locked for the commit only, not for the whole intake transaction).
 */
export class CaseWorklists1764000000070 implements MigrationInterface {
  name = 'CaseWorklists1764000000070';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE INDEX "ix_cases_assigned" ON "cases" USING gin ("assigned_officer_ids")`);
    await q.query(`CREATE INDEX "ix_cases_deadline_order" ON "cases" (${DEADLINE_ORDER}, "id")`);
    await q.query(
      `CREATE INDEX "ix_cases_awaiting_approval" ON "cases" ("org_unit_code") WHERE status = 'pending_decision' OR extension_pending`,
    );
    await q.query(
      `CREATE TABLE "case_status_counts" ("org_unit_code" text NOT NULL, "status" text NOT NULL, "type" text NOT NULL,
         "n" bigint NOT NULL DEFAULT 0, CONSTRAINT "PK_case_status_counts" PRIMARY KEY ("org_unit_code", "status", "type"))`,
    );
    await q.query(`CREATE FUNCTION ped_case_status_counts() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP IN ('UPDATE', 'DELETE') THEN
          UPDATE case_status_counts SET n = n - 1
           WHERE org_unit_code = OLD.org_unit_code AND status = OLD.status AND type = OLD.type;
        END IF;
        IF TG_OP IN ('INSERT', 'UPDATE') THEN
          INSERT INTO case_status_counts (org_unit_code, status, type, n) VALUES (NEW.org_unit_code, NEW.status, NEW.type, 1)
          ON CONFLICT (org_unit_code, status, type) DO UPDATE SET n = case_status_counts.n + 1;
        END IF;
        RETURN NULL;
      END $$`);
    await q.query(`CREATE CONSTRAINT TRIGGER "tr_case_status_counts_ins" AFTER INSERT OR DELETE ON "cases"
      DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION ped_case_status_counts()`);
    await q.query(`CREATE CONSTRAINT TRIGGER "tr_case_status_counts_upd" AFTER UPDATE OF status, org_unit_code, type ON "cases"
      DEFERRABLE INITIALLY DEFERRED FOR EACH ROW
      WHEN (OLD.status IS DISTINCT FROM NEW.status OR OLD.org_unit_code IS DISTINCT FROM NEW.org_unit_code OR OLD.type IS DISTINCT FROM NEW.type)
      EXECUTE FUNCTION ped_case_status_counts()`);
    await q.query(
      `INSERT INTO case_status_counts (org_unit_code, status, type, n) SELECT org_unit_code, status, type, count(*) FROM cases GROUP BY 1, 2, 3`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TRIGGER "tr_case_status_counts_upd" ON "cases"`);
    await q.query(`DROP TRIGGER "tr_case_status_counts_ins" ON "cases"`);
    await q.query(`DROP FUNCTION ped_case_status_counts()`);
    await q.query(`DROP TABLE "case_status_counts"`);
    await q.query(`DROP INDEX "ix_cases_awaiting_approval"`);
    await q.query(`DROP INDEX "ix_cases_deadline_order"`);
    await q.query(`DROP INDEX "ix_cases_assigned"`);
  }
}
