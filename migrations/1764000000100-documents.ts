import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Documents (文书) of cases and the admins' templates. A document row names its DOCX and PDF files in the evidence
 * storage with their sha256 (checked before every download); versions per case and kind are unique and each names the
 * version it supersedes. Templates keep every upload (documents name the version they were filled from); the default
 * set is version 0 and lives with the code. Generated from the entities and reviewed.
 */
export class Documents1764000000100 implements MigrationInterface {
  name = 'Documents1764000000100';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      `CREATE TABLE "case_documents" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "case_id" uuid NOT NULL, "kind" text NOT NULL, "version" integer NOT NULL, "supersedes_id" uuid, "document_no" text, "template_version" integer NOT NULL, "case_version" integer NOT NULL, "docx_key" text NOT NULL, "docx_sha256" character(64) NOT NULL, "docx_size" integer NOT NULL, "pdf_key" text NOT NULL, "pdf_sha256" character(64) NOT NULL, "pdf_size" integer NOT NULL, "generated_by" uuid NOT NULL, "generated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_9a2d2ceeefa232f683c414986ad" PRIMARY KEY ("id"))`,
    );
    await q.query(`CREATE INDEX "ix_case_documents_case" ON "case_documents"  ("case_id", "generated_at") `);
    await q.query(`CREATE UNIQUE INDEX "ux_case_documents_case_kind_version" ON "case_documents"  ("case_id", "kind", "version") `);
    await q.query(
      `ALTER TABLE "case_documents" ADD CONSTRAINT "FK_e9303ee9a99d1edb33f3e17b3b7" FOREIGN KEY ("case_id") REFERENCES "cases"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "case_documents" ADD CONSTRAINT "FK_671bb5c77425ad7b90352caa3d3" FOREIGN KEY ("supersedes_id") REFERENCES "case_documents"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await q.query(
      `CREATE TABLE "document_templates" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "kind" text NOT NULL, "version" integer NOT NULL, "file_name" text NOT NULL, "content" bytea NOT NULL, "sha256" character(64) NOT NULL, "uploaded_by" uuid NOT NULL, "uploaded_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_0372838b7b7cd3571aef80466d1" PRIMARY KEY ("id"))`,
    );
    await q.query(`CREATE UNIQUE INDEX "ux_document_templates_kind_version" ON "document_templates"  ("kind", "version") `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE "document_templates"`);
    await q.query(`DROP TABLE "case_documents"`);
  }
}
