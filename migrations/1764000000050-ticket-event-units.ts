import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Hotline KPIs: each ticket step records the org unit the ticket was with after it (null: the 12330 centre), so the
 * hotline counts (kept per unit in the step's transaction) can be recomputed exactly by `metrics:rebuild` even after
 * a reopened ticket moves to another unit. Steps taken before this migration get the ticket's current unit.
 */
export class TicketEventUnits1764000000050 implements MigrationInterface {
  name = 'TicketEventUnits1764000000050';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "hotline_ticket_events" ADD "org_unit_code" text`);
    await q.query(
      `UPDATE "hotline_ticket_events" e SET "org_unit_code" = t."org_unit_code" FROM "hotline_tickets" t WHERE t."id" = e."ticket_id"`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "hotline_ticket_events" DROP COLUMN "org_unit_code"`);
  }
}
