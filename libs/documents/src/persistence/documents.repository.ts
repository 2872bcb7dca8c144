import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { UserEntity } from '@app/auth';
import { DataSource, EntityManager, In } from 'typeorm';
import type { DocumentKind } from '../domain/document-kinds';
import { CaseDocumentEntity } from './case-document.entity';
import { DocumentTemplateEntity } from './document-template.entity';

@Injectable()
export class DocumentsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** The newest version of a kind on a case, in the caller's transaction (the case row is locked: no race). */
  latest(em: EntityManager, caseId: string, kind: DocumentKind): Promise<CaseDocumentEntity | null> {
    return em.findOne(CaseDocumentEntity, { where: { caseId, kind }, order: { version: 'DESC' } });
  }

  insert(em: EntityManager, row: Omit<CaseDocumentEntity, 'id' | 'generatedAt'>): Promise<CaseDocumentEntity> {
    return em.save(CaseDocumentEntity, em.create(CaseDocumentEntity, row));
  }

  listForCase(caseId: string): Promise<CaseDocumentEntity[]> {
    return this.dataSource.manager.find(CaseDocumentEntity, { where: { caseId }, order: { generatedAt: 'ASC', version: 'ASC' } });
  }

  findOnCase(caseId: string, id: string): Promise<CaseDocumentEntity | null> {
    return this.dataSource.manager.findOneBy(CaseDocumentEntity, { caseId, id });
  }

  async userNames(ids: string[]): Promise<Map<string, string>> {
    const unique = [...new Set(ids)];
    const users = unique.length ? await this.dataSource.manager.findBy(UserEntity, { id: In(unique) }) : [];
    return new Map(users.map((u) => [u.id, u.displayName]));
  }

  /** The template in force for a kind: the newest upload (null: the default set). */
  templateInForce(em: EntityManager, kind: DocumentKind): Promise<DocumentTemplateEntity | null> {
    return em.findOne(DocumentTemplateEntity, { where: { kind }, order: { version: 'DESC' } });
  }

  /** The newest upload of every kind that has one, without the file contents. */
  async templatesInForce(): Promise<Omit<DocumentTemplateEntity, 'content'>[]> {
    return this.dataSource.manager
      .createQueryBuilder(DocumentTemplateEntity, 't')
      .select(['t.id', 't.kind', 't.version', 't.fileName', 't.sha256', 't.uploadedBy', 't.uploadedAt'])
      .distinctOn(['t.kind'])
      .orderBy('t.kind')
      .addOrderBy('t.version', 'DESC')
      .getMany();
  }

  /** Inserts the next version of a kind's template; uploads of one kind queue on a transaction-level advisory lock. */
  async insertTemplate(
    em: EntityManager,
    row: Pick<DocumentTemplateEntity, 'kind' | 'fileName' | 'content' | 'sha256' | 'uploadedBy'>,
  ): Promise<DocumentTemplateEntity> {
    await em.query(`SELECT pg_advisory_xact_lock(hashtext('document_templates:' || $1))`, [row.kind]);
    const [{ v }] = await em.query<{ v: number }[]>(`SELECT COALESCE(MAX(version), 0)::int AS v FROM document_templates WHERE kind = $1`, [
      row.kind,
    ]);
    return em.save(DocumentTemplateEntity, em.create(DocumentTemplateEntity, { ...row, version: v + 1 }));
  }
}
