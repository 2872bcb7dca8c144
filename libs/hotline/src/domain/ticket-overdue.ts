import { FINISHED_STATUSES, TicketStatus } from './ticket-types';

/** The fields the overdue rule reads. */
export interface TicketOverdueFields {
  status: TicketStatus;
  firstRespondedAt: Date | null;
  firstResponseDue: string;
  resolutionDue: string;
  callbackDue: string | null;
  callbackRecorded: boolean;
}

/**
 * An SLA due date has passed: answer or resolution while open, the callback once closed. `ticketOverdueSql` in
 * persistence/ticket-sql.ts is the same rule for SQL.
 */
export function isTicketOverdue(t: TicketOverdueFields, today: string): boolean {
  if ((FINISHED_STATUSES as readonly TicketStatus[]).includes(t.status)) {
    return t.status === 'closed' && !t.callbackRecorded && t.callbackDue !== null && t.callbackDue < today;
  }
  return t.resolutionDue < today || (t.firstRespondedAt === null && t.firstResponseDue < today);
}

/**
 * The next SLA date a ticket must meet (the worklist's `sort=sla`): while open, the first response until it is given,
 * then the resolution; once closed, the callback until it is recorded; null when none is left. `TICKET_NEXT_DUE_SQL`
 * in persistence/ticket-sql.ts is the same rule for SQL.
 */
export function nextSlaDue(t: TicketOverdueFields): string | null {
  if ((FINISHED_STATUSES as readonly TicketStatus[]).includes(t.status))
    return t.status === 'closed' && !t.callbackRecorded ? t.callbackDue : null;
  return t.firstRespondedAt === null ? t.firstResponseDue : t.resolutionDue;
}

/** The worklist orders: newest first (default), or the nearest SLA date first (tickets with none last). */
export const TICKET_SORTS = ['newest', 'sla'] as const;
export type TicketSort = (typeof TICKET_SORTS)[number];
