import { alertAcknowledgeableBy, ticketReach, TicketViewer, ticketVisibleTo } from './ticket-scope';

const operator: TicketViewer = { roles: ['hotline_operator'], scope: { allUnits: false, unitCodes: ['120000-12330'] } };
const citySupervisor: TicketViewer = { roles: ['supervisor'], scope: { allUnits: true, unitCodes: [] } };
const binhaiSupervisor: TicketViewer = { roles: ['supervisor'], scope: { allUnits: false, unitCodes: ['120116'] } };
const binhaiOfficer: TicketViewer = { roles: ['officer'], scope: { allUnits: false, unitCodes: ['120116'] } };
const admin: TicketViewer = { roles: ['admin'], scope: { allUnits: true, unitCodes: [] } };

const binhai = { orgUnitCode: '120116' };
const heping = { orgUnitCode: '120101' };
const centre = { orgUnitCode: null };

describe('ticket scope', () => {
  it('lets operators and city-wide supervisors reach every ticket, the centre’s unassigned ones too', () => {
    for (const v of [operator, citySupervisor]) {
      expect(ticketReach(v)).toEqual({ kind: 'all' });
      for (const t of [binhai, heping, centre]) expect(ticketVisibleTo(v, t)).toBe(true);
    }
  });

  it('lets district officers and supervisors reach the tickets assigned to their unit only', () => {
    for (const v of [binhaiSupervisor, binhaiOfficer]) {
      expect(ticketReach(v)).toEqual({ kind: 'units', unitCodes: ['120116'] });
      expect(ticketVisibleTo(v, binhai)).toBe(true);
      expect(ticketVisibleTo(v, heping)).toBe(false);
      expect(ticketVisibleTo(v, centre)).toBe(false);
    }
  });

  it('gives a user with no hotline role nothing, whatever their scope', () => {
    expect(ticketReach(admin)).toEqual({ kind: 'none' });
    for (const t of [binhai, heping, centre]) expect(ticketVisibleTo(admin, t)).toBe(false);
  });
});

describe('early-warning acknowledgement', () => {
  it('needs every ticket behind the alert within the supervisor’s reach', () => {
    expect(alertAcknowledgeableBy(citySupervisor, [binhai, heping, centre])).toBe(true);
    expect(alertAcknowledgeableBy(binhaiSupervisor, [binhai, binhai])).toBe(true);
    expect(alertAcknowledgeableBy(binhaiSupervisor, [binhai, heping])).toBe(false);
    expect(alertAcknowledgeableBy(binhaiSupervisor, [binhai, centre])).toBe(false);
  });

  it('treats an alert without tickets as the whole city’s', () => {
    expect(alertAcknowledgeableBy(citySupervisor, [])).toBe(true);
    expect(alertAcknowledgeableBy(binhaiSupervisor, [])).toBe(false);
  });
});
