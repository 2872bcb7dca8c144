import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The penalty procedure of the Administrative Penalty Law (2021): a case keeps its procedure record (advance notice,
 * statement, hearing, legal review, service records, payments; the dispute's service and answer) as one jsonb value,
 * read and written with the case under its row lock, and the day the decision must be served by (Art. 61), which the
 * deadline sweep reads through a partial index of decided cases.
 */
export class PenaltyProcedure1764000000090 implements MigrationInterface {
  name = 'PenaltyProcedure1764000000090';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "cases" ADD "service_due_on" date`);
    await q.query(`ALTER TABLE "cases" ADD "procedure" jsonb NOT NULL DEFAULT '{}'`);
    await q.query(
      `CREATE INDEX "ix_cases_service_due" ON "cases" ("service_due_on") WHERE status = 'decided' AND service_due_on IS NOT NULL`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX "ix_cases_service_due"`);
    await q.query(`ALTER TABLE "cases" DROP COLUMN "procedure"`);
    await q.query(`ALTER TABLE "cases" DROP COLUMN "service_due_on"`);
  }
}
