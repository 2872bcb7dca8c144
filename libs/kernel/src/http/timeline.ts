/** One step in a record's timeline (case, ticket …), as the API returns it. */
export interface TimelineEventResponse {
  id: string;
  at: string;
  actorId: string | null;
  /** who acted, by name (people read names, not ids); null for the system */
  actor: { id: string; displayName: string } | null;
  action: string;
  fromStatus: string | null;
  toStatus: string;
  payload: Record<string, unknown> | null;
  /** the actor's display name, when the query joined the users */
  actorName?: string | null;
}

/** The stored shape every timeline-event entity shares. */
export interface TimelineEventRow {
  id: string | number;
  at: Date;
  actorId: string | null;
  action: string;
  fromStatus: string | null;
  toStatus: string;
  payload: Record<string, unknown> | null;
  /** the actor's display name, when the query joined the users */
  actorName?: string | null;
}

export function toTimelineEvent(e: TimelineEventRow): TimelineEventResponse {
  return {
    id: String(e.id),
    at: e.at.toISOString(),
    actorId: e.actorId,
    actor: e.actorId ? { id: e.actorId, displayName: e.actorName ?? '' } : null,
    action: e.action,
    fromStatus: e.fromStatus,
    toStatus: e.toStatus,
    payload: e.payload,
  };
}
