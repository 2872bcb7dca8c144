import type { Role } from '@app/kernel';
import { allowedTicketActions, isTicketOverdue, PossibleDuplicate } from './domain';
import { TicketResponse } from './http/dto/ticket-response';
import { TicketEntity } from './persistence/ticket.entity';

export type LinkedCase = NonNullable<TicketResponse['case']>;

/** Personal data only masked: the caller's phone and ID number are never in a ticket response. */
export function toTicketResponse(
  t: TicketEntity,
  ctx: { roles: Role[]; today: string; linkedCase?: LinkedCase | null; possibleDuplicates?: PossibleDuplicate[] },
): TicketResponse {
  return {
    id: t.id,
    ticketNo: t.ticketNo,
    channel: t.channel,
    category: t.category,
    status: t.status,
    caller: {
      name: t.callerName,
      phoneMasked: t.callerPhoneMasked,
      idNumberMasked: t.callerIdNumberMasked,
      organization: t.callerOrganization,
      anonymous: t.callerAnonymous,
    },
    subject: t.subject,
    description: t.description,
    respondentName: t.respondentName,
    industry: t.industry,
    patentNumbers: t.patentNumbers,
    orgUnitCode: t.orgUnitCode,
    due: { firstResponse: t.firstResponseDue, resolution: t.resolutionDue, callback: t.callbackDue },
    overdue: isTicketOverdue(t, ctx.today),
    // tickets stored before `reasons` existed carry only their first reason
    possibleDuplicates: (ctx.possibleDuplicates ?? t.possibleDuplicates).map((d) => ({ ...d, reasons: d.reasons ?? [d.reason] })),
    caseId: t.caseId,
    case: ctx.linkedCase ?? null,
    response: t.response,
    outcome: t.outcome,
    satisfaction: t.satisfaction,
    callbackNote: t.callbackNote,
    firstRespondedAt: t.firstRespondedAt?.toISOString() ?? null,
    closedAt: t.closedAt?.toISOString() ?? null,
    reopenCount: t.reopenCount,
    createdAt: t.createdAt.toISOString(),
    updatedAt: t.updatedAt.toISOString(),
    version: t.version,
    allowedActions: allowedTicketActions({ status: t.status, callbackRecorded: t.callbackRecorded }, ctx.roles),
  };
}
