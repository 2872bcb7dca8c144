/**
 * Which existing case a ticket may be linked to (`convert { caseId }`). Officers and supervisors: a case they may see
 * (the cases context's scope rule). The 12330 centre sees no case itself, only the status of cases converted from
 * tickets (product.md "Data scope"), so its operators may link only to such a case — one a ticket was already
 * converted into — and, once the ticket is assigned to a unit, only to a case of that unit (linking moves the ticket to
 * the case's unit; it must not take a ticket away from the unit working it).
 */
export function centreMayLink(ticket: { orgUnitCode: string | null }, c: { orgUnitCode: string; convertedFromTicket: boolean }): boolean {
  return c.convertedFromTicket && (ticket.orgUnitCode === null || ticket.orgUnitCode === c.orgUnitCode);
}
