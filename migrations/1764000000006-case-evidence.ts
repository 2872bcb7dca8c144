import { MigrationInterface, QueryRunner } from 'typeorm';

/** Evidence files of cases: metadata and the sha256 taken on upload (the bytes live in the evidence storage). */
export class CaseEvidence1764000000006 implements MigrationInterface {
  name = 'CaseEvidence1764000000006';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      `CREATE TABLE "case_evidence" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "case_id" uuid NOT NULL, "file_name" text NOT NULL, "content_type" text NOT NULL, "size" bigint NOT NULL, "sha256" character(64) NOT NULL, "storage_key" text NOT NULL, "description" text NOT NULL, "uploaded_by" uuid NOT NULL, "uploaded_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_7e55406e1eb2dce1502f4e1f634" PRIMARY KEY ("id"))`,
    );
    await q.query(`CREATE INDEX "ix_case_evidence_case" ON "case_evidence"  ("case_id", "uploaded_at")`);
    await q.query(
      `ALTER TABLE "case_evidence" ADD CONSTRAINT "FK_3a9c4f87d3146ebab13d1d9cad7" FOREIGN KEY ("case_id") REFERENCES "cases"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE "case_evidence"`);
  }
}
