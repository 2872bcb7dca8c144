// The publication's lifecycle (docs/product.md "Credit-platform publication"): statuses, actions, and who may act.

export const PUBLICATION_STATUSES = ['pending', 'submitted', 'published', 'rejected', 'failed', 'withdrawn', 'expired'] as const;
export type PublicationStatus = (typeof PUBLICATION_STATUSES)[number];

export const PUBLICATION_ACTIONS = ['retry', 'withdraw', 'correct'] as const;
export type PublicationAction = (typeof PUBLICATION_ACTIONS)[number];

/** Statuses from which each action may be taken. */
const FROM: Record<PublicationAction, readonly PublicationStatus[]> = {
  // send again as it stands: the platform said no (and the cause was fixed there) or retries ran out
  retry: ['rejected', 'failed'],
  // decision revoked or changed: off the platform within 3 working days (or never sent at all)
  withdraw: ['pending', 'submitted', 'published', 'rejected', 'failed'],
  // fill in or fix the record before it is (re)sent; a published record is withdrawn instead
  correct: ['pending', 'rejected', 'failed'],
};

/** Statuses in which the publication still has to reach the platform (and can be overdue). */
export const UNDELIVERED_STATUSES = ['pending', 'submitted', 'rejected', 'failed'] as const satisfies readonly PublicationStatus[];

/**
 * Statuses a delivery job sends from, when the record is complete (no mapping problems); in any other a job ends
 * with nothing to send: delivered, withdrawn, rejected (retried by a supervisor), failed, expired.
 */
export const SENDABLE_STATUSES = ['pending', 'submitted'] as const satisfies readonly PublicationStatus[];

export function allowedPublicationActions(status: PublicationStatus): PublicationAction[] {
  return PUBLICATION_ACTIONS.filter((a) => FROM[a].includes(status));
}

export function canTakeAction(status: PublicationStatus, action: PublicationAction): boolean {
  return FROM[action].includes(status);
}

/** Past its due date and not (yet) on the platform. */
export function isOverdue(p: { status: PublicationStatus; dueOn: string }, today: string): boolean {
  return (UNDELIVERED_STATUSES as readonly string[]).includes(p.status) && p.dueOn < today;
}

/** The Idempotency-Key the platform sees: the publication id, so a retried delivery is the same record there. */
export function idempotencyKeyOf(publicationId: string): string {
  return publicationId;
}
