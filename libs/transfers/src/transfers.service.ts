import { Inject, Injectable } from '@nestjs/common';
import { CasesService, CaseTransfersPort, CreateCaseDto, isCaseType, isTerminalStatus } from '@app/cases';
import {
  ActorContext,
  AuthUser,
  Clock,
  DomainError,
  isUniqueViolation,
  Page,
  shanghaiDate,
  toPage,
  toTimelineEvent,
  TransactionRunner,
  TimelineEventResponse,
} from '@app/kernel';
import { randomUUID } from 'node:crypto';
import { EntityManager } from 'typeorm';
import { Readable } from 'node:stream';
import { filePath } from './domain/dossier';
import { transferTransition } from './domain/transfer-lifecycle';
import { isAssistance, TransferKind, UserAction } from './domain/transfer-types';
import { ExchangeService, TRANSFER_FILE_STORE } from './exchange.service';
import {
  toTransferFileResponse,
  toTransferResponse,
  TransferFileResponse,
  TransferResponse,
  transferSnapshot,
} from './http/transfer.mapper';
import { TransferFileStore } from './persistence/transfer-file-store';
import { TransferEntity } from './persistence/transfer.entity';
import { TransfersRepository } from './persistence/transfers.repository';
import { TransferEffects } from './transfer-effects';

export interface RequestTransferInput {
  partnerCode: string;
  kind: TransferKind;
  reason: string;
  requestedItems?: string[];
}

export interface TransferActionInput {
  expectedVersion: number;
  reason?: string;
  result?: string;
  files?: string[];
}

export interface TransferListQuery {
  direction?: 'in' | 'out';
  status?: string;
  kind?: string;
  caseId?: string;
  overdue?: boolean;
  limit?: number;
  cursor?: string;
}

const FILE_LINK_DAYS = 30;

/**
 * Transfers and assistance as officers and supervisors work them: request on a case, approve or return, retry; on
 * the receiving side accept (a local case, every evidence file re-hashed), decline or answer. One use case, one
 * transaction (acceptance first copies and re-hashes the partner's files, then commits everything at once).
 */
@Injectable()
export class TransfersService {
  constructor(
    private readonly repo: TransfersRepository,
    private readonly tx: TransactionRunner,
    private readonly effects: TransferEffects,
    private readonly exchange: ExchangeService,
    private readonly cases: CasesService,
    private readonly port: CaseTransfersPort,
    private readonly clock: Clock,
    @Inject(TRANSFER_FILE_STORE) private readonly store: TransferFileStore,
  ) {}

  private view(user: AuthUser, t: TransferEntity): TransferResponse {
    return toTransferResponse(t, { roles: user.roles, today: shanghaiDate(this.clock.now()) });
  }

  async get(user: AuthUser, id: string): Promise<TransferResponse> {
    const t = await this.repo.visibleTransfer(user, id);
    if (!t) throw DomainError.notFound('transfer');
    return this.view(user, t);
  }

  async list(user: AuthUser, q: TransferListQuery): Promise<Page<TransferResponse>> {
    const limit = q.limit ?? 50;
    const rows = await this.repo.listTransfers(user, { ...q, limit, today: shanghaiDate(this.clock.now()) });
    return toPage(
      rows,
      limit,
      (t) => this.view(user, t),
      (t) => [t.createdAt.toISOString(), t.id],
    );
  }

  async events(user: AuthUser, id: string): Promise<TimelineEventResponse[]> {
    await this.get(user, id);
    return (await this.repo.events(id)).map(toTimelineEvent);
  }

  async files(user: AuthUser, id: string): Promise<TransferFileResponse[]> {
    await this.get(user, id);
    return (await this.repo.files(id)).map(toTransferFileResponse);
  }

  /** POST /cases/:id/transfers: an officer's request; a supervisor approves it before anything leaves. */
  async request(user: AuthUser, actor: ActorContext, caseId: string, dto: RequestTransferInput): Promise<TransferResponse> {
    const partner = await this.repo.partner(dto.partnerCode);
    if (!partner || !partner.active || !partner.endpoint || partner.keys.length === 0)
      throw DomainError.validation(
        'partnerCode',
        partner ? 'is not an active partner (no endpoint or keys configured)' : 'is not a known partner office',
      );
    const c = await this.cases.get(user, caseId);
    if (dto.kind === 'transfer' && !this.port.canTransferOut(c))
      throw DomainError.rule(
        'TRANSFER_CASE_STATUS',
        `a case that is ${c.status}${c.suspended ? ' (suspended)' : ''} cannot be transferred: only a case under investigation`,
        { status: c.status },
      );
    if (isTerminalStatus(c.status))
      throw DomainError.rule('TRANSFER_CASE_STATUS', `a case that is ${c.status} takes no transfer or assistance request`, {
        status: c.status,
      });
    const id = randomUUID();
    try {
      await this.tx.run(async (em) => {
        const open = await this.repo.openOutbound(em, caseId, dto.kind);
        if (open)
          throw new DomainError('DUPLICATE', `the case already has an open ${dto.kind} request (${open.id})`, {
            rule: 'ONE_OPEN_TRANSFER',
            transferId: open.id,
          });
        const t = this.repo.newTransfer({
          id,
          direction: 'out',
          kind: dto.kind,
          status: 'requested',
          partnerCode: partner.code,
          orgUnitCode: c.orgUnitCode,
          caseId,
          exchangeId: id,
          reason: dto.reason,
          requestedItems: dto.requestedItems ?? [],
          requestedBy: user.id,
        });
        await this.effects.step(em, actor, t, {
          action: 'request',
          before: null,
          payload: { reason: dto.reason },
          caseEvent: 'transfer_requested',
        });
        await this.effects.notify(em, t, 'transfer.requested', '移送/协作请求待审批 / Request awaits approval', dto.reason);
      });
    } catch (err) {
      if (isUniqueViolation(err))
        throw new DomainError('DUPLICATE', `the case already has an open ${dto.kind} request`, { rule: 'ONE_OPEN_TRANSFER' });
      throw err;
    }
    return this.get(user, id);
  }

  /** POST /transfers/:id/actions/:action (approve, return, retry, decline, answer; accept has its own path). */
  async act(user: AuthUser, actor: ActorContext, id: string, action: UserAction, dto: TransferActionInput): Promise<TransferResponse> {
    this.checkPayload(action, dto);
    if (action === 'accept') return this.accept(user, actor, id, dto);
    await this.tx.run(async (em) => {
      const t = await this.lockFor(em, user, id, action, dto);
      const before = transferSnapshot(t);
      const today = shanghaiDate(this.clock.now());
      switch (action) {
        case 'approve':
        case 'retry':
          t.status = 'approved';
          t.lastError = null;
          await this.effects.step(em, actor, t, { action, before, caseEvent: action === 'approve' ? 'transfer_approved' : undefined });
          await this.effects.outboxDeliver(em, t.id);
          break;
        case 'return':
          t.status = 'returned';
          t.returnReason = dto.reason ?? null;
          await this.effects.step(em, actor, t, { action, before, payload: { reason: dto.reason }, caseEvent: 'transfer_returned' });
          break;
        case 'decline':
          t.status = 'declined';
          t.declineReason = dto.reason ?? null;
          t.repliedOn = today;
          await this.effects.step(em, actor, t, { action, before, payload: { reason: dto.reason } });
          await this.effects.sendStatus(em, t, { status: 'declined', reason: dto.reason ?? null });
          break;
        case 'answer': {
          const all = await this.repo.files(t.id, em);
          const ids = dto.files ?? [];
          const chosen = ids.map((fid) => all.find((f) => f.id === fid && f.role === 'answer' && f.source === 'local'));
          const missing = ids.filter((_, i) => !chosen[i]);
          if (missing.length) throw DomainError.validation('files', `not answer files of this request: ${missing.join(', ')}`);
          t.status = 'answered';
          t.result = dto.result ?? null;
          t.repliedOn = today;
          await this.effects.step(em, actor, t, { action, before, payload: { files: ids.length } });
          await this.effects.sendStatus(em, t, {
            status: 'answered',
            result: dto.result ?? null,
            files: chosen.map((f) => ({
              id: f!.id,
              fileName: f!.fileName,
              contentType: f!.contentType,
              size: Number(f!.size),
              sha256: f!.sha256,
              description: f!.description,
              path: filePath(t.exchangeId, f!.id),
              expiresAt: (f!.expiresAt ?? new Date()).toISOString(),
            })),
          });
          break;
        }
      }
    });
    return this.get(user, id);
  }

  /** A file answering an inbound assistance request (multipart upload), offered to the partner with the answer. */
  async addAnswerFile(
    user: AuthUser,
    actor: ActorContext,
    id: string,
    content: Readable,
    meta: { fileName: string; contentType: string; description: string },
  ): Promise<TransferFileResponse> {
    const t = await this.repo.visibleTransfer(user, id);
    if (!t) throw DomainError.notFound('transfer');
    if (t.direction !== 'in' || !isAssistance(t.kind) || t.status !== 'received')
      throw DomainError.rule('TRANSFER_ANSWERED', 'files are added to an inbound assistance request that is not yet answered');
    const stored = await this.store.put(content, this.exchange.maxFileBytes);
    try {
      return await this.tx.run(async (em) => {
        const f = await this.repo.saveFile(
          em,
          this.repo.newFile({
            transferId: t.id,
            role: 'answer',
            source: 'local',
            fileName: meta.fileName,
            contentType: meta.contentType,
            size: String(stored.size),
            sha256: stored.sha256,
            description: meta.description,
            storageKey: stored.key,
            expiresAt: new Date(this.clock.now().getTime() + FILE_LINK_DAYS * 86_400_000),
          }),
        );
        await this.effects.audit(em, actor, t, 'file_added', { fileId: f.id, fileName: f.fileName, sha256: f.sha256, size: stored.size });
        return toTransferFileResponse(f);
      });
    } catch (err) {
      await this.store.remove(stored.key).catch(() => undefined);
      throw err;
    }
  }

  /** A file of the transfer for our own users, after checking it has the sha256 it was listed with. */
  async openFile(user: AuthUser, id: string, fileId: string): Promise<{ meta: TransferFileResponse; stream: Readable }> {
    await this.get(user, id);
    const f = await this.repo.file(id, fileId);
    if (!f || !f.storageKey) throw DomainError.notFound('file');
    const actual = await this.store.hash(f.storageKey).catch(() => 'missing');
    if (actual !== f.sha256)
      throw new DomainError('EVIDENCE_INTEGRITY', 'the file does not match the sha256 it was sent with; it was not served', { fileId });
    return { meta: toTransferFileResponse(f), stream: this.store.open(f.storageKey) };
  }

  /**
   * Acceptance of an inbound transfer: every file the partner listed is copied from our store into the case evidence
   * storage, its sha256 taken on the way and compared with the signed dossier's. A mismatch refuses the acceptance
   * (recorded, the origin told, 422). Otherwise one transaction creates the local case (source `transfer_in`, through
   * CasesService.intakeIn, as the accepting officer), attaches the evidence, marks the transfer accepted and queues the
   * status message with our case number.
   */
  private async accept(user: AuthUser, actor: ActorContext, id: string, dto: TransferActionInput): Promise<TransferResponse> {
    const t0 = await this.repo.visibleTransfer(user, id);
    if (!t0) throw DomainError.notFound('transfer');
    this.checkTransition(user, t0, 'accept', dto);
    const files = (await this.repo.files(t0.id)).filter((f) => f.role === 'evidence' && f.source === 'remote');
    const pending = files.filter((f) => !f.storageKey);
    if (pending.length)
      throw DomainError.rule(
        'EVIDENCE_NOT_FETCHED',
        `${pending.length} evidence file(s) are still being fetched from the partner; try again shortly`,
        { files: pending.map((f) => f.remoteId) },
      );
    const copies: { file: (typeof files)[number]; stored: { key: string; size: number; sha256: string } }[] = [];
    try {
      for (const f of files) copies.push({ file: f, stored: await this.port.storeEvidence(this.store.open(f.storageKey as string)) });
    } catch (err) {
      await Promise.all(copies.map((c) => this.port.discardEvidence(c.stored.key).catch(() => undefined)));
      throw err;
    }
    const mismatched = copies
      .filter((c) => c.stored.sha256 !== c.file.sha256)
      .map((c) => ({ id: c.file.remoteId as string, fileName: c.file.fileName, expected: c.file.sha256, actual: c.stored.sha256 }));
    if (mismatched.length) {
      await Promise.all(copies.map((c) => this.port.discardEvidence(c.stored.key).catch(() => undefined)));
      await this.tx.run(async (em) => {
        const t = await this.lockFor(em, user, id, 'accept', dto);
        const before = transferSnapshot(t);
        t.integrityProblem = mismatched;
        await this.effects.step(em, actor, t, { action: 'evidence_rejected', before, payload: { mismatched } });
        await this.effects.sendStatus(em, t, {
          status: 'evidence_rejected',
          mismatched: mismatched.map(({ id: fid, expected, actual }) => ({ id: fid, expected, actual })),
        });
        await this.effects.notify(
          em,
          t,
          'transfer.evidence_mismatch',
          '移入证据校验不符，拒绝接收 / Evidence mismatch: acceptance refused',
          mismatched.map((m) => m.fileName).join(', '),
        );
      });
      throw DomainError.rule(
        'EVIDENCE_MISMATCH',
        `acceptance refused: ${mismatched.length} evidence file(s) do not match the sha256 in the partner's dossier; the partner was told`,
        { mismatched },
      );
    }
    try {
      await this.tx.run(async (em) => {
        const t = await this.lockFor(em, user, id, 'accept', dto);
        const before = transferSnapshot(t);
        const d = this.exchange.openDossier(t.dossier!);
        const party = (role: 'requester' | 'respondent') =>
          d.parties
            .filter((p) => p.role === role)
            .map((p) => ({
              kind: p.kind,
              name: p.name,
              ...(p.uscc ? { uscc: p.uscc } : {}),
              ...(p.idNumber ? { idNumber: p.idNumber } : {}),
              ...(p.legalRepresentative ? { legalRepresentative: p.legalRepresentative } : {}),
              ...(p.address ? { address: p.address } : {}),
              ...(p.phone ? { phone: p.phone } : {}),
            }));
        if (!isCaseType(d.case.type))
          throw DomainError.validation('dossier.case.type', `is not a case type of this office: ${d.case.type}`);
        const intake = {
          type: d.case.type,
          source: 'transfer_in',
          orgUnitCode: t.orgUnitCode,
          receivedOn: shanghaiDate(this.clock.now()),
          summary: `【${t.partnerCode}移送 ${t.originCaseNo ?? ''}】${d.case.summary}`.slice(0, 5000),
          requesters: party('requester'),
          respondents: party('respondent'),
          patents: d.patents.map((p) => ({ number: p.number, ...(p.title ? { title: p.title } : {}) })),
          ftz: d.case.ftz,
          ...(d.case.ecommerce ? { ecommerce: d.case.ecommerce } : {}),
        } as CreateCaseDto;
        const caseId = await this.cases.intakeIn(em, user, actor, intake);
        t.caseId = caseId;
        for (const c of copies)
          await this.port.attachEvidence(em, this.effects.grant(t, 'transfer.attach_evidence', user.id), caseId, c.stored, {
            fileName: c.file.fileName,
            contentType: c.file.contentType,
            description: c.file.description,
            uploadedBy: user.id,
            originSha256: c.file.sha256,
          });
        const local = await this.port.numbersOf(em, caseId);
        t.status = 'accepted';
        t.partnerCaseNo = local?.caseNo ?? local?.receiptNo ?? null;
        t.repliedOn = shanghaiDate(this.clock.now());
        t.integrityProblem = null;
        await this.effects.step(em, actor, t, {
          action: 'accept',
          before,
          payload: { localCaseId: caseId, localCaseNo: t.partnerCaseNo, originCaseNo: t.originCaseNo, files: copies.length },
          caseEvent: 'transfer_in',
        });
        await this.effects.sendStatus(em, t, { status: 'accepted', partnerCaseNo: t.partnerCaseNo });
      });
    } catch (err) {
      await Promise.all(copies.map((c) => this.port.discardEvidence(c.stored.key).catch(() => undefined)));
      throw err;
    }
    return this.get(user, id);
  }

  private checkPayload(action: UserAction, dto: TransferActionInput): void {
    const needs: Record<UserAction, { required: (keyof TransferActionInput)[]; optional: (keyof TransferActionInput)[] }> = {
      approve: { required: [], optional: [] },
      retry: { required: [], optional: [] },
      accept: { required: [], optional: [] },
      return: { required: ['reason'], optional: [] },
      decline: { required: ['reason'], optional: [] },
      answer: { required: ['result'], optional: ['files'] },
    };
    const n = needs[action];
    const problems: { field: string; message: string }[] = [];
    for (const f of n.required) if (dto[f] === undefined) problems.push({ field: f, message: `is required for ${action}` });
    for (const [k, v] of Object.entries(dto))
      if (v !== undefined && k !== 'expectedVersion' && !n.required.includes(k as never) && !n.optional.includes(k as never))
        problems.push({ field: k, message: `is not used by ${action}` });
    if (problems.length) throw new DomainError('VALIDATION_FAILED', problems.map((p) => `${p.field}: ${p.message}`).join('; '), problems);
  }

  /** The role first (403 whatever the version), then the version (409), then the state (422). */
  private checkTransition(user: AuthUser, t: TransferEntity, action: UserAction, dto: TransferActionInput): void {
    const r = transferTransition({ direction: t.direction, kind: t.kind, status: t.status }, action, user.roles);
    if (!r.ok && r.code === 'FORBIDDEN')
      throw new DomainError('FORBIDDEN', `your role may not ${action} this transfer`, { allowedActions: r.allowedActions });
    if (t.version !== dto.expectedVersion) throw DomainError.versionConflict(dto.expectedVersion, t.version);
    if (!r.ok) {
      throw new DomainError(
        'ILLEGAL_TRANSITION',
        `an ${t.direction === 'out' ? 'outbound' : 'inbound'} ${t.kind} that is ${t.status} cannot be ${action}ed`,
        {
          allowedActions: r.allowedActions,
        },
      );
    }
  }

  private async lockFor(
    em: EntityManager,
    user: AuthUser,
    id: string,
    action: UserAction,
    dto: TransferActionInput,
  ): Promise<TransferEntity> {
    const t = await this.repo.lockTransfer(em, id);
    if (!t || !(await this.repo.visibleTransfer(user, id))) throw DomainError.notFound('transfer');
    this.checkTransition(user, t, action, dto);
    return t;
  }
}
