import { SENDABLE_STATUSES, UNDELIVERED_STATUSES } from '../domain/publication-status';

/**
 * `('pending', 'submitted', 'rejected', 'failed')`, as literals (built from the constant) so the planner can read the
 * partial index ix_credit_publications_undelivered.
 */
export const UNDELIVERED_STATUSES_SQL = `(${UNDELIVERED_STATUSES.map((s) => `'${s}'`).join(', ')})`;

/** isOverdue (domain/publication-status.ts) over alias `p`, with the Shanghai date as :today. */
export const PUBLICATION_OVERDUE_SQL = `(p.status IN ${UNDELIVERED_STATUSES_SQL} AND p.due_on < :today)`;

/** Still to be delivered, over alias `p`: a sendable status (domain/publication-status.ts) and a complete record. */
export const DELIVERABLE_SQL = `(p.status IN (${SENDABLE_STATUSES.map((s) => `'${s}'`).join(', ')}) AND jsonb_array_length(p.mapping_errors) = 0)`;
