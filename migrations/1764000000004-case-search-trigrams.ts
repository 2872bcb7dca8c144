import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Free-text case search (`q`) matches Chinese substrings of party names and partial case, receipt and patent
 * numbers with ILIKE '%…%'; trigram GIN indexes let PostgreSQL answer that without scanning every row.
 * pg_trgm is a trusted extension (PostgreSQL ≥ 13): the database owner may create it.
 */
export class CaseSearchTrigrams1764000000004 implements MigrationInterface {
  name = 'CaseSearchTrigrams1764000000004';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE EXTENSION IF NOT EXISTS pg_trgm`);
    await q.query(`CREATE INDEX "ix_case_parties_name_trgm" ON "case_parties" USING gin ("name" gin_trgm_ops)`);
    await q.query(`CREATE INDEX "ix_case_parties_uscc_trgm" ON "case_parties" USING gin ("uscc" gin_trgm_ops)`);
    await q.query(`CREATE INDEX "ix_case_patents_normalized_trgm" ON "case_patents" USING gin ("normalized" gin_trgm_ops)`);
    await q.query(`CREATE INDEX "ix_cases_numbers_trgm" ON "cases" USING gin ("receipt_no" gin_trgm_ops, "case_no" gin_trgm_ops)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX "ix_cases_numbers_trgm"`);
    await q.query(`DROP INDEX "ix_case_patents_normalized_trgm"`);
    await q.query(`DROP INDEX "ix_case_parties_uscc_trgm"`);
    await q.query(`DROP INDEX "ix_case_parties_name_trgm"`);
    // the extension stays: other objects may use it, and dropping it needs more rights than creating it
  }
}
