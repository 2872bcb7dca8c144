import { FINISHED_STATUSES } from '../domain/ticket-types';

// SQL forms of the ticket rules in domain/ (ticket-types.ts, ticket-overdue.ts), built from the same constants.

/** `('closed', 'converted')`: the statuses whose SLA clocks have stopped. */
export const FINISHED_STATUSES_SQL = `(${FINISHED_STATUSES.map((s) => `'${s}'`).join(', ')})`;

/** isTicketOverdue over alias `t`, with the Shanghai date as :today (the list's `overdue` filter). */
export const TICKET_OVERDUE_SQL = `(CASE WHEN t.status IN ${FINISHED_STATUSES_SQL}
    THEN (t.status = 'closed' AND NOT t.callback_recorded AND t.callback_due < :today)
    ELSE (t.resolution_due < :today OR (t.first_responded_at IS NULL AND t.first_response_due < :today)) END)`;
