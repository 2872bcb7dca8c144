import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { AuditWriter } from '@app/audit';
import { Clock, FieldCipher, shanghaiDate, systemActor } from '@app/kernel';
import { Readable } from 'node:stream';
import { DataSource, EntityManager } from 'typeorm';
import { CaseChangeHooks } from './case-change.hooks';
import { CASE_TRANSITIONS } from './domain/case-lifecycle';
import { CaseEvidenceEntity } from './persistence/case-evidence.entity';
import type { EvidenceStorage } from './evidence/evidence-storage';
import { EVIDENCE_STORAGE } from './evidence/evidence.service';
import { CaseEntity } from './persistence/case.entity';
import { CaseEventEntity } from './persistence/case-event.entity';
import { CasePartyEntity } from './persistence/case-party.entity';
import { CasePatentEntity } from './persistence/case-patent.entity';

/**
 * The named authorities the cross-region exchange acts on cases with. They stand for no user: the partner's signed
 * message (its acceptance of our transfer) or the worker sending a supervisor-approved dossier. Each method of
 * CaseTransfersPort asks for exactly one, and its audit entries name it with the transfer, partner and key id.
 */
export type CaseTransferPermission =
  | 'transfer.read_dossier'
  | 'transfer.serve_evidence'
  | 'transfer.apply_transfer_out'
  | 'transfer.record_event'
  | 'transfer.attach_evidence';

export interface CaseTransferGrant {
  permission: CaseTransferPermission;
  transferId: string;
  partnerCode: string;
  keyId?: string | null;
  /** the user behind the step when there is one (the officer accepting, the supervisor who approved) */
  userId?: string | null;
}

export interface CaseDossierSource {
  case: CaseEntity;
  parties: {
    role: 'requester' | 'respondent';
    kind: 'organization' | 'individual';
    name: string;
    uscc: string | null;
    idNumber: string | null;
    idNumberMasked: string | null;
    legalRepresentative: string | null;
    address: string | null;
    phone: string | null;
  }[];
  patents: { number: string; title: string | null }[];
  evidence: { id: string; fileName: string; contentType: string; size: number; sha256: string; description: string }[];
}

const auditActor = (g: CaseTransferGrant) => ({
  ...systemActor(`${g.permission}:${g.transferId}`),
  actorId: g.userId ?? null,
});

function requirePermission(g: CaseTransferGrant, p: CaseTransferPermission): void {
  if (g.permission !== p) throw new Error(`case transfers: ${p} needs its own grant, got ${g.permission}`);
}

/**
 * What the transfers context may do to cases, as separate named methods (kept apart from the case services, which
 * act for logged-in users): read a case for a dossier, serve its evidence to the partner, record transfer steps on the
 * case timeline, end a case `transferred_out` when the partner accepts, and attach the evidence an accepted inbound
 * transfer brought. Every write runs in the caller's transaction.
 */
@Injectable()
export class CaseTransfersPort {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditWriter,
    private readonly cipher: FieldCipher,
    private readonly clock: Clock,
    private readonly hooks: CaseChangeHooks,
    @Inject(EVIDENCE_STORAGE) private readonly storage: EvidenceStorage,
  ) {}

  /** May a case in this state end `transferred_out`? (the cases lifecycle's `transfer_out` rule) */
  canTransferOut(c: { status: string; suspended: boolean }): boolean {
    const rule = CASE_TRANSITIONS.transfer_out;
    return (rule.from as readonly string[]).includes(c.status) && !c.suspended;
  }

  /** The case, its parties (ID numbers and phones decrypted), patents and evidence list, for a dossier. */
  async dossierSource(grant: CaseTransferGrant, caseId: string): Promise<CaseDossierSource | null> {
    requirePermission(grant, 'transfer.read_dossier');
    const em = this.dataSource.manager;
    const c = await em.findOneBy(CaseEntity, { id: caseId });
    if (!c) return null;
    const [parties, patents, evidence] = await Promise.all([
      em.find(CasePartyEntity, { where: { caseId }, order: { role: 'ASC', ordinal: 'ASC' } }),
      em.find(CasePatentEntity, { where: { caseId }, order: { ordinal: 'ASC' } }),
      em.find(CaseEvidenceEntity, { where: { caseId }, order: { uploadedAt: 'ASC' } }),
    ]);
    return {
      case: c,
      parties: parties.map((p) => ({
        role: p.role,
        kind: p.kind,
        name: p.name,
        uscc: p.uscc,
        idNumber: p.idNumberEnc ? this.cipher.decrypt(p.idNumberEnc, 'case_parties.id_number') : null,
        idNumberMasked: p.idNumberMasked,
        legalRepresentative: p.legalRepresentative,
        address: p.address,
        phone: p.phoneEnc ? this.cipher.decrypt(p.phoneEnc, 'case_parties.phone') : null,
      })),
      patents: patents.map((p) => ({ number: p.number, title: p.title })),
      evidence: evidence.map((e) => ({
        id: e.id,
        fileName: e.fileName,
        contentType: e.contentType,
        size: Number(e.size),
        sha256: e.sha256,
        description: e.description,
      })),
    };
  }

  /** An evidence file of the case, after checking it still has its upload's sha256 (else null: never served). */
  async openEvidence(grant: CaseTransferGrant, caseId: string, evidenceId: string): Promise<{ stream: Readable; sha256: string } | null> {
    requirePermission(grant, 'transfer.serve_evidence');
    const row = await this.dataSource.manager.findOneBy(CaseEvidenceEntity, { id: evidenceId, caseId });
    if (!row) return null;
    const actual = await this.storage.hash(row.storageKey).catch(() => 'missing');
    if (actual !== row.sha256) return null;
    return { stream: this.storage.open(row.storageKey), sha256: row.sha256 };
  }

  /** The receipt and case numbers of a case, read in the caller's transaction (a case it has just taken in). */
  async numbersOf(em: EntityManager, caseId: string): Promise<{ receiptNo: string; caseNo: string | null } | null> {
    const c = await em.findOneBy(CaseEntity, { id: caseId });
    return c ? { receiptNo: c.receiptNo, caseNo: c.caseNo } : null;
  }

  /** A transfer step on the case timeline (status unchanged). */
  async recordEvent(
    em: EntityManager,
    grant: CaseTransferGrant,
    caseId: string,
    action: string,
    payload: Record<string, unknown>,
  ): Promise<void> {
    requirePermission(grant, 'transfer.record_event');
    const c = await em.findOneBy(CaseEntity, { id: caseId });
    if (!c) return;
    await em.save(CaseEventEntity, {
      caseId,
      at: this.clock.now(),
      actorId: grant.userId ?? null,
      action,
      fromStatus: c.status,
      toStatus: c.status,
      payload: { transferId: grant.transferId, partnerCode: grant.partnerCode, keyId: grant.keyId ?? null, ...payload },
    });
  }

  /**
   * The partner accepted our transfer: the case ends `transferred_out` with the partner's case number (timeline, audit
   * entry and case-change listeners in the caller's transaction). Returns false, changing nothing, when the case can no
   * longer be transferred out (it moved on meanwhile): the caller tells the supervisors.
   */
  async applyTransferOut(
    em: EntityManager,
    grant: CaseTransferGrant,
    caseId: string,
    p: { partnerCaseNo: string; partnerName: string },
  ): Promise<boolean> {
    requirePermission(grant, 'transfer.apply_transfer_out');
    const c = await em.findOne(CaseEntity, { where: { id: caseId }, lock: { mode: 'pessimistic_write' } });
    if (!c || !this.canTransferOut(c)) return false;
    const before = { status: c.status, version: c.version };
    c.status = 'transferred_out';
    c.suspended = false;
    c.extensionPending = false;
    c.closedOn ??= shanghaiDate(this.clock.now());
    c.outcome = { kind: 'transferred_out', partnerCode: grant.partnerCode, partnerName: p.partnerName, partnerCaseNo: p.partnerCaseNo };
    c.version += 1;
    await em.save(c);
    const payload = {
      transferId: grant.transferId,
      partnerCode: grant.partnerCode,
      partnerCaseNo: p.partnerCaseNo,
      keyId: grant.keyId ?? null,
    };
    await em.save(CaseEventEntity, {
      caseId,
      at: this.clock.now(),
      actorId: grant.userId ?? null,
      action: 'transfer_out',
      fromStatus: before.status,
      toStatus: c.status,
      payload,
    });
    await this.audit.write(em, auditActor(grant), {
      action: 'case.transfer_out',
      entityType: 'case',
      entityId: c.id,
      orgUnitCode: c.orgUnitCode,
      before,
      after: { status: c.status, version: c.version, ...payload, authority: grant.permission },
    });
    if (grant.userId)
      await this.hooks.emit(em, {
        case: c,
        action: 'transfer_out',
        fromStatus: before.status,
        toStatus: c.status,
        at: this.clock.now(),
        actorId: grant.userId,
        payload,
      });
    return true;
  }

  /** Streams a file into the evidence storage (sha256 taken on the way); the row comes with attachEvidence. */
  storeEvidence(content: Readable): Promise<{ key: string; size: number; sha256: string }> {
    return this.storage.put(content);
  }

  discardEvidence(key: string): Promise<void> {
    return this.storage.remove(key);
  }

  /** Evidence an accepted inbound transfer brought, as evidence of the new local case (row, timeline, audit). */
  async attachEvidence(
    em: EntityManager,
    grant: CaseTransferGrant,
    caseId: string,
    stored: { key: string; size: number; sha256: string },
    meta: { fileName: string; contentType: string; description: string; uploadedBy: string; originSha256: string },
  ): Promise<string> {
    requirePermission(grant, 'transfer.attach_evidence');
    const c = await em.findOneByOrFail(CaseEntity, { id: caseId });
    const row = await em.save(
      em.create(CaseEvidenceEntity, {
        caseId,
        fileName: meta.fileName,
        contentType: meta.contentType,
        size: String(stored.size),
        sha256: stored.sha256,
        storageKey: stored.key,
        description: meta.description,
        uploadedBy: meta.uploadedBy,
      }),
    );
    const payload = { evidenceId: row.id, fileName: row.fileName, size: stored.size, sha256: stored.sha256, transferId: grant.transferId };
    await em.save(CaseEventEntity, {
      caseId,
      at: this.clock.now(),
      actorId: meta.uploadedBy,
      action: 'add_evidence',
      fromStatus: c.status,
      toStatus: c.status,
      payload: { ...payload, partnerCode: grant.partnerCode, originSha256: meta.originSha256 },
    });
    await this.audit.write(em, auditActor(grant), {
      action: 'evidence.transferred_in',
      entityType: 'evidence',
      entityId: row.id,
      orgUnitCode: c.orgUnitCode,
      after: { caseId, ...payload, partnerCode: grant.partnerCode },
    });
    return row.id;
  }
}
