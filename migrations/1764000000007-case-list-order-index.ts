import { MigrationInterface, QueryRunner } from 'typeorm';

/** The case list is newest first with a (created_at, id) cursor: an index in that order avoids sorting the table. */
export class CaseListOrderIndex1764000000007 implements MigrationInterface {
  name = 'CaseListOrderIndex1764000000007';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE INDEX "ix_cases_created" ON "cases" ("created_at", "id")`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX "ix_cases_created"`);
  }
}
