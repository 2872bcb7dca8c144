import { MigrationInterface, QueryRunner } from 'typeorm';

/** Gapless counters for case numbers (案号), document numbers (文书编号) and other per-unit, per-year numbers. */
export class NumberSequences1764000000002 implements MigrationInterface {
  name = 'NumberSequences1764000000002';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE "number_sequences" (
      "org_unit_code" text NOT NULL, "year" integer NOT NULL, "kind" text NOT NULL, "last_value" integer NOT NULL DEFAULT '0',
      CONSTRAINT "PK_number_sequences" PRIMARY KEY ("org_unit_code", "year", "kind"))`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE "number_sequences"`);
  }
}
