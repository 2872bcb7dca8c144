import { FINISHED_STATUSES } from '../domain/ticket-types';

// SQL forms of the ticket rules in domain/ (ticket-types.ts, ticket-overdue.ts), built from the same constants.

/** `('closed', 'converted')`: the statuses whose SLA clocks have stopped. */
export const FINISHED_STATUSES_SQL = `(${FINISHED_STATUSES.map((s) => `'${s}'`).join(', ')})`;

/** isTicketOverdue over alias `t`, with the Shanghai date as :today (the list's `overdue` filter). */
export const TICKET_OVERDUE_SQL = `(CASE WHEN t.status IN ${FINISHED_STATUSES_SQL}
    THEN (t.status = 'closed' AND NOT t.callback_recorded AND t.callback_due < :today)
    ELSE (t.resolution_due < :today OR (t.first_responded_at IS NULL AND t.first_response_due < :today)) END)`;

/** nextSlaDue over alias `t`, with the ones that have none last ('9999-12-31'): the key of the `sort=sla` list. */
export const TICKET_NEXT_DUE_SQL = `coalesce(CASE WHEN t.status IN ${FINISHED_STATUSES_SQL}
    THEN (CASE WHEN t.status = 'closed' AND NOT t.callback_recorded THEN t.callback_due END)
    ELSE (CASE WHEN t.first_responded_at IS NULL THEN t.first_response_due ELSE t.resolution_due END) END, DATE '9999-12-31')`;
