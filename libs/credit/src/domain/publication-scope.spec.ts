import { publicationReach, publicationVisibleTo } from './publication-scope';

describe('publication scope', () => {
  const city = { scope: { allUnits: true, unitCodes: [] } };
  const binhai = { scope: { allUnits: false, unitCodes: ['120116'] } };

  it('gives a city-wide viewer every publication', () => {
    expect(publicationReach(city)).toEqual({ kind: 'all' });
    expect(publicationVisibleTo(city, { orgUnitCode: '120101' })).toBe(true);
  });

  it('gives a district viewer its own unit’s publications only', () => {
    expect(publicationReach(binhai)).toEqual({ kind: 'units', unitCodes: ['120116'] });
    expect(publicationVisibleTo(binhai, { orgUnitCode: '120116' })).toBe(true);
    expect(publicationVisibleTo(binhai, { orgUnitCode: '120101' })).toBe(false);
  });
});
