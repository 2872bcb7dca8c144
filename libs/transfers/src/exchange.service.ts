import { Inject, Injectable, Logger } from '@nestjs/common';
import { findEnforcementUnit } from '@app/auth';
import { StatutoryCalendar } from '@app/calendar';
import { CaseTransfersPort } from '@app/cases';
import {
  ActorContext,
  APP_CONFIG,
  AppConfig,
  Clock,
  DomainError,
  FieldCipher,
  isUniqueViolation,
  shanghaiDate,
  systemActor,
  TransactionRunner,
} from '@app/kernel';
import { createHash } from 'node:crypto';
import { Readable } from 'node:stream';
import { EntityManager } from 'typeorm';
import { Dossier, DossierFile, filePath, partyForKind, StatusMessage, validateDossier, validateStatusMessage } from './domain/dossier';
import { replyDue, replyWorkingDays } from './domain/reply-due';
import { outEvent } from './domain/transfer-lifecycle';
import { SystemEvent } from './domain/transfer-types';
import { ExchangeClient } from './exchange/exchange-client';
import { ExchangeIdentity } from './exchange/exchange-identity';
import { VerifiedRequest } from './exchange/exchange-verifier';
import { transferSnapshot } from './http/transfer.mapper';
import { TransferFileStore } from './persistence/transfer-file-store';
import { TransferEntity } from './persistence/transfer.entity';
import { TransfersRepository } from './persistence/transfers.repository';
import { replyCountDeltas, TransferEffects } from './transfer-effects';

export const TRANSFER_FILE_STORE = Symbol('TRANSFER_FILE_STORE');

/** Where a job stands in its retries: the last attempt turns a retryable error into `failed`. */
export interface AttemptInfo {
  attemptsMade: number;
  maxAttempts: number;
}

/** A retryable failure, thrown after the transaction commits so BullMQ retries the job with back-off. */
export class RetryLater extends Error {
  override name = 'RetryLater';
}

const isLast = (a: AttemptInfo) => a.attemptsMade + 1 >= a.maxAttempts;
/** How long the partner may fetch the files of a dossier or an answer with a signed GET. */
const FILE_LINK_DAYS = 30;
const AAD = 'transfers.dossier';

export interface ExchangeAnswer {
  status: 200 | 201;
  body: { id: string; exchangeId: string; status: string };
}

const exchangeActor = (partnerCode: string, keyId: string): ActorContext => systemActor(`exchange:${partnerCode}:${keyId}`);

/**
 * The machine side of the exchange: receiving a partner's dossiers and status messages (already verified), serving our
 * files to it, and the jobs that deliver dossiers, send status messages and fetch the partner's files. Each receipt is
 * one transaction; each job holds the row's lock across its call, so a retried or duplicated job sees the first's result.
 */
@Injectable()
export class ExchangeService {
  private readonly logger = new Logger(ExchangeService.name);

  constructor(
    private readonly repo: TransfersRepository,
    private readonly tx: TransactionRunner,
    private readonly effects: TransferEffects,
    private readonly port: CaseTransfersPort,
    private readonly client: ExchangeClient,
    private readonly identity: ExchangeIdentity,
    private readonly calendar: StatutoryCalendar,
    private readonly cipher: FieldCipher,
    private readonly clock: Clock,
    @Inject(TRANSFER_FILE_STORE) private readonly store: TransferFileStore,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** POST /exchange/transfers: stores a dossier once; a repeated delivery answers 200 with what is stored. */
  async receiveDossier(v: VerifiedRequest, body: unknown, rawBody: Buffer): Promise<ExchangeAnswer> {
    const problems = validateDossier(body, { selfCode: this.identity.selfCode, senderCode: v.partner.code });
    if (problems.length) throw new DomainError('VALIDATION_FAILED', problems.map((p) => `${p.field}: ${p.message}`).join('; '), problems);
    const d = body as Dossier;
    const existing = await this.repo.inboundByExchange(this.repo.manager, v.partner.code, d.exchangeId);
    if (existing) return { status: 200, body: { id: existing.id, exchangeId: d.exchangeId, status: existing.status } };
    try {
      return await this.tx.run(async (em) => {
        const unit = (d.targetUnitCode ? await findEnforcementUnit(em, d.targetUnitCode) : null)?.code ?? (await this.bureauCode(em));
        const today = shanghaiDate(this.clock.now());
        const t = this.repo.newTransfer({
          direction: 'in',
          kind: d.kind,
          status: 'received',
          partnerCode: v.partner.code,
          orgUnitCode: unit,
          exchangeId: d.exchangeId,
          reason: d.reason,
          requestedItems: d.requestedItems,
          dossier: this.sealDossier(d),
          dossierSha256: createHash('sha256').update(rawBody).digest('hex'),
          originCaseNo: d.case.caseNo ?? d.case.receiptNo,
          deliveredOn: today,
          replyDue: replyDue(this.calendar.current, today, v.partner.replyDueWorkingDays),
          keyId: v.keyId,
        });
        await this.repo.saveTransfer(em, t);
        for (const f of d.files) await this.repo.saveFile(em, this.remoteFile(t.id, 'evidence', f));
        await this.effects.step(em, exchangeActor(v.partner.code, v.keyId), t, {
          action: 'receive',
          before: null,
          payload: { originCaseNo: t.originCaseNo, files: d.files.length, dossierSha256: t.dossierSha256 },
        });
        if (d.files.length) await this.effects.outboxFetch(em, t.id);
        await this.effects.notify(em, t, 'transfer.received', `收到${v.partner.name}的请求 / Request received`, d.reason, [
          'officer',
          'supervisor',
        ]);
        return { status: 201 as const, body: { id: t.id, exchangeId: d.exchangeId, status: t.status } };
      });
    } catch (err) {
      // two deliveries of one dossier at once: the second finds the first's row
      if (!isUniqueViolation(err)) throw err;
      const first = await this.repo.inboundByExchange(this.repo.manager, v.partner.code, d.exchangeId);
      if (!first) throw err;
      return { status: 200, body: { id: first.id, exchangeId: d.exchangeId, status: first.status } };
    }
  }

  /** POST /exchange/transfers/:id/status: the partner's reply to one of our transfers, applied once per message id. */
  async receiveStatus(v: VerifiedRequest, exchangeId: string, body: unknown): Promise<ExchangeAnswer> {
    const problems = validateStatusMessage(body);
    if (problems.length) throw new DomainError('VALIDATION_FAILED', problems.map((p) => `${p.field}: ${p.message}`).join('; '), problems);
    const m = body as StatusMessage;
    const actor = exchangeActor(v.partner.code, v.keyId);
    return this.tx.run(async (em) => {
      const t = await this.repo.lockTransfer(em, exchangeId);
      if (!t || t.direction !== 'out' || t.partnerCode !== v.partner.code) throw DomainError.notFound('transfer');
      if (await this.repo.inboundMessage(em, m.messageId))
        return { status: 200 as const, body: { id: t.id, exchangeId: t.id, status: t.status } };
      await this.repo.saveMessage(
        em,
        this.repo.newMessage({
          transferId: t.id,
          direction: 'in',
          messageId: m.messageId,
          status: m.status,
          payload: m,
          sentAt: this.clock.now(),
        }),
      );
      const before = transferSnapshot(t);
      t.keyId = v.keyId;
      if (m.status === 'evidence_rejected') {
        t.integrityProblem = m.mismatched ?? [];
        await this.effects.step(em, actor, t, {
          action: 'evidence_rejected',
          before,
          payload: { mismatched: t.integrityProblem },
          caseEvent: 'transfer_evidence_rejected',
        });
        await this.effects.notify(
          em,
          t,
          'transfer.evidence_rejected',
          `${v.partner.name}拒收：证据校验不符 / Evidence refused`,
          (m.mismatched ?? []).map((x) => x.id).join(', '),
        );
        return { status: 201 as const, body: { id: t.id, exchangeId: t.id, status: t.status } };
      }
      const event: SystemEvent =
        m.status === 'accepted' ? 'partner_accept' : m.status === 'declined' ? 'partner_decline' : 'partner_answer';
      const next = outEvent(t, event);
      if (!next)
        throw new DomainError('ILLEGAL_TRANSITION', `a transfer that is ${t.status} cannot be ${m.status}`, { allowedActions: [] });
      const repliedOn = shanghaiDate(this.clock.now());
      t.status = next;
      t.repliedOn = repliedOn;
      t.replyWorkingDays = replyWorkingDays(this.calendar.current, t.deliveredOn ?? repliedOn, repliedOn);
      t.partnerCaseNo = m.partnerCaseNo ?? t.partnerCaseNo;
      t.declineReason = m.status === 'declined' ? (m.reason ?? null) : t.declineReason;
      t.result = m.status === 'answered' ? (m.result ?? null) : t.result;
      for (const f of m.files ?? []) await this.repo.saveFile(em, this.remoteFile(t.id, 'answer', f));
      await this.effects.step(em, actor, t, {
        action: `partner_${m.status}`,
        before,
        payload: {
          partnerCaseNo: t.partnerCaseNo,
          reason: t.declineReason,
          replyWorkingDays: t.replyWorkingDays,
          files: m.files?.length ?? 0,
        },
        caseEvent: `transfer_${m.status}`,
      });
      await this.effects.count(em, replyCountDeltas({ orgUnitCode: t.orgUnitCode, repliedOn, replyWorkingDays: t.replyWorkingDays }));
      if (m.files?.length) await this.effects.outboxFetch(em, t.id);
      if (next === 'accepted' && t.caseId) {
        const applied = await this.port.applyTransferOut(
          em,
          this.effects.grant(t, 'transfer.apply_transfer_out', t.requestedBy),
          t.caseId,
          {
            partnerCaseNo: t.partnerCaseNo ?? '',
            partnerName: v.partner.name,
          },
        );
        if (!applied)
          await this.effects.notify(
            em,
            t,
            'transfer.case_moved_on',
            '对方已接收，但本案状态已变 / Accepted, but the case moved on',
            `${t.partnerCaseNo}`,
          );
      }
      await this.effects.notify(
        em,
        t,
        `transfer.${m.status}`,
        `${v.partner.name}答复 / Partner replied: ${m.status}`,
        m.reason ?? m.result ?? m.partnerCaseNo ?? '',
        ['officer', 'supervisor'],
      );
      return { status: 201 as const, body: { id: t.id, exchangeId: t.id, status: t.status } };
    });
  }

  /** GET /exchange/transfers/:exchangeId/files/:fileId: one of our files, to the partner of that transfer only. */
  async serveFile(
    v: VerifiedRequest,
    exchangeId: string,
    fileId: string,
  ): Promise<{ stream: Readable; fileName: string; contentType: string; sha256: string }> {
    const out = await this.repo.transfer(exchangeId);
    const t =
      out && out.direction === 'out' && out.partnerCode === v.partner.code
        ? out
        : await this.repo.inboundByExchange(this.repo.manager, v.partner.code, exchangeId);
    if (!t || t.partnerCode !== v.partner.code) throw DomainError.notFound('file');
    const f = await this.repo.file(t.id, fileId);
    if (!f || f.source !== 'local' || (f.expiresAt && f.expiresAt < this.clock.now())) throw DomainError.notFound('file');
    let opened: { stream: Readable; sha256: string } | null = null;
    if (f.caseEvidenceId && t.caseId)
      opened = await this.port.openEvidence(this.effects.grant(t, 'transfer.serve_evidence'), t.caseId, f.caseEvidenceId);
    else if (f.storageKey && (await this.store.hash(f.storageKey).catch(() => null)) === f.sha256)
      opened = { stream: this.store.open(f.storageKey), sha256: f.sha256 };
    if (!opened) throw new DomainError('EVIDENCE_INTEGRITY', 'the stored file does not match its sha256; it was not served');
    await this.tx.run((em) =>
      this.effects.audit(em, exchangeActor(v.partner.code, v.keyId), t, 'file_served', { fileId, fileName: f.fileName, sha256: f.sha256 }),
    );
    return { stream: opened.stream, fileName: f.fileName, contentType: f.contentType, sha256: f.sha256 };
  }

  /** transfers.deliver: builds the dossier, signs and posts it; delivered, retried, or failed (supervisors told). */
  async deliver(transferId: string, attempt: AttemptInfo): Promise<void> {
    const retry = await this.tx.run(async (em) => {
      const t = await this.repo.lockTransfer(em, transferId);
      if (!t || t.direction !== 'out' || !['approved', 'sending'].includes(t.status)) return null;
      const partner = await this.repo.partner(t.partnerCode, em);
      const actor = systemActor(`job:transfers.deliver:${t.id}`);
      const before = transferSnapshot(t);
      t.attempts += 1;
      if (t.status === 'approved') t.status = outEvent(t, 'dispatch') ?? t.status;
      let error: string | null = null;
      let refused = false;
      if (!partner?.active || !partner.endpoint) error = `partner ${t.partnerCode} is not active or has no endpoint`;
      else {
        const dossier = await this.buildDossier(em, t);
        if (!dossier) error = 'the case is gone';
        else {
          const res = await this.client.post(partner.endpoint, 'exchange/transfers', dossier);
          if (res.kind === 'ok') {
            const today = shanghaiDate(this.clock.now());
            t.status = outEvent(t, 'deliver') ?? t.status;
            t.deliveredOn = today;
            t.replyDue = replyDue(this.calendar.current, today, partner.replyDueWorkingDays);
            t.keyId = this.identity.signer?.keyId ?? null;
            t.dossierSha256 = createHash('sha256').update(JSON.stringify(dossier)).digest('hex');
            t.lastError = null;
            await this.effects.step(em, actor, t, {
              action: 'deliver',
              before,
              payload: {
                partnerTransferId: (res.body as { id?: string } | null)?.id ?? null,
                replyDue: t.replyDue,
                files: dossier.files.length,
              },
              caseEvent: 'transfer_delivered',
            });
            return null;
          }
          if (res.kind === 'refused') {
            refused = true;
            error = `partner refused (${res.status}): ${JSON.stringify(res.body).slice(0, 400)}`;
          } else error = res.error;
        }
      }
      t.lastError = error;
      if (refused || isLast(attempt)) {
        t.status = outEvent(t, 'fail') ?? t.status;
        await this.effects.step(em, actor, t, { action: 'fail', before, payload: { error }, caseEvent: 'transfer_failed' });
        await this.effects.notify(em, t, 'transfer.failed', '移送发送失败 / Transfer delivery failed', error ?? '');
        return null;
      }
      await this.repo.saveTransfer(em, t);
      if (before.status !== t.status) await this.effects.step(em, actor, t, { action: 'dispatch', before, payload: { error } });
      return error;
    });
    if (retry) throw new RetryLater(retry);
  }

  /** transfers.send_status: one status message to the partner; retried until it answers 2xx. */
  async sendStatus(messageId: string, attempt: AttemptInfo): Promise<void> {
    const retry = await this.tx.run(async (em) => {
      const m = await this.repo.lockMessage(em, messageId);
      if (!m || m.direction !== 'out' || m.sentAt) return null;
      const t = await this.repo.transfer(m.transferId, em);
      const partner = t ? await this.repo.partner(t.partnerCode, em) : null;
      m.attempts += 1;
      let error: string;
      if (!t || !partner?.active || !partner.endpoint) error = 'partner is not active or has no endpoint';
      else {
        const res = await this.client.post(partner.endpoint, `exchange/transfers/${t.exchangeId}/status`, m.payload);
        if (res.kind === 'ok') {
          m.sentAt = this.clock.now();
          m.lastError = null;
          await this.repo.saveMessage(em, m);
          await this.effects.audit(em, systemActor(`job:transfers.send_status:${m.id}`), t, 'status_sent', {
            status: m.status,
            messageId: m.messageId,
          });
          return null;
        }
        error = res.kind === 'refused' ? `partner refused (${res.status}): ${JSON.stringify(res.body).slice(0, 400)}` : res.error;
        if (res.kind === 'refused') {
          m.lastError = error;
          await this.repo.saveMessage(em, m);
          await this.effects.notify(em, t, 'transfer.status_refused', '答复未被对方接收 / Reply refused by partner', error);
          return null;
        }
      }
      m.lastError = error;
      await this.repo.saveMessage(em, m);
      if (isLast(attempt) && t) {
        await this.effects.notify(em, t, 'transfer.status_failed', '答复发送失败 / Reply could not be sent', error);
        return null;
      }
      return error;
    });
    if (retry) throw new RetryLater(retry);
  }

  /** transfers.fetch_files: the partner's files of a dossier or an answer, into our store (hashed on the way). */
  async fetchFiles(transferId: string): Promise<void> {
    const t = await this.repo.transfer(transferId);
    if (!t) return;
    const partner = await this.repo.partner(t.partnerCode);
    if (!partner?.endpoint) throw new RetryLater('partner has no endpoint');
    for (const f of await this.repo.unfetched(t.id)) {
      const res = await this.client.fetchFile(partner.endpoint, f.remotePath as string);
      if (res.kind !== 'ok') {
        if (res.kind === 'refused') {
          this.logger.warn({ transferId, fileId: f.id, error: res.error }, 'partner refused a file');
          continue;
        }
        throw new RetryLater(res.error);
      }
      const stored = await this.store.put(res.stream, Number(f.size) + 1);
      await this.repo.setFetched(f.id, stored.key, stored.sha256);
    }
  }

  private async bureauCode(em: EntityManager): Promise<string> {
    const [row] = await this.repo.bureau(em);
    if (!row) throw new Error('no bureau org unit to route inbound transfers to');
    return row.code;
  }

  private remoteFile(transferId: string, role: 'evidence' | 'answer', f: DossierFile) {
    return this.repo.newFile({
      transferId,
      role,
      source: 'remote',
      remoteId: f.id,
      remotePath: f.path,
      fileName: f.fileName,
      contentType: f.contentType,
      size: String(f.size),
      sha256: f.sha256,
      description: f.description,
      expiresAt: new Date(f.expiresAt),
    });
  }

  /** Personal data of a received dossier is kept encrypted at rest (opened again on acceptance). */
  private sealDossier(d: Dossier): Dossier {
    return {
      ...d,
      parties: d.parties.map((p) => ({
        ...p,
        idNumber: p.idNumber ? this.cipher.encrypt(p.idNumber, AAD) : null,
        phone: p.phone ? this.cipher.encrypt(p.phone, AAD) : null,
      })),
    };
  }

  openDossier(d: Dossier): Dossier {
    return {
      ...d,
      parties: d.parties.map((p) => ({
        ...p,
        idNumber: p.idNumber ? this.cipher.decrypt(p.idNumber, AAD) : null,
        phone: p.phone ? this.cipher.decrypt(p.phone, AAD) : null,
      })),
    };
  }

  /** The dossier of an outbound transfer, built when sent (personal data only in memory, never stored here). */
  private async buildDossier(em: EntityManager, t: TransferEntity): Promise<Dossier | null> {
    if (!t.caseId) return null;
    const src = await this.port.dossierSource(this.effects.grant(t, 'transfer.read_dossier'), t.caseId);
    if (!src) return null;
    const expiresAt = new Date(this.clock.now().getTime() + FILE_LINK_DAYS * 86_400_000);
    const known = await this.repo.files(t.id, em);
    const files: DossierFile[] = [];
    if (t.kind === 'transfer') {
      for (const e of src.evidence) {
        let f = known.find((k) => k.caseEvidenceId === e.id);
        f ??= await this.repo.saveFile(
          em,
          this.repo.newFile({
            transferId: t.id,
            role: 'evidence',
            source: 'local',
            caseEvidenceId: e.id,
            fileName: e.fileName,
            contentType: e.contentType,
            size: String(e.size),
            sha256: e.sha256,
            description: e.description,
            expiresAt,
          }),
        );
        files.push({ ...e, id: f.id, path: filePath(t.id, f.id), expiresAt: (f.expiresAt ?? expiresAt).toISOString() });
      }
    }
    const c = src.case;
    return {
      version: 1,
      exchangeId: t.id,
      originCode: this.identity.selfCode,
      targetCode: t.partnerCode,
      targetUnitCode: null,
      kind: t.kind,
      reason: t.reason,
      requestedItems: t.requestedItems,
      sentAt: this.clock.now().toISOString(),
      case: {
        receiptNo: c.receiptNo,
        caseNo: c.caseNo,
        type: c.type,
        status: c.status,
        receivedOn: c.receivedOn,
        filedOn: c.filedOn,
        summary: c.summary,
        ftz: c.ftz,
        ecommerce: c.ecommerce,
        decision: c.decision,
      },
      parties: src.parties.map((p) => partyForKind(t.kind, p)),
      patents: src.patents,
      files,
    };
  }

  get maxFileBytes(): number {
    return this.config.evidenceMaxBytes;
  }
}
