import { MigrationInterface, QueryRunner } from 'typeorm';

/** Official schedule days loaded by an admin; they beat the packaged statutory calendar. */
export class CalendarDays1764000000005 implements MigrationInterface {
  name = 'CalendarDays1764000000005';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE "calendar_days" (
      "day" date NOT NULL, "kind" text NOT NULL, "source" text NOT NULL,
      "loaded_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
      CONSTRAINT "PK_calendar_days" PRIMARY KEY ("day"),
      CONSTRAINT "ck_calendar_days_kind" CHECK ("kind" IN ('workday', 'holiday')))`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE "calendar_days"`);
  }
}
