import { auditEntryVisibleTo, auditReach } from './audit-scope';

describe('audit scope', () => {
  const city = { scope: { allUnits: true, unitCodes: [] } };
  const binhai = { scope: { allUnits: false, unitCodes: ['120116'] } };

  it('gives a city-wide viewer every entry, those on no unit too', () => {
    expect(auditReach(city)).toEqual({ kind: 'all' });
    expect(auditEntryVisibleTo(city, { orgUnitCode: null })).toBe(true);
    expect(auditEntryVisibleTo(city, { orgUnitCode: '120101' })).toBe(true);
  });

  it('gives a district viewer the entries on its unit only', () => {
    expect(auditReach(binhai)).toEqual({ kind: 'units', unitCodes: ['120116'] });
    expect(auditEntryVisibleTo(binhai, { orgUnitCode: '120116' })).toBe(true);
    expect(auditEntryVisibleTo(binhai, { orgUnitCode: '120101' })).toBe(false);
    expect(auditEntryVisibleTo(binhai, { orgUnitCode: null })).toBe(false);
  });
});
