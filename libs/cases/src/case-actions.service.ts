import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import {
  ActorContext,
  APP_CONFIG,
  AppConfig,
  AuthUser,
  Clock,
  DEFAULT_NUMBER_TEMPLATE,
  DomainError,
  ErrorDetail,
  formatNumber,
  inScope,
  NumberingService,
  shanghaiDate,
  TransactionRunner,
} from '@app/kernel';
import { daysBetween } from '@app/kernel/calendar';
import { EntityManager } from 'typeorm';
import { StatutoryCalendar } from '@app/calendar';
import { CaseChangeRecorder } from './case-change.recorder';
import { CasesService } from './cases.service';
import { closingDeadlines, earliestHearingDate, HEARING_NOTICE_WORKING_DAYS, maxExtensionDays } from './domain/case-deadlines';
import { transition } from './domain/case-lifecycle';
import { checkFilingPrerequisites, checkFine, checkOfficerCount } from './domain/case-rules';
import { CASE_ACTIONS, CaseAction } from './domain/case-types';
import { paymentDue, paymentState } from './domain/penalty-payment';
import {
  approvalBlock,
  decisionServiceDue,
  disputeAnswerDue,
  earliestPenaltyHearing,
  hearingRight,
  HearingThresholds,
  isMajorDecision,
  PENALTY_HEARING_NOTICE_WORKING_DAYS,
  procedureStepBlock,
  ServiceDocument,
  ServiceRecord,
  statementPeriodEnd,
} from './domain/penalty-procedure';
import { ACTION_FIELDS, CaseActionDto, CreatePaymentDto, CreateServiceRecordDto, RecuseDto } from './http/dto/case-action.dto';
import { CaseResponse, ServiceRecordResponse } from './http/dto/case-response';
import { CaseEntity } from './persistence/case.entity';
import { CasesRepository } from './persistence/cases.repository';

/**
 * `POST /cases/:id/actions/:action`: one transaction that locks the case, checks the version, the role and the
 * state machine, applies the action's own rules, and writes the case, a timeline event and an audit entry.
 */
@Injectable()
export class CaseActionsService {
  constructor(
    private readonly tx: TransactionRunner,
    private readonly cases: CasesService,
    private readonly repo: CasesRepository,
    private readonly recorder: CaseChangeRecorder,
    private readonly numbering: NumberingService,
    private readonly clock: Clock,
    private readonly calendar: StatutoryCalendar,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    this.thresholds = {
      fineIndividualFen: config.penalty.hearingFineIndividualFen,
      fineOrganizationFen: config.penalty.hearingFineOrganizationFen,
      confiscationIndividualFen: config.penalty.hearingConfiscationIndividualFen,
      confiscationOrganizationFen: config.penalty.hearingConfiscationOrganizationFen,
    };
    this.majorFineFen = config.penalty.majorFineFen;
  }

  private readonly thresholds: HearingThresholds;
  private readonly majorFineFen: number;

  async act(user: AuthUser, actor: ActorContext, id: string, actionName: string, dto: CaseActionDto): Promise<CaseResponse> {
    const action = this.checkPayload(actionName, dto);
    await this.tx.run(async (em) => {
      const c = await this.repo.lockVisible(em, user, id);
      if (!c) throw DomainError.notFound('case');
      const from = { status: c.status, suspended: c.suspended, extensionPending: c.extensionPending };
      const result = transition(from, action, user.roles);
      const allowed = result.ok ? [] : result.allowedActions.filter((a) => a !== 'transfer_out' && procedureStepBlock(a, c) === null);
      // the role before the version: a caller whose role may not act learns nothing (not the version) from a 409
      if (!result.ok && result.code === 'FORBIDDEN')
        throw new DomainError('FORBIDDEN', `your role may not ${action} a case`, { allowedActions: allowed });
      // the version before the state: a stale caller is told the case changed, not that its step no longer applies
      if (c.version !== dto.expectedVersion) throw DomainError.versionConflict(dto.expectedVersion, c.version);
      if (!result.ok)
        throw new DomainError('ILLEGAL_TRANSITION', `a case that is ${c.status}${c.suspended ? ' (suspended)' : ''} cannot be ${action}`, {
          allowedActions: allowed,
        });
      const before = snapshot(c);
      const today = shanghaiDate(this.clock.now());
      const payload = await this.apply(em, c, action, dto, today, user.id);
      Object.assign(c, result.next);
      if (result.next.status === 'closed' || result.next.status === 'not_filed') c.closedOn ??= today;
      c.version += 1;
      await this.repo.save(em, c);
      await this.recorder.record(em, user.id, actor, c, {
        action,
        auditAction: `case.${action}`,
        fromStatus: before.status,
        payload,
        before,
        after: { ...snapshot(c), ...payload },
      });
    });
    return this.cases.get(user, id);
  }

  /** 回避: removes the officer from the case (and its officer list) and keeps them out of it from now on. */
  async recuse(user: AuthUser, actor: ActorContext, id: string, dto: RecuseDto): Promise<CaseResponse> {
    await this.tx.run(async (em) => {
      const c = await this.repo.lockVisible(em, user, id);
      if (!c) throw DomainError.notFound('case');
      if (c.version !== dto.expectedVersion) throw DomainError.versionConflict(dto.expectedVersion, c.version);
      const [officer] = await this.repo.users(em, [dto.officerId]);
      if (
        !officer ||
        !officer.roles.includes('officer') ||
        (officer.orgUnitCode !== c.orgUnitCode && !c.assignedOfficerIds.includes(officer.id))
      ) {
        throw DomainError.validation('officerId', 'is not an officer of this case or its unit');
      }
      if (c.recusedOfficerIds.includes(officer.id))
        throw DomainError.rule('ALREADY_RECUSED', 'this officer is already recused from the case');
      const before = snapshot(c);
      c.assignedOfficerIds = c.assignedOfficerIds.filter((o) => o !== officer.id);
      c.recusedOfficerIds = [...c.recusedOfficerIds, officer.id];
      c.version += 1;
      await this.repo.save(em, c);
      const payload = { officerId: officer.id, reason: dto.reason };
      await this.recorder.record(em, user.id, actor, c, {
        action: 'recuse',
        auditAction: 'case.recused',
        fromStatus: c.status,
        payload,
        before,
        after: { ...snapshot(c), ...payload },
      });
    });
    return this.cases.get(user, id);
  }

  /** The action exists and the body carries exactly its fields. */
  private checkPayload(actionName: string, dto: CaseActionDto): CaseAction {
    const fields = ACTION_FIELDS[actionName];
    if (!fields || !(CASE_ACTIONS as readonly string[]).includes(actionName)) {
      throw DomainError.validation('action', `is not one of ${Object.keys(ACTION_FIELDS).join(', ')}`);
    }
    const problems: ErrorDetail[] = [];
    for (const f of fields.required) if (dto[f] === undefined) problems.push({ field: f, message: `is required for ${actionName}` });
    const allowed = new Set<string>(['expectedVersion', ...fields.required, ...(fields.optional ?? [])]);
    for (const [k, v] of Object.entries(dto))
      if (v !== undefined && !allowed.has(k)) problems.push({ field: k, message: `is not used by ${actionName}` });
    if (problems.length) throw new DomainError('VALIDATION_FAILED', problems.map((p) => `${p.field}: ${p.message}`).join('; '), problems);
    return actionName as CaseAction;
  }

  /** The action's own rules and effects on the (locked) case; returns what the timeline records. */
  private async apply(
    em: EntityManager,
    c: CaseEntity,
    action: CaseAction,
    dto: CaseActionDto,
    today: string,
    actorId: string,
  ): Promise<Record<string, unknown>> {
    const step = procedureStepBlock(action, c);
    if (step) throw DomainError.rule(step.code, step.message);
    switch (action) {
      case 'file': {
        const filedOn = dto.filedOn ?? today;
        if (filedOn < c.receivedOn) throw DomainError.validation('filedOn', 'cannot be before the case was received');
        if (filedOn > today) throw DomainError.validation('filedOn', 'cannot be in the future');
        const [parties, patents] = await Promise.all([this.repo.parties(em, c.id), this.repo.countPatents(em, c.id)]);
        const missing = checkFilingPrerequisites({
          type: c.type,
          respondents: parties.filter((p) => p.role === 'respondent'),
          requesters: parties.filter((p) => p.role === 'requester').map((p) => ({ kind: p.kind, role: p.requesterRole })),
          patents: Array.from({ length: patents }),
        });
        if (missing.length) throw DomainError.rule('FILING_PREREQUISITES', 'the case cannot be filed yet', { missing });
        const unit = await this.repo.orgUnit(em, c.orgUnitCode);
        const year = Number(filedOn.slice(0, 4));
        const seq = await this.numbering.next(em, { orgUnitCode: c.orgUnitCode, year, kind: 'case_no' });
        c.caseNo = formatNumber(DEFAULT_NUMBER_TEMPLATE, { unitAbbr: unit.abbr, year, seq });
        c.filedOn = filedOn;
        this.recomputeClosing(c);
        const notified = this.requesterNotified(c, dto, today);
        return { caseNo: c.caseNo, filedOn, closingDue: c.closingDue, ...notified };
      }
      case 'decline': {
        c.outcome = { kind: 'not_filed', reason: dto.reason };
        return { reason: dto.reason, ...this.requesterNotified(c, dto, today) };
      }
      case 'assign': {
        const ids = [...new Set(dto.officerIds ?? [])];
        const violation = checkOfficerCount(c.type, ids);
        if (violation) throw DomainError.rule(violation.code, violation.message);
        const officers = await this.repo.users(em, ids);
        const bad = ids.filter((oid) => {
          const o = officers.find((u) => u.id === oid);
          return (
            !o || !o.active || !o.roles.includes('officer') || !inScope({ allUnits: false, unitCodes: [c.orgUnitCode] }, o.orgUnitCode)
          );
        });
        if (bad.length) throw DomainError.validation('officerIds', `not active officers of unit ${c.orgUnitCode}: ${bad.join(', ')}`);
        c.assignedOfficerIds = ids;
        return { officerIds: ids };
      }
      case 'schedule_hearing': {
        const earliest = earliestHearingDate(this.calendar.current, today);
        if ((dto.hearingOn as string) < earliest) {
          throw DomainError.rule(
            'HEARING_NOTICE',
            `the hearing needs ${HEARING_NOTICE_WORKING_DAYS} working days' notice: ${earliest} at the earliest`,
            {
              earliest,
            },
          );
        }
        c.hearingOn = dto.hearingOn as string;
        return { hearingOn: c.hearingOn };
      }
      case 'propose_decision': {
        const d = dto.decision!;
        if (d.kind === 'penalty') {
          if (d.fineFen === undefined) throw DomainError.validation('decision.fineFen', 'is required for a penalty');
          const violation = checkFine({ actDate: d.actDate ?? c.receivedOn, fineFen: d.fineFen, illegalGainsFen: d.illegalGainsFen ?? 0 });
          if (violation?.code === 'FINE_ABOVE_CAP')
            throw DomainError.rule('FINE_ABOVE_CAP', violation.message, { capFen: violation.capFen });
          if (violation) throw DomainError.validation(`decision.${violation.field}`, violation.message);
          // 行政处罚法 Art. 59: a penalty decision states the facts of the violation
          if (!d.facts?.trim()) throw DomainError.validation('decision.facts', 'is required for a penalty (the facts of the violation)');
        } else if (d.fineFen !== undefined || d.confiscatedFen !== undefined) {
          throw DomainError.validation('decision.fineFen', 'only a penalty carries amounts');
        } else if (d.warning !== undefined) {
          throw DomainError.validation('decision.warning', 'only a penalty carries a warning');
        }
        const major = isMajorDecision(d, this.majorFineFen, c.procedure);
        c.decision = { ...d, major, proposedOn: today };
        return { decision: c.decision };
      }
      case 'approve_decision': {
        const d = (c.decision ?? {}) as { kind?: string; major?: boolean; fineFen?: number; confiscatedFen?: number };
        const major = isMajorDecision({ kind: d.kind ?? '', major: d.major, fineFen: d.fineFen }, this.majorFineFen, c.procedure);
        const block = approvalBlock({
          decisionKind: d.kind ?? '',
          fineFen: d.fineFen ?? 0,
          confiscatedFen: d.confiscatedFen ?? 0,
          major,
          procedure: c.procedure,
          today,
        });
        if (block) {
          const { code, message, ...details } = block;
          throw DomainError.rule(code, message, details);
        }
        const unit = await this.repo.orgUnit(em, c.orgUnitCode);
        const year = Number(today.slice(0, 4));
        const seq = await this.numbering.next(em, { orgUnitCode: c.orgUnitCode, year, kind: 'decision_no' });
        c.decisionNo = formatNumber('{unitAbbr}知执决〔{year}〕{seq}号', { unitAbbr: unit.abbr, year, seq });
        c.decidedOn = today;
        c.decision = { ...(c.decision ?? {}), documentNo: c.decisionNo, decidedOn: today, major };
        // 行政处罚法 Art. 61: served within 7 working days; the deadline sweep reminds and escalates
        c.serviceDueOn = decisionServiceDue(this.calendar.current, today);
        return { decisionNo: c.decisionNo, serviceDueOn: c.serviceDueOn, major };
      }
      case 'return_decision': {
        c.decision = null;
        // the review was of the returned proposal; a new proposal is reviewed again
        c.procedure = { ...c.procedure, legalReview: undefined };
        return { reason: dto.reason };
      }
      case 'serve': {
        const servedOn = dto.servedOn as string;
        if (c.decidedOn && servedOn < c.decidedOn) throw DomainError.validation('servedOn', 'cannot be before the decision');
        const record = this.serviceRecord(c, { ...dto, document: 'decision' } as CreateServiceRecordDto, today, actorId);
        c.servedOn = servedOn;
        const isPenalty = c.decision?.kind === 'penalty';
        const due = isPenalty ? paymentDue(this.calendar.current, servedOn) : null;
        c.procedure = {
          ...c.procedure,
          serviceRecords: [...(c.procedure.serviceRecords ?? []), record],
          ...(due ? { paymentDueOn: due } : {}),
        };
        return { servedOn, method: dto.method, serviceRecordId: record.id, ...(due ? { paymentDueOn: due } : {}) };
      }
      case 'close': {
        const isPenalty = c.decision?.kind === 'penalty';
        if (isPenalty && !dto.enforcement) throw DomainError.validation('enforcement', 'is required for a penalty');
        if (!isPenalty && dto.enforcement)
          throw DomainError.validation('enforcement', 'only a penalty case records an enforcement outcome');
        if (dto.enforcement === 'paid') {
          const owed = this.owed(c, today);
          if (owed > 0)
            throw DomainError.rule('PAYMENT_OUTSTANDING', `${owed} fen are still owed: the case is not paid in full`, {
              amountOwedFen: owed,
            });
        }
        if (dto.enforcement) c.procedure = { ...c.procedure, enforcement: dto.enforcement };
        c.outcome = {
          kind: c.decision?.kind ?? 'closed',
          decisionNo: c.decisionNo,
          note: dto.note ?? null,
          ...(dto.enforcement ? { enforcement: dto.enforcement } : {}),
        };
        return { note: dto.note ?? null, ...(dto.enforcement ? { enforcement: dto.enforcement } : {}) };
      }
      case 'mediate':
        c.outcome = { kind: 'mediation_agreement', agreementSummary: dto.agreementSummary };
        return { agreementSummary: dto.agreementSummary };
      case 'refer':
        c.outcome = { kind: 'referral', to: dto.to, reason: dto.reason };
        return { to: dto.to, reason: dto.reason };
      case 'suspend':
        c.pausedSince = today;
        return { reason: dto.reason };
      case 'resume': {
        const paused = c.pausedSince ? Math.max(0, daysBetween(c.pausedSince, today)) : 0;
        c.pausedDays += paused;
        c.pausedSince = null;
        if (c.filedOn) this.recomputeClosing(c);
        return { pausedDays: paused };
      }
      case 'request_extension': {
        const max = maxExtensionDays(c.type, c.filedOn as string, c.pausedDays, c.fastTrack) - c.extensionDays;
        if ((dto.days as number) > max)
          throw DomainError.rule('EXTENSION_LIMIT', `at most ${Math.max(0, max)} more days can be granted`, { maxDays: Math.max(0, max) });
        c.pendingExtensionDays = dto.days as number;
        return { days: dto.days, reason: dto.reason };
      }
      case 'approve_extension': {
        const days = c.pendingExtensionDays ?? 0;
        c.extensionDays += days;
        c.pendingExtensionDays = null;
        this.recomputeClosing(c);
        return { days, extendedClosingDue: c.extendedClosingDue };
      }
      case 'reject_extension':
        c.pendingExtensionDays = null;
        return { reason: dto.reason };
      case 'withdraw':
        c.outcome = { kind: 'withdrawn', reason: dto.reason };
        if (c.pausedSince) c.pausedSince = null;
        return { reason: dto.reason };
      case 'transfer_out':
        throw DomainError.validation('action', 'transfers are requested through /cases/:id/transfers');
      case 'notify_penalty': {
        const servedOn = dto.servedOn as string;
        const intended = dto.intendedPenalty!;
        const respondents = await this.repo.parties(em, c.id);
        const amounts = { fineFen: intended.fineFen ?? 0, confiscatedFen: intended.confiscatedFen ?? 0 };
        const kinds = respondents.filter((r) => r.role === 'respondent').map((r) => r.kind);
        const record = this.serviceRecord(c, { ...dto, document: 'penalty_notice' } as CreateServiceRecordDto, today, actorId);
        const notice = {
          servedOn,
          method: dto.method as string,
          summary: intended.summary,
          legalBasis: intended.legalBasis,
          ...amounts,
          hearingRight: hearingRight(this.thresholds, amounts, kinds),
          periodEndsOn: statementPeriodEnd(this.calendar.current, servedOn),
          notifiedBy: actorId,
        };
        // a new notice (e.g. a heavier intended penalty) opens a new period: what answered the old one is kept in the timeline
        c.procedure = {
          ...c.procedure,
          notice,
          statement: undefined,
          hearing: undefined,
          serviceRecords: [...(c.procedure.serviceRecords ?? []), record],
        };
        return { notice, serviceRecordId: record.id };
      }
      case 'record_statement': {
        const receivedOn = this.partyDate('receivedOn', dto.receivedOn as string, c.procedure.notice!.servedOn, today);
        const waived = dto.waived ?? false;
        if (!waived && !dto.summary) throw DomainError.validation('summary', 'is required unless the party waived');
        const statement = { receivedOn, summary: dto.summary ?? null, waived };
        c.procedure = { ...c.procedure, statement };
        return { statement };
      }
      case 'request_penalty_hearing': {
        const notice = c.procedure.notice!;
        const receivedOn = this.partyDate('receivedOn', dto.receivedOn as string, notice.servedOn, today);
        if (receivedOn > notice.periodEndsOn)
          throw DomainError.rule(
            'HEARING_REQUEST_LATE',
            `a hearing had to be requested by ${notice.periodEndsOn} (行政处罚法 Art. 64: 5 working days after the notice)`,
            { periodEndsOn: notice.periodEndsOn },
          );
        const hearing = { requestedOn: receivedOn, scheduledOn: null, notifiedOn: null, heldOn: null, recordSummary: null };
        c.procedure = { ...c.procedure, hearing };
        return { hearing };
      }
      case 'schedule_penalty_hearing': {
        const earliest = earliestPenaltyHearing(this.calendar.current, today);
        if ((dto.hearingOn as string) < earliest)
          throw DomainError.rule(
            'PENALTY_HEARING_NOTICE',
            `the party is told of the hearing ${PENALTY_HEARING_NOTICE_WORKING_DAYS} working days ahead (行政处罚法 Art. 64): ${earliest} at the earliest`,
            { earliest },
          );
        const hearing = { ...c.procedure.hearing!, scheduledOn: dto.hearingOn as string, notifiedOn: today };
        c.procedure = { ...c.procedure, hearing };
        return { hearing };
      }
      case 'record_penalty_hearing': {
        const hearing = c.procedure.hearing!;
        const heldOn = this.partyDate('heldOn', dto.heldOn as string, hearing.scheduledOn as string, today);
        const held = { ...hearing, heldOn, recordSummary: dto.summary as string };
        c.procedure = { ...c.procedure, hearing: held };
        return { hearing: held };
      }
      case 'record_legal_review': {
        const legalReview = { reviewedOn: today, reviewerId: actorId, opinion: dto.opinion as string, conclusion: dto.conclusion! };
        c.procedure = { ...c.procedure, legalReview };
        return { legalReview };
      }
      case 'serve_dispute_request': {
        const servedOn = dto.servedOn as string;
        if (c.filedOn && servedOn < c.filedOn) throw DomainError.validation('servedOn', 'cannot be before the filing');
        const records = dto.method
          ? [this.serviceRecord(c, { ...dto, servedOn, method: dto.method, document: 'dispute_request' }, today, actorId)]
          : [];
        if (!dto.method && servedOn > today) throw DomainError.validation('servedOn', 'cannot be in the future');
        const dispute = {
          ...this.dispute(c),
          requestServedOn: servedOn,
          answerDueOn: disputeAnswerDue(this.calendar.current, servedOn),
        };
        c.procedure = { ...c.procedure, dispute, serviceRecords: [...(c.procedure.serviceRecords ?? []), ...records] };
        return { dispute };
      }
      case 'record_answer': {
        const dispute = this.dispute(c);
        const receivedOn = this.partyDate('receivedOn', dto.receivedOn as string, dispute.requestServedOn as string, today);
        // a late answer is still recorded: the respondent's silence does not stop the case (it only loses the chance)
        const answer = { receivedOn, summary: dto.summary as string, late: receivedOn > (dispute.answerDueOn as string) };
        c.procedure = { ...c.procedure, dispute: { ...dispute, answer } };
        return { answer };
      }
    }
  }

  /** `POST /cases/:id/service-records`: a 送达记录, recorded on the case with its timeline event and audit entry. */
  async addServiceRecord(user: AuthUser, actor: ActorContext, id: string, dto: CreateServiceRecordDto): Promise<ServiceRecordResponse> {
    return this.tx.run(async (em) => {
      const c = await this.repo.lockVisible(em, user, id);
      if (!c) throw DomainError.notFound('case');
      const today = shanghaiDate(this.clock.now());
      if (dto.document === 'decision' && !c.decidedOn) throw DomainError.rule('PROCEDURE_STEP', 'the case has no decision to serve yet');
      if (dto.document === 'penalty_notice' && !c.procedure.notice)
        throw DomainError.rule('PENALTY_NOTICE_REQUIRED', 'no advance notice of a penalty was served');
      const record = this.serviceRecord(c, dto, today, user.id);
      const before = { version: c.version };
      c.procedure = { ...c.procedure, serviceRecords: [...(c.procedure.serviceRecords ?? []), record] };
      c.version += 1;
      await this.repo.save(em, c);
      await this.recorder.recordEvent(em, user.id, actor, c, {
        action: 'record_service',
        auditAction: 'case.service_recorded',
        fromStatus: c.status,
        payload: { serviceRecord: record },
        before,
        after: { version: c.version, serviceRecord: record },
      });
      return record;
    });
  }

  async serviceRecords(user: AuthUser, id: string): Promise<ServiceRecordResponse[]> {
    const c = await this.cases.visibleEntity(user, id);
    return c.procedure.serviceRecords ?? [];
  }

  /** `POST /cases/:id/payments`: a payment of a penalty decision (after approval), with event and audit. */
  async addPayment(user: AuthUser, actor: ActorContext, id: string, dto: CreatePaymentDto): Promise<CaseResponse> {
    await this.tx.run(async (em) => {
      const c = await this.repo.lockVisible(em, user, id);
      if (!c) throw DomainError.notFound('case');
      const today = shanghaiDate(this.clock.now());
      if (c.decision?.kind !== 'penalty' || !c.decidedOn || (c.status !== 'decided' && c.status !== 'served'))
        throw DomainError.rule('PROCEDURE_STEP', 'payments are recorded on a penalty decision that is approved and not closed');
      if (dto.paidOn > today) throw DomainError.validation('paidOn', 'cannot be in the future');
      if (dto.paidOn < c.decidedOn) throw DomainError.validation('paidOn', 'cannot be before the decision');
      const payment = { id: randomUUID(), ...dto, recordedBy: user.id, recordedAt: this.clock.now().toISOString() };
      c.procedure = { ...c.procedure, payments: [...(c.procedure.payments ?? []), payment] };
      c.version += 1;
      await this.repo.save(em, c);
      const amountOwedTodayFen = this.owed(c, today);
      await this.recorder.recordEvent(em, user.id, actor, c, {
        action: 'record_payment',
        auditAction: 'case.payment_recorded',
        fromStatus: c.status,
        payload: { payment, amountOwedTodayFen },
        after: { version: c.version, payment, amountOwedTodayFen },
      });
    });
    return this.cases.get(user, id);
  }

  /** What the party of a penalty owes today (0 before service: nothing is due yet, and a payment is still counted). */
  private owed(c: CaseEntity, today: string): number {
    const d = (c.decision ?? {}) as { fineFen?: number; confiscatedFen?: number };
    const dueOn = c.procedure.paymentDueOn;
    if (!dueOn) return 0;
    return paymentState({ fineFen: d.fineFen ?? 0, confiscatedFen: d.confiscatedFen ?? 0, dueOn }, c.procedure.payments ?? [], today)
      .owedFen;
  }

  /** A date the party or the hearing gave: not in the future, not before the step it answers. */
  private partyDate(field: string, date: string, notBefore: string, today: string): string {
    if (date > today) throw DomainError.validation(field, 'cannot be in the future');
    if (date < notBefore) throw DomainError.validation(field, 'cannot be before the step it answers');
    return date;
  }

  private dispute(c: CaseEntity) {
    return c.procedure.dispute ?? { requestServedOn: null, answerDueOn: null, answer: null, requesterNotifiedOn: null };
  }

  /** file/decline of an infringement dispute: when the requester was told (受理/不予受理通知书). */
  private requesterNotified(c: CaseEntity, dto: CaseActionDto, today: string): { requesterNotifiedOn?: string } {
    const on = dto.requesterNotifiedOn;
    if (on === undefined) return {};
    if (c.type !== 'infringement_dispute')
      throw DomainError.validation('requesterNotifiedOn', 'is only recorded for an infringement dispute');
    this.partyDate('requesterNotifiedOn', on, c.receivedOn, today);
    c.procedure = { ...c.procedure, dispute: { ...this.dispute(c), requesterNotifiedOn: on } };
    return { requesterNotifiedOn: on };
  }

  /** A service record, checked: mail needs its tracking number, electronic service the party's consent (Art. 61(2)). */
  private serviceRecord(
    c: CaseEntity,
    dto: Pick<CreateServiceRecordDto, 'servedOn' | 'method' | 'trackingNo' | 'consent' | 'receiptNote'> & { document: ServiceDocument },
    today: string,
    actorId: string,
  ): ServiceRecord {
    if (dto.servedOn > today) throw DomainError.validation('servedOn', 'cannot be in the future');
    if (dto.servedOn < c.receivedOn) throw DomainError.validation('servedOn', 'cannot be before the case was received');
    if (dto.method === 'mail' && !dto.trackingNo) throw DomainError.validation('trackingNo', 'is required for mail service');
    if (dto.method !== 'mail' && dto.trackingNo) throw DomainError.validation('trackingNo', 'is only recorded for mail service');
    if (dto.method === 'electronic' && dto.consent !== true)
      throw DomainError.validation('consent', "must be true: electronic service needs the party's consent");
    return {
      id: randomUUID(),
      document: dto.document,
      method: dto.method,
      servedOn: dto.servedOn,
      trackingNo: dto.trackingNo ?? null,
      consent: dto.consent ?? null,
      receiptNote: dto.receiptNote ?? null,
      recordedBy: actorId,
      recordedAt: this.clock.now().toISOString(),
    };
  }

  private recomputeClosing(c: CaseEntity): void {
    const d = closingDeadlines(this.calendar.current, {
      type: c.type,
      filedOn: c.filedOn as string,
      fastTrack: c.fastTrack,
      pausedDays: c.pausedDays,
      extensionDays: c.extensionDays,
    });
    c.closingDue = d.closingDue;
    c.extendedClosingDue = d.extendedClosingDue;
  }
}

function snapshot(c: CaseEntity) {
  return {
    status: c.status,
    suspended: c.suspended,
    extensionPending: c.extensionPending,
    caseNo: c.caseNo,
    decisionNo: c.decisionNo,
    closingDue: c.closingDue,
    extendedClosingDue: c.extendedClosingDue,
    assignedOfficerIds: c.assignedOfficerIds,
    version: c.version,
  };
}
