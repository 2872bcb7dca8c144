import type { TicketCategory, TicketChannel } from './ticket-types';

/** Only a report (举报) may be anonymous (product.md "12330 hotline tickets"). */
export const ANONYMOUS_CATEGORIES = ['report'] as const satisfies readonly TicketCategory[];

export function mayBeAnonymous(category: TicketCategory): boolean {
  return (ANONYMOUS_CATEGORIES as readonly TicketCategory[]).includes(category);
}

/** What intake knows of the caller before the identifiers are validated. */
export interface CallerFields {
  anonymous?: boolean;
  name?: string;
  phone?: string;
  idNumber?: string;
}

/**
 * The caller rules of intake, each problem naming its field: only a report may be anonymous, and an anonymous caller
 * leaves no name, phone or ID number; anyone else gives a name, and a phone number when calling.
 */
export function callerProblems(
  caller: CallerFields,
  category: TicketCategory,
  channel: TicketChannel,
): { field: string; message: string }[] {
  const problems: { field: string; message: string }[] = [];
  if (caller.anonymous) {
    if (!mayBeAnonymous(category)) problems.push({ field: 'caller.anonymous', message: 'only a report (举报) may be anonymous' });
    for (const f of ['name', 'phone', 'idNumber'] as const)
      if (caller[f] !== undefined) problems.push({ field: `caller.${f}`, message: 'an anonymous caller leaves none' });
  } else {
    if (caller.name === undefined) problems.push({ field: 'caller.name', message: 'is required unless the caller is anonymous' });
    if (caller.phone === undefined && channel === 'phone')
      problems.push({ field: 'caller.phone', message: 'is required for a phone call' });
  }
  return problems;
}
