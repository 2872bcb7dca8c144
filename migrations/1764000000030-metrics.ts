import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Metrics: counter cells kept in the business transactions (metric × month × unit × dimension), annual targets
 * (append-only history: the database refuses UPDATE and DELETE), and rolled-up live states with their time.
 */
export class Metrics1764000000030 implements MigrationInterface {
  name = 'Metrics1764000000030';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      `CREATE TABLE "metric_counts" ("metric" text NOT NULL, "period" date NOT NULL, "org_unit_code" text NOT NULL, "dimension" text NOT NULL DEFAULT '', "value" bigint NOT NULL DEFAULT '0', CONSTRAINT "PK_fb698c90091aadeb450d30aa2ae" PRIMARY KEY ("metric", "period", "org_unit_code", "dimension"))`,
    );
    await q.query(
      `CREATE TABLE "metric_gauges" ("metric" text NOT NULL, "org_unit_code" text NOT NULL, "value" bigint NOT NULL, "computed_at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "PK_61fe54f4380614593d3dbbe77ac" PRIMARY KEY ("metric", "org_unit_code"))`,
    );
    await q.query(
      `CREATE TABLE "metric_targets" ("id" BIGSERIAL NOT NULL, "year" integer NOT NULL, "org_unit_code" text NOT NULL, "target" integer NOT NULL, "set_by" uuid, "set_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "ck_metric_targets_target" CHECK ("target" >= 0), CONSTRAINT "PK_68024bcec3a0d525dbfcfdfd186" PRIMARY KEY ("id"))`,
    );
    await q.query(`CREATE INDEX "ix_metric_targets_year_unit" ON "metric_targets"  ("year", "org_unit_code", "id")`);
    await q.query(`CREATE FUNCTION metric_targets_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN RAISE EXCEPTION 'metric_targets is append-only: set a new target instead'; END $$`);
    await q.query(`CREATE TRIGGER metric_targets_append_only BEFORE UPDATE OR DELETE ON "metric_targets"
      FOR EACH ROW EXECUTE FUNCTION metric_targets_append_only()`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE "metric_targets"`);
    await q.query(`DROP FUNCTION metric_targets_append_only()`);
    await q.query(`DROP TABLE "metric_gauges"`);
    await q.query(`DROP TABLE "metric_counts"`);
  }
}
