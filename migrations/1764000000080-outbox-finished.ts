import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * An outbox row is done when its job has finished (completed, or failed for good), not when it was handed to the
 * queue: the relay reconciles rows handed over but unfinished against the queue and hands over again those whose job
 * the queue lost (a Redis wipe, failover or eviction). Rows dispatched before this migration count as finished.
 */
export class OutboxFinished1764000000080 implements MigrationInterface {
  name = 'OutboxFinished1764000000080';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "outbox_messages" ADD "finished_at" TIMESTAMP WITH TIME ZONE`);
    await q.query(`UPDATE "outbox_messages" SET "finished_at" = "dispatched_at" WHERE "dispatched_at" IS NOT NULL`);
    await q.query(
      `CREATE INDEX "ix_outbox_unfinished" ON "outbox_messages" ("dispatched_at", "id") WHERE dispatched_at IS NOT NULL AND finished_at IS NULL`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX "ix_outbox_unfinished"`);
    await q.query(`ALTER TABLE "outbox_messages" DROP COLUMN "finished_at"`);
  }
}
