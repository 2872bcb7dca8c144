/** Who is acting and through which request: carried into every audit entry. */
export interface ActorContext {
  /** the user's id, or null for the system (worker jobs, cli). */
  actorId: string | null;
  onBehalfOfId: string | null;
  requestId: string | null;
  ip: string | null;
}

export function systemActor(requestId: string | null = null): ActorContext {
  return { actorId: null, onBehalfOfId: null, requestId, ip: null };
}
