/** Intake looks back this many days for likely duplicates (docs/product.md). */
export const DUPLICATE_WINDOW_DAYS = 30;

export type DuplicateReason = 'respondent' | 'patent' | 'caller_phone';
export const DUPLICATE_REASONS: readonly DuplicateReason[] = ['respondent', 'patent', 'caller_phone'];

/** What duplicate detection compares: the normalised keys a ticket is stored with. */
export interface DuplicateKeys {
  respondentKey: string | null;
  /** normalised patent numbers (`201510958772.0`) */
  patents: readonly string[];
  /** blind index of the normalised phone, or null */
  phoneIndex: string | null;
  createdAt: Date;
}

export interface PossibleDuplicate {
  id: string;
  ticketNo: string;
  reason: DuplicateReason;
}

/** The earliest creation instant a ticket created at `at` is compared with (exactly 30 × 24 h before). */
export function duplicateWindowStart(at: Date): Date {
  return new Date(at.getTime() - DUPLICATE_WINDOW_DAYS * 86_400_000);
}

/**
 * Why `candidate` looks like a duplicate of `incoming` (empty: it does not). The rule the indexed SQL lookups apply,
 * written once in plain code: same respondent key, a shared patent number, or the same caller phone, with the candidate
 * created within the 30 days before the incoming ticket.
 */
export function duplicateReasons(incoming: DuplicateKeys, candidate: DuplicateKeys): DuplicateReason[] {
  if (candidate.createdAt < duplicateWindowStart(incoming.createdAt) || candidate.createdAt > incoming.createdAt) return [];
  const reasons: DuplicateReason[] = [];
  if (incoming.respondentKey !== null && incoming.respondentKey === candidate.respondentKey) reasons.push('respondent');
  if (incoming.patents.some((p) => candidate.patents.includes(p))) reasons.push('patent');
  if (incoming.phoneIndex !== null && incoming.phoneIndex === candidate.phoneIndex) reasons.push('caller_phone');
  return reasons;
}

/** One entry per ticket (its first reason in DUPLICATE_REASONS order), newest rows first as given, at most `max`. */
export function mergeDuplicates(hits: readonly PossibleDuplicate[], max = 20): PossibleDuplicate[] {
  const seen = new Map<string, PossibleDuplicate>();
  for (const reason of DUPLICATE_REASONS) for (const h of hits) if (h.reason === reason && !seen.has(h.id)) seen.set(h.id, h);
  return [...seen.values()].slice(0, max);
}
