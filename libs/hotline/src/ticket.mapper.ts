import type { Role } from '@app/kernel';
import { allowedTicketActions, FINISHED_STATUSES, TicketStatus } from './domain';
import { TicketResponse } from './http/dto/ticket-response';
import { TicketEntity } from './persistence/ticket.entity';

export type LinkedCase = NonNullable<TicketResponse['case']>;

/** An SLA due date has passed: answer or resolution while open, the callback once closed. */
export function isTicketOverdue(
  t: Pick<TicketEntity, 'status' | 'firstRespondedAt' | 'firstResponseDue' | 'resolutionDue' | 'callbackDue' | 'callbackRecorded'>,
  today: string,
): boolean {
  if ((FINISHED_STATUSES as readonly TicketStatus[]).includes(t.status)) {
    return t.status === 'closed' && !t.callbackRecorded && t.callbackDue !== null && t.callbackDue < today;
  }
  return t.resolutionDue < today || (t.firstRespondedAt === null && t.firstResponseDue < today);
}

/** The same rule in SQL over alias `t` (the list's `overdue` filter), with the Shanghai date as :today. */
export const OVERDUE_SQL = `(CASE WHEN t.status IN ('closed', 'converted')
    THEN (t.status = 'closed' AND NOT t.callback_recorded AND t.callback_due < :today)
    ELSE (t.resolution_due < :today OR (t.first_responded_at IS NULL AND t.first_response_due < :today)) END)`;

/** Personal data only masked: the caller's phone and ID number are never in a ticket response. */
export function toTicketResponse(t: TicketEntity, ctx: { roles: Role[]; today: string; linkedCase?: LinkedCase | null }): TicketResponse {
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
    possibleDuplicates: t.possibleDuplicates,
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
