import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Counter cells get a shard: every business transaction that counts (an intake, a filing, a publication) used to
 * update the same row of its unit and month, so concurrent writers queued on that one row lock until each COMMIT —
 * the credit delivery's main wait under load. A writer now adds to the shard of its database connection
 * (`pg_backend_pid() % 16`): two connections rarely meet on a row, one connection never waits on itself, and a cell
 * has at most 16 rows. Every reader already sums `value` over its filter; a cell's value is the sum of its shards.
 * Existing rows become shard 0.
 */
export class MetricCountShards1764000000110 implements MigrationInterface {
  name = 'MetricCountShards1764000000110';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "metric_counts" ADD "shard" smallint NOT NULL DEFAULT 0`);
    await q.query(`ALTER TABLE "metric_counts" DROP CONSTRAINT "PK_fb698c90091aadeb450d30aa2ae"`);
    await q.query(
      `ALTER TABLE "metric_counts" ADD CONSTRAINT "PK_metric_counts_shard" PRIMARY KEY ("metric", "period", "org_unit_code", "dimension", "shard")`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TEMP TABLE metric_counts_folded AS
      SELECT metric, period, org_unit_code, dimension, sum(value)::bigint AS value FROM metric_counts GROUP BY 1, 2, 3, 4`);
    await q.query(`DELETE FROM "metric_counts"`);
    await q.query(`ALTER TABLE "metric_counts" DROP CONSTRAINT "PK_metric_counts_shard"`);
    await q.query(`ALTER TABLE "metric_counts" DROP COLUMN "shard"`);
    await q.query(`INSERT INTO "metric_counts" (metric, period, org_unit_code, dimension, value) SELECT * FROM metric_counts_folded`);
    await q.query(`DROP TABLE metric_counts_folded`);
    await q.query(
      `ALTER TABLE "metric_counts" ADD CONSTRAINT "PK_fb698c90091aadeb450d30aa2ae" PRIMARY KEY ("metric", "period", "org_unit_code", "dimension")`,
    );
  }
}
