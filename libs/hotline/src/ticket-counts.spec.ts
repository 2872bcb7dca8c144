import { CountedTicketStep, ticketCountDeltas, ticketCountingUnit } from './ticket-counts';

const step = (over: Partial<CountedTicketStep>): CountedTicketStep => ({
  action: 'respond',
  // 2026-03-05 10:00 in Shanghai
  at: new Date('2026-03-05T02:00:00Z'),
  orgUnitCode: '120116',
  answeredBefore: false,
  reopenCount: 0,
  firstResponseDue: '2026-03-05',
  resolutionDue: '2026-03-20',
  satisfaction: null,
  ...over,
});
const metrics = (s: CountedTicketStep) => ticketCountDeltas(s).map((d) => `${d.metric}@${d.orgUnitCode}@${d.on}=${d.value}`);

describe('hotline counts of a ticket step', () => {
  it('a first answer on its due date counts as answered on time, for the assigned unit', () => {
    expect(metrics(step({}))).toEqual([
      'hotline.first_responded@120116@2026-03-05=1',
      'hotline.first_response_on_time@120116@2026-03-05=1',
    ]);
  });

  it('a late first answer counts as answered, not on time; by the Shanghai date of the step', () => {
    // 2026-03-05T16:30Z is 2026-03-06 00:30 in Shanghai: a day late
    expect(metrics(step({ at: new Date('2026-03-05T16:30:00Z') }))).toEqual(['hotline.first_responded@120116@2026-03-06=1']);
  });

  it('a ticket still with the 12330 centre counts for the centre', () => {
    expect(ticketCountingUnit(null)).toBe('120000-12330');
    expect(ticketCountDeltas(step({ orgUnitCode: null }))[0].orgUnitCode).toBe('120000-12330');
  });

  it('an answer after the first one does not count again', () => {
    expect(metrics(step({ answeredBefore: true }))).toEqual([]);
  });

  it('closing counts the resolution against the resolution due date', () => {
    expect(metrics(step({ action: 'close', answeredBefore: true, at: new Date('2026-03-20T08:00:00Z') }))).toEqual([
      'hotline.resolved@120116@2026-03-20=1',
      'hotline.resolved_on_time@120116@2026-03-20=1',
    ]);
    expect(metrics(step({ action: 'close', answeredBefore: true, at: new Date('2026-03-23T08:00:00Z') }))).toEqual([
      'hotline.resolved@120116@2026-03-23=1',
    ]);
  });

  it('forwarding and converting answer and resolve at once', () => {
    for (const action of ['forward', 'convert'] as const)
      expect(metrics(step({ action }))).toEqual([
        'hotline.first_responded@120116@2026-03-05=1',
        'hotline.first_response_on_time@120116@2026-03-05=1',
        'hotline.resolved@120116@2026-03-05=1',
        'hotline.resolved_on_time@120116@2026-03-05=1',
      ]);
  });

  it('a reopened ticket closed (or converted) again is not resolved a second time', () => {
    expect(metrics(step({ action: 'close', answeredBefore: true, reopenCount: 1 }))).toEqual([]);
    expect(metrics(step({ action: 'convert', answeredBefore: true, reopenCount: 1 }))).toEqual([]);
  });

  it('a callback adds its score and one to the count; other steps count nothing', () => {
    expect(metrics(step({ action: 'callback', answeredBefore: true, satisfaction: 4 }))).toEqual([
      'hotline.satisfaction_sum@120116@2026-03-05=4',
      'hotline.satisfaction_count@120116@2026-03-05=1',
    ]);
    for (const action of ['triage', 'assign', 'start', 'reopen'] as const) expect(metrics(step({ action }))).toEqual([]);
  });
});
