import { Inject, Injectable } from '@nestjs/common';
import { ActorContext } from '@app/kernel';
import { Readable } from 'node:stream';
import { EntityManager } from 'typeorm';
import { CaseChangeRecorder } from './case-change.recorder';
import type { CaseViewer } from './domain/case-scope';
import type { CaseSource, CaseStatus, CaseType } from './domain/case-types';
import type { ProcedureRecord } from './domain/penalty-procedure';
import type { EvidenceStorage } from './evidence/evidence-storage';
import { EVIDENCE_STORAGE } from './evidence/evidence.service';
import { CaseEntity } from './persistence/case.entity';
import { CaseEventEntity } from './persistence/case-event.entity';
import { CasePatentEntity } from './persistence/case-patent.entity';
import { CasesRepository } from './persistence/cases.repository';

/** A case as its documents (文书) are filled from: ID numbers only masked. */
export interface CaseDocumentSource {
  case: {
    id: string;
    version: number;
    orgUnitCode: string;
    receiptNo: string;
    caseNo: string | null;
    decisionNo: string | null;
    type: CaseType;
    source: CaseSource;
    status: CaseStatus;
    summary: string;
    receivedOn: string;
    filedOn: string | null;
    filingDecisionDue: string | null;
    closingDue: string | null;
    hearingOn: string | null;
    decidedOn: string | null;
    servedOn: string | null;
    /** how the decision was served (the `serve` action's method), when it was */
    serviceMethod: string | null;
    closedOn: string | null;
    decision: Record<string, unknown> | null;
    outcome: Record<string, unknown> | null;
    /** the penalty procedure's record (notice, hearing, legal review …): the notices are filled from it */
    procedure: ProcedureRecord;
  };
  /** the case's org unit; `parentName` is its parent's (a district's bureau), for the office's formal name */
  office: { code: string; name: string; abbr: string; parentName: string | null };
  parties: {
    role: 'requester' | 'respondent';
    kind: 'organization' | 'individual';
    name: string;
    uscc: string | null;
    idNumberMasked: string | null;
    legalRepresentative: string | null;
    address: string | null;
  }[];
  patents: { number: string; title: string | null; kind: string }[];
  /** display names of the assigned officers */
  officers: string[];
}

/**
 * What the documents context may do with cases: read one for its documents under the case's own visibility rule
 * (caseVisibleTo: 404 for anyone else), record a generation on the case timeline with its audit entry, and keep the
 * files in the evidence storage (the same sha256-verified store, so an S3 store serves both).
 */
@Injectable()
export class CaseDocumentsPort {
  constructor(
    private readonly repo: CasesRepository,
    private readonly recorder: CaseChangeRecorder,
    @Inject(EVIDENCE_STORAGE) private readonly storage: EvidenceStorage,
  ) {}

  /** The case, when the viewer may see it (else null). */
  async findVisible(viewer: CaseViewer, caseId: string): Promise<Pick<CaseEntity, 'id' | 'orgUnitCode' | 'status'> | null> {
    const c = await this.repo.findVisible(viewer, caseId);
    return c ? { id: c.id, orgUnitCode: c.orgUnitCode, status: c.status } : null;
  }

  /**
   * The case locked for update in the caller's transaction (a generation sees one state of it, and two generations of
   * one case queue), with what its documents print; null when the viewer may not see it.
   */
  async lockForDocument(em: EntityManager, viewer: CaseViewer, caseId: string): Promise<CaseDocumentSource | null> {
    const c = await this.repo.lockVisible(em, viewer, caseId);
    if (!c) return null;
    const [parties, patents, unit, officers, served] = await Promise.all([
      this.repo.parties(em, c.id),
      em.find(CasePatentEntity, { where: { caseId: c.id }, order: { ordinal: 'ASC' } }),
      this.repo.orgUnit(em, c.orgUnitCode),
      this.repo.users(em, c.assignedOfficerIds),
      c.servedOn ? em.findOne(CaseEventEntity, { where: { caseId: c.id, action: 'serve' }, order: { at: 'DESC' } }) : Promise.resolve(null),
    ]);
    const method = (served?.payload as { method?: unknown } | undefined)?.method;
    const parent = unit.parentCode ? await this.repo.orgUnit(em, unit.parentCode).catch(() => null) : null;
    const byId = new Map(officers.map((u) => [u.id, u.displayName]));
    return {
      case: {
        id: c.id,
        version: c.version,
        orgUnitCode: c.orgUnitCode,
        receiptNo: c.receiptNo,
        caseNo: c.caseNo,
        decisionNo: c.decisionNo,
        type: c.type,
        source: c.source,
        status: c.status,
        summary: c.summary,
        receivedOn: c.receivedOn,
        filedOn: c.filedOn,
        filingDecisionDue: c.filingDecisionDue,
        closingDue: c.extendedClosingDue ?? c.closingDue,
        hearingOn: c.hearingOn,
        decidedOn: c.decidedOn,
        servedOn: c.servedOn,
        serviceMethod: typeof method === 'string' ? method : null,
        closedOn: c.closedOn,
        decision: c.decision,
        outcome: c.outcome,
        procedure: c.procedure ?? {},
      },
      office: { code: unit.code, name: unit.name, abbr: unit.abbr, parentName: parent?.name ?? null },
      parties: parties
        .sort((a, b) => (a.role === b.role ? a.ordinal - b.ordinal : a.role === 'requester' ? -1 : 1))
        .map((p) => ({
          role: p.role,
          kind: p.kind,
          name: p.name,
          uscc: p.uscc,
          idNumberMasked: p.idNumberMasked,
          legalRepresentative: p.legalRepresentative,
          address: p.address,
        })),
      patents: patents.map((p) => ({ number: p.number, title: p.title, kind: p.kind })),
      officers: c.assignedOfficerIds.map((id) => byId.get(id)).filter((n): n is string => !!n),
    };
  }

  /** A document step on the case timeline (status unchanged) with its audit entry, in the caller's transaction. */
  recordEvent(
    em: EntityManager,
    actorId: string,
    actor: ActorContext,
    c: { id: string; status: CaseStatus; orgUnitCode: string },
    r: { action: string; auditAction: string; entityId: string; payload: Record<string, unknown> },
  ): Promise<Date> {
    return this.recorder.recordEvent(em, actorId, actor, c, {
      action: r.action,
      auditAction: r.auditAction,
      audit: { entityType: 'document', entityId: r.entityId },
      fromStatus: c.status,
      payload: r.payload,
      after: { caseId: c.id, ...r.payload },
    });
  }

  storeFile(content: Buffer): Promise<{ key: string; size: number; sha256: string }> {
    return this.storage.put(Readable.from([content]));
  }

  /** sha256 of what is stored now ('missing' when the file is gone). */
  fileHash(key: string): Promise<string> {
    return this.storage.hash(key).catch(() => 'missing');
  }

  openFile(key: string): Readable {
    return this.storage.open(key);
  }

  /** Only for a file whose row was never committed. */
  removeFile(key: string): Promise<void> {
    return this.storage.remove(key).catch(() => undefined);
  }
}
