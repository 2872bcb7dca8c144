import { userReach, userVisibleTo } from './user-scope';

describe('user scope', () => {
  it('gives a city-wide viewer every user, a district viewer its unit’s users only', () => {
    const city = { scope: { allUnits: true, unitCodes: [] } };
    const binhai = { scope: { allUnits: false, unitCodes: ['120116'] } };
    expect(userReach(city)).toEqual({ kind: 'all' });
    expect(userVisibleTo(city, { orgUnitCode: '120101' })).toBe(true);
    expect(userReach(binhai)).toEqual({ kind: 'units', unitCodes: ['120116'] });
    expect(userVisibleTo(binhai, { orgUnitCode: '120116' })).toBe(true);
    expect(userVisibleTo(binhai, { orgUnitCode: '120101' })).toBe(false);
  });
});
