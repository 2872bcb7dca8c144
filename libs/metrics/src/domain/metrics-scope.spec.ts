import { maySetTargets, metricsUnitVisibleTo, selectionUnits } from './metrics-scope';

describe('metrics scope', () => {
  const city = { scope: { allUnits: true, unitCodes: [] } };
  const binhai = { scope: { allUnits: false, unitCodes: ['120116'] } };
  const bureauOfficer = { scope: { allUnits: false, unitCodes: ['120000'] } };
  const bureau = { code: '120000', kind: 'bureau' as const };
  const district = { code: '120116', kind: 'district' as const };
  const other = { code: '120101', kind: 'district' as const };
  const partner = { code: '310000', kind: 'partner' as const };

  it('shows the city (the bureau’s code) to city-wide viewers only, even to the bureau’s own officers not', () => {
    expect(metricsUnitVisibleTo(city, bureau)).toBe(true);
    expect(metricsUnitVisibleTo(binhai, bureau)).toBe(false);
    expect(metricsUnitVisibleTo(bureauOfficer, bureau)).toBe(false);
  });

  it('shows a district to viewers whose scope holds it, a partner to no one', () => {
    expect(metricsUnitVisibleTo(city, other)).toBe(true);
    expect(metricsUnitVisibleTo(binhai, district)).toBe(true);
    expect(metricsUnitVisibleTo(binhai, other)).toBe(false);
    expect(metricsUnitVisibleTo(city, partner)).toBe(false);
  });

  it('sums every unit for the city, the unit alone otherwise', () => {
    expect(selectionUnits(bureau)).toBeNull();
    expect(selectionUnits(district)).toEqual(['120116']);
  });

  it('lets city-bureau supervisors and admins set targets, no one else', () => {
    expect(maySetTargets({ ...city, roles: ['supervisor'] })).toBe(true);
    expect(maySetTargets({ ...bureauOfficer, roles: ['admin'] })).toBe(true);
    expect(maySetTargets({ ...binhai, roles: ['supervisor'] })).toBe(false);
    expect(maySetTargets({ ...city, roles: ['officer'] })).toBe(false);
  });
});
