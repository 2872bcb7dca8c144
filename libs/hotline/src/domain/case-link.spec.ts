import { centreMayLink } from './case-link';

describe('linking a ticket to an existing case (12330 centre)', () => {
  const converted = { orgUnitCode: '120116', convertedFromTicket: true };

  it('allows a case converted from a ticket, for an unassigned ticket or one of the case’s unit', () => {
    expect(centreMayLink({ orgUnitCode: null }, converted)).toBe(true);
    expect(centreMayLink({ orgUnitCode: '120116' }, converted)).toBe(true);
  });

  it('refuses a case no ticket was converted into, and a case of another unit than the ticket’s', () => {
    expect(centreMayLink({ orgUnitCode: null }, { ...converted, convertedFromTicket: false })).toBe(false);
    expect(centreMayLink({ orgUnitCode: '120101' }, converted)).toBe(false);
  });
});
