import type { Role } from './ticket-types';

/**
 * Who may open a ticket (product.md "Data scope"): the 12330 centre's operators every ticket; officers and supervisors
 * the tickets assigned to a unit of their scope (a city-bureau supervisor's scope is the whole city); anyone else none.
 * The one rule of the hotline context: `ticketVisibleTo` in TypeScript, TicketsRepository.visibleTo as SQL, both from
 * `ticketReach`.
 */
export interface TicketViewer {
  roles: readonly Role[];
  scope: { allUnits: boolean; unitCodes: readonly string[] };
}

/** The tickets a viewer reaches: all, those assigned to one of `unitCodes`, or none. */
export type TicketReach = { kind: 'all' } | { kind: 'units'; unitCodes: readonly string[] } | { kind: 'none' };

export function ticketReach(viewer: TicketViewer): TicketReach {
  if (viewer.roles.includes('hotline_operator')) return { kind: 'all' };
  if (!viewer.roles.includes('officer') && !viewer.roles.includes('supervisor')) return { kind: 'none' };
  if (viewer.scope.allUnits) return { kind: 'all' };
  return { kind: 'units', unitCodes: viewer.scope.unitCodes };
}

/** A ticket with the centre (no unit yet) is reached only by viewers who reach every ticket. */
export function ticketVisibleTo(viewer: TicketViewer, t: { orgUnitCode: string | null }): boolean {
  const reach = ticketReach(viewer);
  switch (reach.kind) {
    case 'all':
      return true;
    case 'none':
      return false;
    case 'units':
      return t.orgUnitCode !== null && reach.unitCodes.includes(t.orgUnitCode);
  }
}

/**
 * An early-warning alert may be acknowledged only by a viewer who may open every ticket behind it: a district
 * supervisor acknowledges an alert about their district's tickets, never a city-wide one covering other units' (or
 * the centre's unassigned) tickets. An alert without tickets is the whole city's.
 */
export function alertAcknowledgeableBy(viewer: TicketViewer, tickets: readonly { orgUnitCode: string | null }[]): boolean {
  if (!tickets.length) return ticketReach(viewer).kind === 'all';
  return tickets.every((t) => ticketVisibleTo(viewer, t));
}
