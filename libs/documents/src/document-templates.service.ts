import { createHash } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { AuditWriter } from '@app/audit';
import { ActorContext, AuthUser, shanghaiDateTime, TransactionRunner } from '@app/kernel';
import { EntityManager } from 'typeorm';
import { DOCUMENT_KIND_SPECS, DOCUMENT_KINDS, DocumentKind } from './domain';
import { DocumentTemplateResponse } from './http/dto/document-response';
import { DocumentsRepository } from './persistence/documents.repository';
import { checkTemplate, defaultTemplate } from './render';

const sha256 = (b: Buffer) => createHash('sha256').update(b).digest('hex');

/** The templates documents are filled from: the default set, or the newest upload of the kind. */
@Injectable()
export class DocumentTemplatesService {
  constructor(
    private readonly tx: TransactionRunner,
    private readonly repo: DocumentsRepository,
    private readonly audit: AuditWriter,
  ) {}

  async inForce(em: EntityManager, kind: DocumentKind): Promise<{ content: Buffer; version: number; fileName: string }> {
    const custom = await this.repo.templateInForce(em, kind);
    return custom
      ? { content: custom.content, version: custom.version, fileName: custom.fileName }
      : { content: defaultTemplate(kind), version: 0, fileName: `${kind}.docx` };
  }

  async list(): Promise<DocumentTemplateResponse[]> {
    const custom = new Map((await this.repo.templatesInForce()).map((t) => [t.kind, t]));
    const names = await this.repo.userNames([...custom.values()].map((t) => t.uploadedBy));
    return DOCUMENT_KINDS.map((kind) => {
      const t = custom.get(kind);
      const name = DOCUMENT_KIND_SPECS[kind].nameZh;
      if (!t)
        return {
          kind,
          name,
          version: 0,
          source: 'default' as const,
          sha256: sha256(defaultTemplate(kind)),
          fileName: `${kind}.docx`,
          uploadedBy: null,
          uploadedAt: null,
          uploadedAtShanghai: null,
        };
      return {
        kind,
        name,
        version: t.version,
        source: 'custom' as const,
        sha256: t.sha256,
        fileName: t.fileName,
        uploadedBy: { id: t.uploadedBy, name: names.get(t.uploadedBy) ?? null },
        uploadedAt: t.uploadedAt.toISOString(),
        uploadedAtShanghai: shanghaiDateTime(t.uploadedAt),
      };
    });
  }

  async content(kind: DocumentKind): Promise<{ content: Buffer; version: number; fileName: string }> {
    return this.inForce(this.tx.manager, kind);
  }

  /** An admin's template for `kind`, checked (a .docx docxtemplater parses, known tags only), in force from now on. */
  async replace(
    user: AuthUser,
    actor: ActorContext,
    kind: DocumentKind,
    fileName: string,
    content: Buffer,
  ): Promise<DocumentTemplateResponse> {
    checkTemplate(kind, content);
    const digest = sha256(content);
    await this.tx.run(async (em) => {
      const before = await this.repo.templateInForce(em, kind);
      const row = await this.repo.insertTemplate(em, { kind, fileName, content, sha256: digest, uploadedBy: user.id });
      await this.audit.write(em, actor, {
        action: 'document_template.replaced',
        entityType: 'document_template',
        entityId: row.id,
        before: { kind, version: before?.version ?? 0, sha256: before?.sha256 ?? sha256(defaultTemplate(kind)) },
        after: { kind, version: row.version, sha256: digest, fileName, size: content.length },
      });
    });
    return (await this.list()).find((t) => t.kind === kind)!;
  }
}
