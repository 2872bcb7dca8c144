import { Injectable } from '@nestjs/common';
import {
  ActorContext,
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
import { ACTION_FIELDS, CaseActionDto, RecuseDto } from './http/dto/case-action.dto';
import { CaseResponse } from './http/dto/case-response';
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
  ) {}

  async act(user: AuthUser, actor: ActorContext, id: string, actionName: string, dto: CaseActionDto): Promise<CaseResponse> {
    const action = this.checkPayload(actionName, dto);
    await this.tx.run(async (em) => {
      const c = await this.repo.lockVisible(em, user, id);
      if (!c) throw DomainError.notFound('case');
      const from = { status: c.status, suspended: c.suspended, extensionPending: c.extensionPending };
      const result = transition(from, action, user.roles);
      const allowed = result.ok ? [] : result.allowedActions.filter((a) => a !== 'transfer_out');
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
      const payload = await this.apply(em, c, action, dto, today);
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
  ): Promise<Record<string, unknown>> {
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
        return { caseNo: c.caseNo, filedOn, closingDue: c.closingDue };
      }
      case 'decline':
        c.outcome = { kind: 'not_filed', reason: dto.reason };
        return { reason: dto.reason };
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
        c.decision = { ...d, proposedOn: today };
        return { decision: c.decision };
      }
      case 'approve_decision': {
        const unit = await this.repo.orgUnit(em, c.orgUnitCode);
        const year = Number(today.slice(0, 4));
        const seq = await this.numbering.next(em, { orgUnitCode: c.orgUnitCode, year, kind: 'decision_no' });
        c.decisionNo = formatNumber('{unitAbbr}知执决〔{year}〕{seq}号', { unitAbbr: unit.abbr, year, seq });
        c.decidedOn = today;
        c.decision = { ...(c.decision ?? {}), documentNo: c.decisionNo, decidedOn: today };
        return { decisionNo: c.decisionNo };
      }
      case 'return_decision':
        c.decision = null;
        return { reason: dto.reason };
      case 'serve':
        if ((dto.servedOn as string) > today) throw DomainError.validation('servedOn', 'cannot be in the future');
        if (c.decidedOn && (dto.servedOn as string) < c.decidedOn)
          throw DomainError.validation('servedOn', 'cannot be before the decision');
        c.servedOn = dto.servedOn as string;
        return { servedOn: c.servedOn, method: dto.method };
      case 'close':
        c.outcome = { kind: c.decision?.kind ?? 'closed', decisionNo: c.decisionNo, note: dto.note ?? null };
        return { note: dto.note ?? null };
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
    }
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
