import { Inject, Injectable } from '@nestjs/common';
import { findEnforcementUnit } from '@app/auth';
import { AuditWriter } from '@app/audit';
import { StatutoryCalendar } from '@app/calendar';
import { CaseEntity, CasesService, CreateCaseDto } from '@app/cases';
import { ActorContext, AuthUser, Clock, DomainError, ErrorDetail, shanghaiDate, TransactionRunner } from '@app/kernel';
import { addDays } from '@app/kernel/calendar';
import { MetricCounters } from '@app/metrics';
import { EntityManager } from 'typeorm';
import { callbackDue, centreMayLink, REOPEN_WINDOW_DAYS, TicketAction, ticketDue, ticketTransition } from './domain';
import { HotlineService } from './hotline.service';
import { HOTLINE_CENTRE_CODE, HotlineSettings } from './hotline-settings';
import { TICKET_ACTION_FIELDS, TicketActionDto } from './http/dto/ticket-action.dto';
import { TicketResponse } from './http/dto/ticket-response';
import { TicketEntity } from './persistence/ticket.entity';
import { TicketsRepository } from './persistence/tickets.repository';
import { ticketCountDeltas } from './ticket-counts';

/**
 * `POST /hotline/tickets/:id/actions/:action`: one transaction that locks the ticket, checks scope (404), version
 * (409), role and state (403/422 with allowedActions), applies the action, and writes the ticket, a timeline event (with
 * the unit the ticket is with after the step), the step's metric counts (first response, resolution, satisfaction:
 * ticket-counts.ts) and an audit entry — for `convert`, the new case too (through CasesService.intakeIn, in the same
 * transaction).
 */
@Injectable()
export class TicketActionsService {
  constructor(
    private readonly tx: TransactionRunner,
    private readonly tickets: HotlineService,
    private readonly repo: TicketsRepository,
    private readonly cases: CasesService,
    private readonly audit: AuditWriter,
    private readonly clock: Clock,
    private readonly calendar: StatutoryCalendar,
    private readonly counters: MetricCounters,
    @Inject(HotlineSettings) private readonly settings: HotlineSettings,
  ) {}

  async act(user: AuthUser, actor: ActorContext, id: string, actionName: string, dto: TicketActionDto): Promise<TicketResponse> {
    const action = this.checkPayload(actionName, dto);
    await this.tx.run(async (em) => {
      const t = await this.tickets.load(em, user, id, true);
      if (t.version !== dto.expectedVersion) throw DomainError.versionConflict(dto.expectedVersion, t.version);
      const result = ticketTransition({ status: t.status, callbackRecorded: t.callbackRecorded }, action, user.roles);
      if (!result.ok) {
        if (result.code === 'FORBIDDEN')
          throw new DomainError('FORBIDDEN', `your role may not ${action} a ticket`, { allowedActions: result.allowedActions });
        throw new DomainError('ILLEGAL_TRANSITION', `a ticket that is ${t.status} cannot be ${action}`, {
          allowedActions: result.allowedActions,
        });
      }
      const before = snapshot(t);
      // one instant for the step: the ticket's timestamps, the event and the counts agree to the microsecond
      const now = this.clock.now();
      const counted = { answeredBefore: t.firstRespondedAt !== null, reopenCount: t.reopenCount, resolutionDue: t.resolutionDue };
      const payload = await this.apply(em, user, actor, t, action, dto, now);
      t.status = result.next.status;
      t.callbackRecorded = result.next.callbackRecorded;
      t.version += 1;
      await this.repo.save(em, t);
      await this.repo.addEvent(em, {
        ticketId: t.id,
        at: now,
        actorId: user.id,
        action,
        orgUnitCode: t.orgUnitCode,
        fromStatus: before.status,
        toStatus: t.status,
        payload,
      });
      await this.counters.add(
        em,
        ticketCountDeltas({
          action,
          at: now,
          orgUnitCode: t.orgUnitCode,
          firstResponseDue: t.firstResponseDue,
          satisfaction: action === 'callback' ? t.satisfaction : null,
          ...counted,
        }),
      );
      await this.audit.write(em, actor, {
        action: `ticket.${action}`,
        entityType: 'ticket',
        entityId: t.id,
        orgUnitCode: t.orgUnitCode ?? HOTLINE_CENTRE_CODE,
        before,
        after: { ...snapshot(t), ...payload },
      });
    });
    return this.tickets.get(user, id);
  }

  /** The action exists and the body carries exactly its fields (convert: a new case, or `caseId` to link). */
  private checkPayload(actionName: string, dto: TicketActionDto): TicketAction {
    const key = actionName === 'convert' && dto.caseId !== undefined ? 'convert:link' : actionName;
    if (actionName.includes(':') || !Object.prototype.hasOwnProperty.call(TICKET_ACTION_FIELDS, actionName)) {
      throw DomainError.validation(
        'action',
        `is not one of ${Object.keys(TICKET_ACTION_FIELDS)
          .filter((k) => !k.includes(':'))
          .join(', ')}`,
      );
    }
    const fields = TICKET_ACTION_FIELDS[key];
    const problems: ErrorDetail[] = [];
    for (const f of fields.required) if (dto[f] === undefined) problems.push({ field: f, message: `is required for ${actionName}` });
    const allowed = new Set<string>(['expectedVersion', ...fields.required, ...(fields.optional ?? [])]);
    for (const [k, v] of Object.entries(dto))
      if (v !== undefined && !allowed.has(k))
        problems.push({ field: k, message: `is not used by ${actionName}${key === 'convert:link' ? ' with caseId' : ''}` });
    if (problems.length) throw new DomainError('VALIDATION_FAILED', problems.map((p) => `${p.field}: ${p.message}`).join('; '), problems);
    return actionName as TicketAction;
  }

  private async apply(
    em: EntityManager,
    user: AuthUser,
    actor: ActorContext,
    t: TicketEntity,
    action: TicketAction,
    dto: TicketActionDto,
    now: Date,
  ): Promise<Record<string, unknown>> {
    const today = shanghaiDate(now);
    switch (action) {
      case 'triage':
        return { note: dto.note ?? null };
      case 'assign': {
        const unit = await findEnforcementUnit(em, dto.orgUnitCode as string);
        if (!unit) throw DomainError.validation('orgUnitCode', 'is not an enforcement unit');
        t.orgUnitCode = unit.code;
        return { orgUnitCode: unit.code };
      }
      case 'start':
        return {};
      case 'respond':
        t.response = dto.response as string;
        t.firstRespondedAt ??= now;
        return { response: t.response };
      case 'close':
        this.finish(t, now, { kind: 'answered', note: dto.note ?? null });
        return { note: dto.note ?? null, callbackDue: t.callbackDue };
      case 'forward':
        t.firstRespondedAt ??= now;
        this.finish(t, now, { kind: 'forwarded', agency: dto.agency, note: dto.note ?? null });
        return { agency: dto.agency, note: dto.note ?? null, callbackDue: t.callbackDue };
      case 'reopen': {
        const lastDay = addDays(t.closedOn as string, REOPEN_WINDOW_DAYS);
        if (today > lastDay) {
          throw DomainError.rule(
            'REOPEN_WINDOW',
            `a ticket can be reopened within ${REOPEN_WINDOW_DAYS} days of closing (until ${lastDay})`,
            {
              closedOn: t.closedOn,
              lastDay,
            },
          );
        }
        // a new round: the resolution clock restarts today; the previous round's outcome stays in the timeline
        t.reopenCount += 1;
        t.closedAt = null;
        t.closedOn = null;
        t.callbackDue = null;
        t.resolvedAt = null;
        t.outcome = null;
        t.resolutionDue = ticketDue(this.calendar.current, this.settings.sla, t.category, today).resolution;
        return { reason: dto.reason, resolutionDue: t.resolutionDue };
      }
      case 'convert': {
        const c = dto.caseId !== undefined ? await this.existingCase(em, user, t, dto.caseId) : await this.newCase(em, user, actor, t, dto);
        t.caseId = c.id;
        // the case's unit works the ticket from now on (and so sees it)
        t.orgUnitCode = c.orgUnitCode;
        t.firstRespondedAt ??= now;
        t.resolvedAt ??= now;
        t.outcome = { kind: 'converted', caseId: c.id, receiptNo: c.receiptNo, linkedToExisting: dto.caseId !== undefined };
        return { caseId: c.id, receiptNo: c.receiptNo, orgUnitCode: c.orgUnitCode, linkedToExisting: dto.caseId !== undefined };
      }
      case 'callback':
        t.satisfaction = dto.satisfaction as number;
        t.callbackNote = dto.note ?? null;
        t.callbackAt = now;
        return { satisfaction: t.satisfaction, note: t.callbackNote };
    }
  }

  private finish(t: TicketEntity, now: Date, outcome: Record<string, unknown>): void {
    t.closedAt = now;
    t.closedOn = shanghaiDate(now);
    t.resolvedAt ??= now;
    t.callbackDue = callbackDue(this.calendar.current, this.settings.sla, t.closedOn);
    t.outcome = outcome;
  }

  /**
   * Several tickets may point at one case. Linking needs a case the user's authority covers (domain/case-link.ts):
   * officers and supervisors a case they may see; the 12330 centre a case converted from a ticket, of the ticket's
   * unit once it has one. Any other case answers like a missing one.
   */
  private async existingCase(em: EntityManager, user: AuthUser, t: TicketEntity, caseId: string): Promise<CaseEntity> {
    const c = await this.repo.findCase(em, caseId);
    const linkable =
      c !== null &&
      (user.roles.includes('hotline_operator')
        ? centreMayLink(t, { orgUnitCode: c.orgUnitCode, convertedFromTicket: await this.repo.isConversionTarget(em, c.id) })
        : this.cases.canSee(user, c));
    if (!linkable) throw DomainError.validation('caseId', 'is not a case you can link to');
    return c;
  }

  /**
   * A new case with source `hotline`, created by CasesService.intakeIn inside this transaction. An operator of the
   * 12330 centre takes cases in for any enforcement unit of the city by the named authority `intake_for_any_unit`
   * (kernel, auth-context.ts); their own access to cases stays the status on the ticket. Officers and supervisors
   * convert within their own scope. Defaults come from the ticket; the body may override them.
   */
  private async newCase(
    em: EntityManager,
    user: AuthUser,
    actor: ActorContext,
    t: TicketEntity,
    dto: TicketActionDto,
  ): Promise<CaseEntity> {
    const caller = this.tickets.decryptCaller(t);
    // the caller as they introduced themselves: their organisation when they named one (its contact phone kept), else
    // the caller in person; the standing (patentee, interested party) from the operator's `requesterRole`
    const role = dto.requesterRole ? { role: dto.requesterRole } : {};
    const requesters: CreateCaseDto['requesters'] =
      dto.requesters ??
      (t.callerAnonymous || (!t.callerName && !t.callerOrganization)
        ? []
        : t.callerOrganization
          ? [{ kind: 'organization', name: t.callerOrganization, ...(caller.phone ? { phone: caller.phone } : {}), ...role }]
          : [
              {
                kind: 'individual',
                name: t.callerName as string,
                ...(caller.idNumber ? { idNumber: caller.idNumber } : {}),
                ...(caller.phone ? { phone: caller.phone } : {}),
                ...role,
              },
            ]);
    const caseDto: CreateCaseDto = {
      type: dto.type!,
      source: 'hotline',
      orgUnitCode: dto.orgUnitCode!,
      receivedOn: dto.receivedOn ?? shanghaiDate(t.createdAt),
      summary: dto.summary ?? `${t.ticketNo} ${t.subject}\n${t.description}`.slice(0, 5000),
      requesters,
      respondents: dto.respondents ?? (t.respondentName ? [{ kind: 'organization', name: t.respondentName }] : []),
      patents: dto.patents ?? t.patentNumbers.map((number) => ({ number })),
      ftz: dto.ftz,
      fastTrack: dto.fastTrack,
      reportReceived: dto.reportReceived ?? t.category === 'report',
    };
    const caseId = await this.cases.intakeIn(em, user, actor, caseDto);
    return this.repo.findCaseOrFail(em, caseId);
  }
}

function snapshot(t: TicketEntity) {
  return {
    status: t.status,
    orgUnitCode: t.orgUnitCode,
    caseId: t.caseId,
    resolutionDue: t.resolutionDue,
    callbackDue: t.callbackDue,
    closedOn: t.closedOn,
    satisfaction: t.satisfaction,
    version: t.version,
  };
}
