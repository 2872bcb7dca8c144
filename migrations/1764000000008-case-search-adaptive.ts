import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Case list at a million rows:
 * - a unit + status filter walks an index already in list order (newest first) instead of filtering the whole
 *   created_at index (unit × status is ~1/150 of the cases);
 * - two-character Chinese searches (e.g. 华为) have no trigram to use: a GIN index over each party name's bigrams
 *   finds them without a scan;
 * - the GIN search indexes stop using a pending list (fastupdate): with it, every search re-read up to 4 MB of
 *   unmerged entries until autovacuum came by (80 ms instead of 2 ms at a million cases). Intakes pay the index
 *   update at once instead, which is small next to the rest of an intake.
 */
const GIN_INDEXES = ['ix_cases_numbers_trgm', 'ix_case_parties_name_trgm', 'ix_case_parties_uscc_trgm', 'ix_case_patents_normalized_trgm'];

export class CaseSearchAdaptive1764000000008 implements MigrationInterface {
  name = 'CaseSearchAdaptive1764000000008';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX "ix_cases_unit_status"`);
    await q.query(`CREATE INDEX "ix_cases_unit_status_created" ON "cases" ("org_unit_code", "status", "created_at", "id")`);
    await q.query(`
      CREATE FUNCTION ped_bigrams(t text) RETURNS text[]
        LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
        AS $$ SELECT coalesce(array_agg(DISTINCT substr(lower(t), i, 2)), '{}')
                FROM generate_series(1, char_length(t) - 1) AS i $$`);
    await q.query(`CREATE INDEX "ix_case_parties_name_bigrams" ON "case_parties" USING gin (ped_bigrams("name")) WITH (fastupdate = off)`);
    for (const ix of GIN_INDEXES) await q.query(`ALTER INDEX "${ix}" SET (fastupdate = off)`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const ix of GIN_INDEXES) await q.query(`ALTER INDEX "${ix}" RESET (fastupdate)`);
    await q.query(`DROP INDEX "ix_case_parties_name_bigrams"`);
    await q.query(`DROP FUNCTION ped_bigrams(text)`);
    await q.query(`DROP INDEX "ix_cases_unit_status_created"`);
    await q.query(`CREATE INDEX "ix_cases_unit_status" ON "cases" ("org_unit_code", "status", "id")`);
  }
}
