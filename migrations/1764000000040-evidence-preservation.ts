import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * 登记保存: evidence registered for preservation must be decided on within 7 days. The evidence row carries the
 * registration date, the due date, the decision and whether the overdue escalation went out; the sweep's partial
 * index holds only undecided, not yet escalated registrations.
 */
export class EvidencePreservation1764000000040 implements MigrationInterface {
  name = 'EvidencePreservation1764000000040';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "case_evidence"
      ADD "version" integer NOT NULL DEFAULT 1,
      ADD "preserved_on" date,
      ADD "preservation_due" date,
      ADD "preservation_decision" text,
      ADD "preservation_note" text,
      ADD "preservation_decided_on" date,
      ADD "preservation_decided_by" uuid,
      ADD "preservation_escalated" boolean NOT NULL DEFAULT false`);
    await q.query(
      `CREATE INDEX "ix_case_evidence_preservation_due" ON "case_evidence" ("preservation_due")
        WHERE preservation_due IS NOT NULL AND preservation_decided_on IS NULL AND NOT preservation_escalated`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX "ix_case_evidence_preservation_due"`);
    await q.query(`ALTER TABLE "case_evidence"
      DROP COLUMN "preservation_escalated", DROP COLUMN "preservation_decided_by", DROP COLUMN "preservation_decided_on",
      DROP COLUMN "preservation_note", DROP COLUMN "preservation_decision", DROP COLUMN "preservation_due",
      DROP COLUMN "preserved_on", DROP COLUMN "version"`);
  }
}
