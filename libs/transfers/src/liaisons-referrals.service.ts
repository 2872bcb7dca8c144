import { Injectable } from '@nestjs/common';
import { AuditWriter } from '@app/audit';
import { StatutoryCalendar } from '@app/calendar';
import { CaseChange, CasesService, CaseTransfersPort } from '@app/cases';
import { ActorContext, AuthUser, Clock, DomainError, Page, shanghaiDate, toPage, TransactionRunner } from '@app/kernel';
import { EntityManager } from 'typeorm';
import {
  allowedLiaisonActions,
  checkLiaison,
  LIAISON_DUE_WORKING_DAYS,
  LiaisonAction,
  LiaisonChannel,
  LiaisonInput,
  LiaisonKind,
  LiaisonOutcome,
  liaisonNext,
} from './domain/liaison-rules';
import {
  allowedReferralActions,
  checkOutcome,
  isReferralRoute,
  ReferralAction,
  ReferralOutcome,
  referralNext,
} from './domain/referral-rules';
import { isOverdueOn } from './domain/reply-due';
import { LiaisonEntity } from './persistence/liaison.entity';
import { ReferralEntity } from './persistence/referral.entity';
import { TransfersRepository } from './persistence/transfers.repository';

export const toLiaisonResponse = (l: LiaisonEntity, today: string) => ({
  id: l.id,
  caseId: l.caseId,
  orgUnitCode: l.orgUnitCode,
  channel: l.channel,
  kind: l.kind,
  status: l.status,
  platform: l.platform,
  storeName: l.storeName,
  listingUrls: l.listingUrls,
  port: l.port,
  reference: l.reference,
  actionOn: l.actionOn,
  note: l.note,
  sentOn: l.sentOn,
  replyDue: l.replyDue,
  reply: l.reply,
  repliedOn: l.repliedOn,
  outcome: l.outcome,
  overdue: l.status === 'open' && isOverdueOn(l.replyDue, today),
  version: l.version,
  allowedActions: allowedLiaisonActions(l.status),
});
export type LiaisonResponse = ReturnType<typeof toLiaisonResponse>;

export const toReferralResponse = (r: ReferralEntity) => ({
  id: r.id,
  caseId: r.caseId,
  orgUnitCode: r.orgUnitCode,
  route: r.route,
  status: r.status,
  ftz: r.ftz,
  reason: r.reason,
  referredOn: r.referredOn,
  receivingBody: r.receivingBody,
  reference: r.reference,
  outcome: r.outcome,
  outcomeOn: r.outcomeOn,
  outcomeSummary: r.outcomeSummary,
  version: r.version,
  allowedActions: allowedReferralActions(r.status),
});
export type ReferralResponse = ReturnType<typeof toReferralResponse>;

export interface LiaisonActionInput {
  expectedVersion: number;
  reply?: string;
  repliedOn?: string;
  outcome?: LiaisonOutcome;
}

export interface ReferralActionInput {
  expectedVersion: number;
  receivingBody?: string;
  reference?: string;
  outcome?: ReferralOutcome;
  outcomeOn?: string;
  summary?: string;
}

const grantOf = (id: string, userId: string) => ({ permission: 'transfer.record_event' as const, transferId: id, partnerCode: '', userId });

/**
 * E-commerce and customs liaison requests of a case (each with its reply deadline, reminders and escalations by the
 * transfers sweep) and referrals that report back (a `refer` creates one in the case's transaction; the officer records
 * the receiving body, then the outcome). Timeline entries go on the case through the cases context's named grant.
 */
@Injectable()
export class LiaisonsReferralsService {
  constructor(
    private readonly repo: TransfersRepository,
    private readonly tx: TransactionRunner,
    private readonly audit: AuditWriter,
    private readonly cases: CasesService,
    private readonly port: CaseTransfersPort,
    private readonly calendar: StatutoryCalendar,
    private readonly clock: Clock,
  ) {}

  private today(): string {
    return shanghaiDate(this.clock.now());
  }

  async createLiaison(
    user: AuthUser,
    actor: ActorContext,
    caseId: string,
    dto: LiaisonInput & { note?: string },
  ): Promise<LiaisonResponse> {
    const c = await this.cases.get(user, caseId);
    const today = this.today();
    const problems = checkLiaison(dto, today);
    if (problems.length) throw new DomainError('VALIDATION_FAILED', problems.map((p) => `${p.field}: ${p.message}`).join('; '), problems);
    const channel = dto.channel as LiaisonChannel;
    const replyDue = dto.replyDue ?? this.calendar.current.addWorkingDays(dto.sentOn, LIAISON_DUE_WORKING_DAYS[channel]);
    return this.tx.run(async (em) => {
      const l = await this.repo.saveLiaison(
        em,
        this.repo.newLiaison({
          caseId,
          orgUnitCode: c.orgUnitCode,
          channel,
          kind: dto.kind as LiaisonKind,
          status: 'open',
          platform: dto.platform ?? null,
          storeName: dto.storeName ?? null,
          listingUrls: dto.listingUrls ?? [],
          port: dto.port ?? null,
          reference: dto.reference ?? null,
          actionOn: dto.actionOn ?? null,
          note: dto.note ?? null,
          sentOn: dto.sentOn,
          replyDue,
          createdBy: user.id,
        }),
      );
      await this.record(em, actor, user, l.caseId, l.id, 'liaison', 'liaison_sent', l.orgUnitCode, {
        liaisonId: l.id,
        channel,
        kind: l.kind,
        replyDue,
      });
      return toLiaisonResponse(l, today);
    });
  }

  /** The liaisons of one case: 404 unless the caller may see the case. */
  async liaisonsOfCase(user: AuthUser, caseId: string, q: { limit?: number; cursor?: string }): Promise<Page<LiaisonResponse>> {
    await this.cases.get(user, caseId);
    return this.listLiaisons(user, { ...q, caseId });
  }

  async listLiaisons(
    user: AuthUser,
    q: { caseId?: string; channel?: string; status?: string; open?: boolean; overdue?: boolean; limit?: number; cursor?: string },
  ): Promise<Page<LiaisonResponse>> {
    const limit = q.limit ?? 50;
    const today = this.today();
    const rows = await this.repo.listLiaisons(user, { ...q, limit, today });
    return toPage(
      rows,
      limit,
      (l) => toLiaisonResponse(l, today),
      (l) => [l.createdAt.toISOString(), l.id],
    );
  }

  async actLiaison(
    user: AuthUser,
    actor: ActorContext,
    id: string,
    action: LiaisonAction,
    dto: LiaisonActionInput,
  ): Promise<LiaisonResponse> {
    if (action === 'record_reply' && !dto.reply) throw DomainError.validation('reply', 'is required to record a reply');
    if (action === 'close' && !dto.outcome) throw DomainError.validation('outcome', 'is required to close a liaison');
    const today = this.today();
    if (dto.repliedOn && dto.repliedOn > today) throw DomainError.validation('repliedOn', 'cannot be in the future');
    return this.tx.run(async (em) => {
      const l = await this.repo.lockLiaison(em, id);
      if (!l || !(await this.repo.visibleLiaison(user, id))) throw DomainError.notFound('liaison');
      if (l.version !== dto.expectedVersion) throw DomainError.versionConflict(dto.expectedVersion, l.version);
      const next = liaisonNext(l.status, action);
      if (!next)
        throw new DomainError('ILLEGAL_TRANSITION', `a liaison that is ${l.status} cannot take ${action}`, {
          allowedActions: allowedLiaisonActions(l.status),
        });
      const before = { status: l.status, version: l.version };
      l.status = next;
      if (action === 'record_reply') {
        l.reply = dto.reply ?? null;
        l.repliedOn = dto.repliedOn ?? today;
      }
      if (dto.outcome) l.outcome = dto.outcome;
      l.version += 1;
      await this.repo.saveLiaison(em, l);
      await this.record(
        em,
        actor,
        user,
        l.caseId,
        l.id,
        'liaison',
        `liaison_${action}`,
        l.orgUnitCode,
        { liaisonId: l.id, outcome: l.outcome },
        before,
      );
      return toLiaisonResponse(l, today);
    });
  }

  /** CaseChangeHooks listener: a `refer` opens its referral record in the case's own transaction. */
  async onCaseChange(em: EntityManager, change: CaseChange): Promise<void> {
    if (change.action !== 'refer') return;
    const route = change.payload.to;
    if (!isReferralRoute(route)) return;
    const c = change.case;
    const r = await this.repo.saveReferral(
      em,
      this.repo.newReferral({
        caseId: c.id,
        orgUnitCode: c.orgUnitCode,
        route,
        status: 'referred',
        ftz: c.ftz,
        reason: typeof change.payload.reason === 'string' ? change.payload.reason : '',
        referredOn: shanghaiDate(change.at),
      }),
    );
    await this.audit.write(
      em,
      { actorId: change.actorId, onBehalfOfId: null, requestId: null, ip: null },
      { action: 'referral.created', entityType: 'referral', entityId: r.id, orgUnitCode: r.orgUnitCode, after: toReferralResponse(r) },
    );
  }

  async listReferrals(
    user: AuthUser,
    q: { route?: string; status?: string; ftz?: boolean; caseId?: string; limit?: number; cursor?: string },
  ): Promise<Page<ReferralResponse>> {
    const limit = q.limit ?? 50;
    const rows = await this.repo.listReferrals(user, { ...q, limit });
    return toPage(rows, limit, toReferralResponse, (r) => [r.createdAt.toISOString(), r.id]);
  }

  /** Referrals by route, FTZ or not, and outcome (the four-in-one figures), in the caller's scope. */
  async referralSummary(user: AuthUser, q: { from: string; to: string }) {
    const rows = await this.repo.referralSummary(user, q);
    return { from: q.from, to: q.to, rows };
  }

  async actReferral(
    user: AuthUser,
    actor: ActorContext,
    id: string,
    action: ReferralAction,
    dto: ReferralActionInput,
  ): Promise<ReferralResponse> {
    if (action === 'acknowledge' && !dto.receivingBody)
      throw DomainError.validation('receivingBody', 'is required to acknowledge a referral');
    if (action === 'record_outcome' && (!dto.outcome || !dto.outcomeOn))
      throw DomainError.validation(dto.outcome ? 'outcomeOn' : 'outcome', 'is required to record the outcome');
    if (dto.outcomeOn && dto.outcomeOn > this.today()) throw DomainError.validation('outcomeOn', 'cannot be in the future');
    return this.tx.run(async (em) => {
      const r = await this.repo.lockReferral(em, id);
      if (!r || !(await this.repo.visibleReferral(user, id))) throw DomainError.notFound('referral');
      if (r.version !== dto.expectedVersion) throw DomainError.versionConflict(dto.expectedVersion, r.version);
      const next = referralNext(r.status, action);
      if (!next)
        throw new DomainError('ILLEGAL_TRANSITION', `a referral that is ${r.status} cannot take ${action}`, {
          allowedActions: allowedReferralActions(r.status),
        });
      if (action === 'record_outcome') {
        const problem = checkOutcome(r.route, dto.outcome as string);
        if (problem) throw DomainError.validation('outcome', problem);
      }
      const before = { status: r.status, version: r.version };
      r.status = next;
      if (dto.receivingBody) r.receivingBody = dto.receivingBody;
      if (dto.reference) r.reference = dto.reference;
      if (action === 'record_outcome') {
        r.outcome = dto.outcome ?? null;
        r.outcomeOn = dto.outcomeOn ?? null;
        r.outcomeSummary = dto.summary ?? null;
      }
      r.version += 1;
      await this.repo.saveReferral(em, r);
      await this.record(
        em,
        actor,
        user,
        r.caseId,
        r.id,
        'referral',
        `referral_${action}`,
        r.orgUnitCode,
        { referralId: r.id, route: r.route, receivingBody: r.receivingBody, reference: r.reference, outcome: r.outcome },
        before,
      );
      return toReferralResponse(r);
    });
  }

  private async record(
    em: EntityManager,
    actor: ActorContext,
    user: AuthUser,
    caseId: string,
    id: string,
    entityType: 'liaison' | 'referral',
    action: string,
    orgUnitCode: string,
    payload: Record<string, unknown>,
    before?: Record<string, unknown>,
  ): Promise<void> {
    await this.port.recordEvent(em, grantOf(id, user.id), caseId, action, payload);
    await this.audit.write(em, actor, { action: `${entityType}.${action}`, entityType, entityId: id, orgUnitCode, before, after: payload });
  }
}
