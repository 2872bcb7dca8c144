import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { AuditWriter } from '@app/audit';
import { NotificationsService } from '@app/auth';
import { ActorContext, AuthUser, Clock, DomainError, TransactionRunner } from '@app/kernel';
import { Readable } from 'node:stream';
import { DataSource } from 'typeorm';
import { CasesService } from '../cases.service';
import { CaseEventEntity } from '../persistence/case-event.entity';
import { CaseEvidenceEntity } from './case-evidence.entity';
import { EvidenceStorage } from './evidence-storage';

export const EVIDENCE_STORAGE = Symbol('EVIDENCE_STORAGE');

export interface EvidenceResponse {
  id: string;
  fileName: string;
  contentType: string;
  size: number;
  sha256: string;
  description: string;
  uploadedBy: string;
  uploadedAt: string;
}

const toResponse = (e: CaseEvidenceEntity): EvidenceResponse => ({
  id: e.id,
  fileName: e.fileName,
  contentType: e.contentType,
  size: Number(e.size),
  sha256: e.sha256,
  description: e.description,
  uploadedBy: e.uploadedBy,
  uploadedAt: e.uploadedAt.toISOString(),
});

@Injectable()
export class EvidenceService {
  private readonly logger = new Logger(EvidenceService.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly tx: TransactionRunner,
    private readonly cases: CasesService,
    private readonly audit: AuditWriter,
    private readonly notifications: NotificationsService,
    private readonly clock: Clock,
    @Inject(EVIDENCE_STORAGE) private readonly storage: EvidenceStorage,
  ) {}

  /** 404 unless the caller may see the case; call before accepting the upload's bytes. */
  async assertCaseVisible(user: AuthUser, caseId: string): Promise<{ orgUnitCode: string }> {
    const c = await this.cases.get(user, caseId);
    return { orgUnitCode: c.orgUnitCode };
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
    meta: { fileName: string; contentType: string; description: string },
  ): Promise<EvidenceResponse> {
    const c = await this.cases.get(user, caseId);
    const { orgUnitCode } = c;
    try {
      return await this.tx.run(async (em) => {
        const row = await em.save(
          em.create(CaseEvidenceEntity, {
            caseId,
            fileName: meta.fileName,
            contentType: meta.contentType,
            size: String(stored.size),
            sha256: stored.sha256,
            storageKey: stored.key,
            description: meta.description,
            uploadedBy: user.id,
          }),
        );
        const payload = { evidenceId: row.id, fileName: row.fileName, size: stored.size, sha256: stored.sha256 };
        await em.save(
          em.create(CaseEventEntity, {
            caseId,
            at: this.clock.now(),
            actorId: user.id,
            action: 'add_evidence',
            fromStatus: c.status,
            toStatus: c.status,
            payload,
          }),
        );
        await this.audit.write(em, actor, {
          action: 'evidence.uploaded',
          entityType: 'evidence',
          entityId: row.id,
          orgUnitCode,
          after: { caseId, ...payload },
        });
        return toResponse(row);
      });
    } catch (err) {
      await this.storage.remove(stored.key).catch(() => undefined);
      throw err;
    }
  }

  async list(user: AuthUser, caseId: string): Promise<EvidenceResponse[]> {
    await this.assertCaseVisible(user, caseId);
    const rows = await this.dataSource.getRepository(CaseEvidenceEntity).find({ where: { caseId }, order: { uploadedAt: 'ASC' } });
    return rows.map(toResponse);
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
    const row = await this.dataSource.getRepository(CaseEvidenceEntity).findOneBy({ id: evidenceId, caseId });
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
    return { meta: toResponse(row), stream: this.storage.open(row.storageKey) };
  }
}
