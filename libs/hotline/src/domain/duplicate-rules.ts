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
  /** the first of `reasons` (DUPLICATE_REASONS order), as api.md names it */
  reason: DuplicateReason;
  /** every reason the ticket matched: respondent, patent, caller phone */
  reasons?: DuplicateReason[];
}

/** One lookup hit: a ticket and one reason it matched. */
export type DuplicateHit = Pick<PossibleDuplicate, 'id' | 'ticketNo' | 'reason'>;

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

/**
 * One entry per ticket with every reason it matched (in DUPLICATE_REASONS order; `reason` is the first), tickets in the
 * order of their first reason's hits (newest rows first as given), at most `max`.
 */
export function mergeDuplicates(hits: readonly DuplicateHit[], max = 20): PossibleDuplicate[] {
  const seen = new Map<string, PossibleDuplicate & { reasons: DuplicateReason[] }>();
  for (const reason of DUPLICATE_REASONS)
    for (const h of hits) {
      if (h.reason !== reason) continue;
      const entry = seen.get(h.id);
      if (!entry) seen.set(h.id, { id: h.id, ticketNo: h.ticketNo, reason, reasons: [reason] });
      else if (!entry.reasons.includes(reason)) entry.reasons.push(reason);
    }
  return [...seen.values()].slice(0, max);
}
