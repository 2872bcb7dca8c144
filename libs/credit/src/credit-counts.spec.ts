import { publicationCountDeltas } from './credit-counts';

describe('credit counts of a publication published', () => {
  it('counts it published, and on time when on or before the due date, by the Shanghai publishing date', () => {
    expect(publicationCountDeltas({ orgUnitCode: '120116', dueOn: '2026-03-10', publishedAt: new Date('2026-03-10T15:59:00Z') })).toEqual([
      { metric: 'credit.published', orgUnitCode: '120116', on: '2026-03-10', value: 1 },
      { metric: 'credit.published_on_time', orgUnitCode: '120116', on: '2026-03-10', value: 1 },
    ]);
  });

  it('a publication after its due date is published but not on time (16:00Z is the next day in Shanghai)', () => {
    expect(publicationCountDeltas({ orgUnitCode: '120101', dueOn: '2026-03-31', publishedAt: new Date('2026-03-31T16:00:00Z') })).toEqual([
      { metric: 'credit.published', orgUnitCode: '120101', on: '2026-04-01', value: 1 },
    ]);
  });
});
