import { Injectable, Logger } from '@nestjs/common';
import { AuditWriter } from '@app/audit';
import { CaseDocumentSource, CaseDocumentsPort } from '@app/cases';
import { NotificationsService } from '@app/notifications';
import {
  ActorContext,
  AuthUser,
  Clock,
  DomainError,
  formatNumber,
  NumberingService,
  shanghaiDate,
  shanghaiDateTime,
  TransactionRunner,
} from '@app/kernel';
import { Readable } from 'node:stream';
import { EntityManager } from 'typeorm';
import { DocumentTemplatesService } from './document-templates.service';
import {
  DOCUMENT_KIND_SPECS,
  documentData,
  DocumentKind,
  documentNotApplicable,
  documentNumberKind,
  officeName,
  ownNumberTemplate,
} from './domain';
import { CaseDocumentResponse } from './http/dto/document-response';
import { CaseDocumentEntity } from './persistence/case-document.entity';
import { DocumentsRepository } from './persistence/documents.repository';
import { docxBlocks, fillTemplate, renderPdf } from './render';

export type DocumentFormat = 'pdf' | 'docx';

const CONTENT_TYPES: Record<DocumentFormat, string> = {
  pdf: 'application/pdf',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
};

@Injectable()
export class DocumentsService {
  private readonly logger = new Logger(DocumentsService.name);

  constructor(
    private readonly tx: TransactionRunner,
    private readonly cases: CaseDocumentsPort,
    private readonly repo: DocumentsRepository,
    private readonly templates: DocumentTemplatesService,
    private readonly numbering: NumberingService,
    private readonly audit: AuditWriter,
    private readonly notifications: NotificationsService,
    private readonly clock: Clock,
  ) {}

  private async toResponses(rows: CaseDocumentEntity[]): Promise<CaseDocumentResponse[]> {
    const names = await this.repo.userNames(rows.map((r) => r.generatedBy));
    return rows.map((r) => ({
      id: r.id,
      caseId: r.caseId,
      kind: r.kind,
      name: DOCUMENT_KIND_SPECS[r.kind].nameZh,
      version: r.version,
      supersedesId: r.supersedesId,
      documentNo: r.documentNo,
      templateVersion: r.templateVersion,
      caseVersion: r.caseVersion,
      docx: { sha256: r.docxSha256, size: r.docxSize },
      pdf: { sha256: r.pdfSha256, size: r.pdfSize },
      generatedBy: { id: r.generatedBy, name: names.get(r.generatedBy) ?? null },
      generatedAt: r.generatedAt.toISOString(),
      generatedAtShanghai: shanghaiDateTime(r.generatedAt),
    }));
  }

  private async documentNo(
    em: EntityManager,
    kind: DocumentKind,
    src: CaseDocumentSource,
    previous: CaseDocumentEntity | null,
    today: string,
  ) {
    switch (DOCUMENT_KIND_SPECS[kind].numbering) {
      case 'decision':
        return src.case.decisionNo;
      case 'none':
        return null;
      case 'own': {
        // a new version is the same document re-issued: it keeps the number of the one it supersedes
        if (previous?.documentNo) return previous.documentNo;
        const year = Number(today.slice(0, 4));
        const seq = await this.numbering.next(em, { orgUnitCode: src.case.orgUnitCode, year, kind: documentNumberKind(kind) });
        return formatNumber(ownNumberTemplate(kind)!, { unitAbbr: src.office.abbr, year, seq });
      }
    }
  }

  /**
   * Generates a document of the case: fills the kind's template in force, renders its PDF, stores both with their
   * sha256 and records the document, its timeline event and audit entry in one transaction (the case row locked, so
   * the state it was filled from is the state recorded). A number the kind takes is taken in the same transaction:
   * gapless. Files stored for a transaction that then fails are removed.
   */
  async generate(user: AuthUser, actor: ActorContext, caseId: string, dto: { kind: DocumentKind; expectedVersion?: number }) {
    if (!(await this.cases.findVisible(user, caseId))) throw DomainError.notFound('case');
    const stored: string[] = [];
    try {
      const row = await this.tx.run(async (em) => {
        const src = await this.cases.lockForDocument(em, user, caseId);
        if (!src) throw DomainError.notFound('case');
        const c = src.case;
        if (dto.expectedVersion !== undefined && dto.expectedVersion !== c.version)
          throw DomainError.versionConflict(dto.expectedVersion, c.version);
        const spec = DOCUMENT_KIND_SPECS[dto.kind];
        const decisionKind = typeof c.decision?.kind === 'string' ? c.decision.kind : null;
        const why = documentNotApplicable(dto.kind, { ...c, decisionKind, procedure: c.procedure });
        if (why)
          throw DomainError.rule(
            'DOCUMENT_NOT_APPLICABLE',
            `${dto.kind} (${spec.nameZh}) cannot be generated now: ${why.reason} (${why.reasonZh})`,
            {
              kind: dto.kind,
              reason: why.reason,
              reasonZh: why.reasonZh,
              caseType: c.type,
              caseStatus: c.status,
            },
          );
        const today = shanghaiDate(this.clock.now());
        const previous = await this.repo.latest(em, caseId, dto.kind);
        const documentNo = await this.documentNo(em, dto.kind, src, previous, today);
        const template = await this.templates.inForce(em, dto.kind);
        const data = documentData({
          kind: dto.kind,
          issuedOn: today,
          documentNo,
          office: { code: src.office.code, name: officeName(src.office.name, src.office.parentName) },
          case: c,
          parties: src.parties,
          patents: src.patents,
          officers: src.officers,
        });
        let docx: Buffer;
        try {
          docx = fillTemplate(template.content, data);
        } catch (err) {
          this.logger.warn({ kind: dto.kind, templateVersion: template.version, err: (err as Error).message }, 'template fill failed');
          throw DomainError.rule(
            'DOCUMENT_TEMPLATE_FAILED',
            `the ${dto.kind} template (version ${template.version}) could not be filled; an admin should replace it`,
            {
              kind: dto.kind,
              templateVersion: template.version,
            },
          );
        }
        const pdf = await renderPdf(docxBlocks(docx), { title: spec.nameZh, footer: documentNo ?? c.caseNo ?? c.receiptNo });
        const docxFile = await this.cases.storeFile(docx);
        stored.push(docxFile.key);
        const pdfFile = await this.cases.storeFile(pdf);
        stored.push(pdfFile.key);
        const inserted = await this.repo.insert(em, {
          caseId,
          kind: dto.kind,
          version: (previous?.version ?? 0) + 1,
          supersedesId: previous?.id ?? null,
          documentNo,
          templateVersion: template.version,
          caseVersion: c.version,
          docxKey: docxFile.key,
          docxSha256: docxFile.sha256,
          docxSize: docxFile.size,
          pdfKey: pdfFile.key,
          pdfSha256: pdfFile.sha256,
          pdfSize: pdfFile.size,
          generatedBy: user.id,
        });
        await this.cases.recordEvent(em, user.id, actor, c, {
          action: 'generate_document',
          auditAction: 'document.generated',
          entityId: inserted.id,
          payload: {
            documentId: inserted.id,
            kind: dto.kind,
            name: spec.nameZh,
            version: inserted.version,
            supersedesId: inserted.supersedesId,
            documentNo,
            templateVersion: template.version,
            docxSha256: docxFile.sha256,
            pdfSha256: pdfFile.sha256,
          },
        });
        return inserted;
      });
      return (await this.toResponses([row]))[0];
    } catch (err) {
      await Promise.all(stored.map((k) => this.cases.removeFile(k)));
      throw err;
    }
  }

  async list(user: AuthUser, caseId: string): Promise<CaseDocumentResponse[]> {
    if (!(await this.cases.findVisible(user, caseId))) throw DomainError.notFound('case');
    return this.toResponses(await this.repo.listForCase(caseId));
  }

  /**
   * A stored file of a document, after checking it still has the sha256 taken when it was generated. A mismatch is
   * never served: audited, the unit's supervisors alerted, 500 DOCUMENT_INTEGRITY (as evidence).
   */
  async open(
    user: AuthUser,
    actor: ActorContext,
    caseId: string,
    documentId: string,
    format: DocumentFormat,
  ): Promise<{ stream: Readable; sha256: string; contentType: string; fileName: string; asciiName: string }> {
    const c = await this.cases.findVisible(user, caseId);
    if (!c) throw DomainError.notFound('case');
    const row = await this.repo.findOnCase(caseId, documentId);
    if (!row) throw DomainError.notFound('document');
    const key = format === 'pdf' ? row.pdfKey : row.docxKey;
    const expected = format === 'pdf' ? row.pdfSha256 : row.docxSha256;
    const actual = await this.cases.fileHash(key);
    const name = DOCUMENT_KIND_SPECS[row.kind].nameZh;
    if (actual !== expected) {
      this.logger.error({ documentId, caseId, format }, 'document integrity check failed: stored file differs from the generated one');
      await this.tx.run(async (em) => {
        await this.audit.write(em, actor, {
          action: 'document.integrity_failed',
          entityType: 'document',
          entityId: row.id,
          orgUnitCode: c.orgUnitCode,
          after: { caseId, format, expected, actual },
        });
        await this.notifications.publish(em, {
          kind: 'document.integrity_failed',
          title: `文书文件校验失败 / Document integrity failure: ${name} v${row.version} (${format})`,
          body: `sha256 ${expected} ≠ ${actual}`,
          entityType: 'document',
          entityId: row.id,
          audience: { roles: ['supervisor', 'admin'], orgUnitCodes: [c.orgUnitCode] },
        });
      });
      throw new DomainError(
        'DOCUMENT_INTEGRITY',
        'the stored document file does not match the one generated; it was not served and supervisors were alerted',
        { documentId, format },
      );
    }
    await this.tx.run((em) =>
      this.audit.write(em, actor, {
        action: 'document.downloaded',
        entityType: 'document',
        entityId: row.id,
        orgUnitCode: c.orgUnitCode,
        after: { caseId, format },
      }),
    );
    const stem = `${name}-${row.documentNo ?? ''}`.replace(/-$/, '');
    return {
      stream: this.cases.openFile(key),
      sha256: expected,
      contentType: CONTENT_TYPES[format],
      fileName: `${stem}-v${row.version}.${format}`,
      asciiName: `${row.kind}-v${row.version}.${format}`,
    };
  }
}
