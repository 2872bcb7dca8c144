import { MigrationInterface, QueryRunner } from 'typeorm';

const OPEN = `status NOT IN ('received', 'not_filed', 'closed', 'transferred_out') AND NOT suspended`;

/**
 * The deadline sweep stays cheap at a million cases: each case remembers the due date it was last reminded of and
 * escalated for, and the sweep's partial indexes hold only running cases not yet escalated for their current due
 * date. An escalated case leaves the index, so a sweep reads the cases due in the next few working days plus the
 * newly overdue ones, not every overdue case of the register (3.6 s → milliseconds at 660,000 overdue cases).
 */
export class CaseSweepMarks1764000000009 implements MigrationInterface {
  name = 'CaseSweepMarks1764000000009';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "cases" ADD "reminded_for" date, ADD "escalated_for" date`);
    // alerts already sent count as sent: no second reminder or escalation after the upgrade
    for (const [column, kind] of [
      ['reminded_for', 'reminder'],
      ['escalated_for', 'overdue'],
    ]) {
      await q.query(
        `UPDATE "cases" c SET "${column}" = a.due_on
           FROM (SELECT case_id, max(due_on) AS due_on FROM case_deadline_alerts WHERE kind = $1 GROUP BY case_id) a
          WHERE a.case_id = c.id`,
        [kind],
      );
    }
    await q.query(`DROP INDEX "ix_cases_filing_due"`);
    await q.query(`DROP INDEX "ix_cases_closing_due"`);
    await q.query(
      `CREATE INDEX "ix_cases_sweep_filing" ON "cases" ("filing_decision_due")
        WHERE status = 'received' AND NOT suspended AND escalated_for IS DISTINCT FROM filing_decision_due`,
    );
    await q.query(
      `CREATE INDEX "ix_cases_sweep_closing" ON "cases" ((coalesce("extended_closing_due", "closing_due")))
        WHERE ${OPEN} AND escalated_for IS DISTINCT FROM coalesce("extended_closing_due", "closing_due")`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX "ix_cases_sweep_closing"`);
    await q.query(`DROP INDEX "ix_cases_sweep_filing"`);
    await q.query(`CREATE INDEX "ix_cases_closing_due" ON "cases" ((coalesce("extended_closing_due", "closing_due"))) WHERE ${OPEN}`);
    await q.query(`CREATE INDEX "ix_cases_filing_due" ON "cases" ("filing_decision_due") WHERE status = 'received'`);
    await q.query(`ALTER TABLE "cases" DROP COLUMN "escalated_for", DROP COLUMN "reminded_for"`);
  }
}
