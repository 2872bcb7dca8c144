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
