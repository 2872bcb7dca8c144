import { Inject, Injectable, Logger } from '@nestjs/common';
import { AuditWriter } from '@app/audit';
import { NotificationsService } from '@app/notifications';
import { ActorContext, AuthUser, Clock, DomainError, isCalendarDate, shanghaiDate, TransactionRunner } from '@app/kernel';
import { Readable } from 'node:stream';
import { StatutoryCalendar } from '@app/calendar';
import { CaseChangeRecorder } from '../case-change.recorder';
import { isOverdue, PreservationDecision, preservationDecisionDue } from '../domain/case-deadlines';
import { CaseEntity } from '../persistence/case.entity';
import { CasesRepository } from '../persistence/cases.repository';
import { EvidenceRepository } from '../persistence/evidence.repository';
import { CaseEvidenceEntity } from '../persistence/case-evidence.entity';
import { EvidenceStorage } from './evidence-storage';
import { EvidenceResponse } from '../http/dto/evidence-response';

export const EVIDENCE_STORAGE = Symbol('EVIDENCE_STORAGE');

export { EvidenceResponse } from '../http/dto/evidence-response';

const toResponse = (e: CaseEvidenceEntity, today: string): EvidenceResponse => ({
  id: e.id,
  fileName: e.fileName,
  contentType: e.contentType,
  size: Number(e.size),
  sha256: e.sha256,
  description: e.description,
  uploadedBy: e.uploadedBy,
  uploadedAt: e.uploadedAt.toISOString(),
  version: e.version,
  preservation:
    e.preservedOn && e.preservationDue
      ? {
          preservedOn: e.preservedOn,
          decisionDue: e.preservationDue,
          decision: e.preservationDecision,
          note: e.preservationNote,
          decidedOn: e.preservationDecidedOn,
          decidedBy: e.preservationDecidedBy,
          overdue: !e.preservationDecidedOn && isOverdue(e.preservationDue, today),
        }
      : null,
});

@Injectable()
export class EvidenceService {
  private readonly logger = new Logger(EvidenceService.name);

  constructor(
    private readonly tx: TransactionRunner,
    private readonly cases: CasesRepository,
    private readonly evidence: EvidenceRepository,
    private readonly recorder: CaseChangeRecorder,
    private readonly audit: AuditWriter,
    private readonly notifications: NotificationsService,
    private readonly clock: Clock,
    private readonly calendar: StatutoryCalendar,
    @Inject(EVIDENCE_STORAGE) private readonly storage: EvidenceStorage,
  ) {}

  /** 404 unless the caller may see the case; call before accepting the upload's bytes. */
  async assertCaseVisible(user: AuthUser, caseId: string): Promise<CaseEntity> {
    const c = await this.cases.findVisible(user, caseId);
    if (!c) throw DomainError.notFound('case');
    return c;
  }

  store(content: Readable): Promise<{ key: string; size: number; sha256: string }> {
    return this.storage.put(content);
  }

  discard(key: string): Promise<void> {
    return this.storage.remove(key);
  }

  /** Records a stored file as evidence of the case (row, timeline event, audit entry: one transaction). */
  async record(
    user: AuthUser,
    actor: ActorContext,
    caseId: string,
    stored: { key: string; size: number; sha256: string },
    meta: { fileName: string; contentType: string; description: string; preservedOn?: string },
  ): Promise<EvidenceResponse> {
    const c = await this.assertCaseVisible(user, caseId);
    const today = shanghaiDate(this.clock.now());
    if (meta.preservedOn !== undefined && (!isCalendarDate(meta.preservedOn) || meta.preservedOn > today)) {
      await this.storage.remove(stored.key).catch(() => undefined);
      throw DomainError.validation('preservedOn', 'must be a real date YYYY-MM-DD, not in the future');
    }
    const preservationDue = meta.preservedOn ? preservationDecisionDue(this.calendar.current, meta.preservedOn) : null;
    try {
      return await this.tx.run(async (em) => {
        const row = await this.evidence.insert(em, {
          caseId,
          fileName: meta.fileName,
          contentType: meta.contentType,
          size: String(stored.size),
          sha256: stored.sha256,
          storageKey: stored.key,
          description: meta.description,
          uploadedBy: user.id,
          preservedOn: meta.preservedOn ?? null,
          preservationDue,
        });
        const payload = {
          evidenceId: row.id,
          fileName: row.fileName,
          size: stored.size,
          sha256: stored.sha256,
          ...(preservationDue ? { preservedOn: meta.preservedOn, preservationDue } : {}),
        };
        await this.recorder.recordEvent(em, user.id, actor, c, {
          action: 'add_evidence',
          auditAction: 'evidence.uploaded',
          audit: { entityType: 'evidence', entityId: row.id },
          fromStatus: c.status,
          payload,
          after: { caseId, ...payload },
        });
        return toResponse(row, today);
      });
    } catch (err) {
      await this.storage.remove(stored.key).catch(() => undefined);
      throw err;
    }
  }

  async list(user: AuthUser, caseId: string): Promise<EvidenceResponse[]> {
    await this.assertCaseVisible(user, caseId);
    const rows = await this.evidence.listForCase(caseId);
    const today = shanghaiDate(this.clock.now());
    return rows.map((r) => toResponse(r, today));
  }

  /**
   * 登记保存处理决定: records what becomes of evidence registered for preservation (release, copy and release,
   * appraisal, confiscation, transfer), once, with the expected version; timeline event and audit entry in the same
   * transaction. A decision after the 7-day limit is still recorded (the overdue flag and escalation stay in the record).
   */
  async decidePreservation(
    user: AuthUser,
    actor: ActorContext,
    caseId: string,
    evidenceId: string,
    dto: { expectedVersion: number; decision: PreservationDecision; note?: string; decidedOn?: string },
  ): Promise<EvidenceResponse> {
    const c = await this.assertCaseVisible(user, caseId);
    const today = shanghaiDate(this.clock.now());
    if (dto.decidedOn !== undefined && (!isCalendarDate(dto.decidedOn) || dto.decidedOn > today))
      throw DomainError.validation('decidedOn', 'must be a real date, not in the future');
    return this.tx.run(async (em) => {
      const row = await this.evidence.lockOnCase(em, caseId, evidenceId);
      if (!row) throw DomainError.notFound('evidence');
      if (row.version !== dto.expectedVersion) throw DomainError.versionConflict(dto.expectedVersion, row.version);
      if (!row.preservedOn) throw DomainError.rule('NOT_PRESERVED', 'this evidence was not registered for preservation (登记保存)');
      if (row.preservationDecidedOn) throw DomainError.rule('PRESERVATION_DECIDED', 'the preservation was decided already');
      const decidedOn = dto.decidedOn ?? today;
      if (decidedOn < row.preservedOn) throw DomainError.validation('decidedOn', 'cannot be before the registration');
      row.preservationDecision = dto.decision;
      row.preservationNote = dto.note ?? null;
      row.preservationDecidedOn = decidedOn;
      row.preservationDecidedBy = user.id;
      row.version += 1;
      await this.evidence.save(em, row);
      const payload = { evidenceId: row.id, decision: dto.decision, decidedOn, due: row.preservationDue, note: dto.note ?? null };
      await this.recorder.recordEvent(em, user.id, actor, c, {
        action: 'decide_preservation',
        auditAction: 'evidence.preservation_decided',
        audit: { entityType: 'evidence', entityId: row.id },
        fromStatus: c.status,
        payload,
        before: { decision: null, version: dto.expectedVersion },
        after: { caseId, ...payload, version: row.version },
      });
      return toResponse(row, today);
    });
  }

  /**
   * The file, after checking it still has the sha256 taken at upload. A mismatch is never served: it is audited,
   * the unit's supervisors are alerted, and the caller gets 500 EVIDENCE_INTEGRITY.
   */
  async open(
    user: AuthUser,
    actor: ActorContext,
    caseId: string,
    evidenceId: string,
  ): Promise<{ meta: EvidenceResponse; stream: Readable }> {
    const { orgUnitCode } = await this.assertCaseVisible(user, caseId);
    const row = await this.evidence.findOnCase(caseId, evidenceId);
    if (!row) throw DomainError.notFound('evidence');
    const actual = await this.storage.hash(row.storageKey).catch(() => 'missing');
    if (actual !== row.sha256) {
      this.logger.error({ evidenceId, caseId }, 'evidence integrity check failed: stored file differs from its upload');
      await this.tx.run(async (em) => {
        await this.audit.write(em, actor, {
          action: 'evidence.integrity_failed',
          entityType: 'evidence',
          entityId: row.id,
          orgUnitCode,
          after: { caseId, expected: row.sha256, actual },
        });
        await this.notifications.publish(em, {
          kind: 'evidence.integrity_failed',
          title: `证据文件校验失败 / Evidence integrity failure: ${row.fileName}`,
          body: `sha256 ${row.sha256} ≠ ${actual}`,
          entityType: 'evidence',
          entityId: row.id,
          audience: { roles: ['supervisor', 'admin'], orgUnitCodes: [orgUnitCode] },
        });
      });
      throw new DomainError(
        'EVIDENCE_INTEGRITY',
        'the stored evidence file does not match its upload; it was not served and supervisors were alerted',
        {
          evidenceId,
        },
      );
    }
    await this.tx.run((em) =>
      this.audit.write(em, actor, {
        action: 'evidence.downloaded',
        entityType: 'evidence',
        entityId: row.id,
        orgUnitCode,
        after: { caseId },
      }),
    );
    return { meta: toResponse(row, shanghaiDate(this.clock.now())), stream: this.storage.open(row.storageKey) };
  }
}
