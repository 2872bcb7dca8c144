import { shanghaiDate } from '@app/kernel/calendar';
import { caseCountDeltas, CountedCase, CountedChange, filedDimensions } from './case-counts';
import { foldDeltas } from './metric-names';

const base: CountedCase = {
  type: 'infringement_dispute',
  source: 'complaint',
  status: 'received',
  orgUnitCode: '120116',
  receivedOn: '2026-03-02',
  filedOn: null,
  closedOn: null,
  filingDecisionDue: '2026-03-09',
  closingDue: null,
  extendedClosingDue: null,
  ftz: false,
  ecommerce: null,
};
const change = (action: string, c: Partial<CountedCase>, extra: Partial<CountedChange> = {}): CountedChange => ({
  case: { ...base, ...c },
  action,
  fromStatus: 'received',
  toStatus: c.status ?? 'received',
  at: new Date('2026-03-05T02:00:00Z'),
  payload: {},
  ...extra,
});
const cells = (ch: CountedChange) =>
  foldDeltas(caseCountDeltas(ch))
    .map((c) => `${c.metric} ${c.orgUnitCode} ${c.period} ${c.dimension}=${c.value}`)
    .sort();

describe('case counts', () => {
  it('counts a received case in the month it was received', () => {
    expect(cells(change('receive', {}, { fromStatus: null }))).toEqual(['case.received 120116 2026-03-01 =1']);
  });

  it('counts a filing by its (back-entered) filing date, under all, its type, FTZ and e-commerce, with the on-time filing decision', () => {
    const filed = change(
      'file',
      { status: 'filed', filedOn: '2026-02-27', ftz: true, ecommerce: { platform: 'x' } },
      { toStatus: 'filed' },
    );
    expect(cells(filed)).toEqual([
      'case.filed 120116 2026-02-01 =1',
      'case.filed 120116 2026-02-01 ecommerce=1',
      'case.filed 120116 2026-02-01 ftz=1',
      'case.filed 120116 2026-02-01 type:infringement_dispute=1',
      'case.filing_decided 120116 2026-02-01 =1',
      'case.filing_decided_on_time 120116 2026-02-01 =1',
    ]);
  });

  it('an amendment moves a filed case between the FTZ / e-commerce shares in its filing month; before filing it counts nothing', () => {
    const counted = { type: 'infringement_dispute', source: 'complaint', ftz: false, ecommerce: null };
    const now = { status: 'investigating', filedOn: '2026-02-27', ftz: true, ecommerce: null };
    expect(cells(change('amend', now, { payload: { counted } }))).toEqual(['case.filed 120116 2026-02-01 ftz=1']);
    expect(cells(change('amend', { ...now, ftz: false }, { payload: { counted: { ...counted, ftz: true } } }))).toEqual([
      'case.filed 120116 2026-02-01 ftz=-1',
    ]);
    expect(cells(change('amend', { ftz: true }, { payload: { counted } }))).toEqual([]);
  });

  it('a filing after the filing-decision deadline is a decision, not an on-time one', () => {
    const late = cells(change('file', { status: 'filed', filedOn: '2026-03-10' }, { toStatus: 'filed' }));
    expect(late).toContain('case.filing_decided 120116 2026-03-01 =1');
    expect(late.some((l) => l.startsWith('case.filing_decided_on_time'))).toBe(false);
  });

  it('a decline is a filing decision on its date; the deadline day itself is on time', () => {
    expect(cells(change('decline', { status: 'not_filed', closedOn: '2026-03-09' }, { toStatus: 'not_filed' }))).toEqual([
      'case.filing_decided 120116 2026-03-01 =1',
      'case.filing_decided_on_time 120116 2026-03-01 =1',
    ]);
  });

  it('Shanghai year boundary: a case filed at 2026-12-31T17:00Z (01:00 on 1 January in Shanghai) counts for 2027', () => {
    const at = new Date('2026-12-31T17:00:00Z');
    const filedOn = shanghaiDate(at); // what the file action records as the filing date
    expect(filedOn).toBe('2027-01-01');
    const out = cells(change('file', { status: 'filed', filedOn, filingDecisionDue: '2027-01-05' }, { toStatus: 'filed', at }));
    expect(out).toContain('case.filed 120116 2027-01-01 =1');
    // and an action's own instant is converted too: a resume at that instant counts in January 2027
    expect(cells(change('resume', {}, { at, payload: { pausedDays: 4 } }))).toEqual([
      'case.paused_days 120116 2027-01-01 =4',
      'case.pauses 120116 2027-01-01 =1',
    ]);
  });

  it('closing a filed case counts it closed, on time against the extended deadline, with its days to close', () => {
    const closing = {
      status: 'closed',
      filedOn: '2026-01-05',
      closedOn: '2026-04-20',
      closingDue: '2026-04-07',
      extendedClosingDue: '2026-05-07',
    };
    expect(cells(change('mediate', closing, { fromStatus: 'investigating', toStatus: 'closed' }))).toEqual([
      'case.closed 120116 2026-04-01 =1',
      'case.closed_on_time 120116 2026-04-01 =1',
      'case.days_to_close 120116 2026-04-01 105=1',
    ]);
    const late = cells(change('close', { ...closing, extendedClosingDue: null }, { fromStatus: 'served', toStatus: 'closed' }));
    expect(late).toEqual(['case.closed 120116 2026-04-01 =1', 'case.days_to_close 120116 2026-04-01 105=1']);
  });

  it('a case withdrawn before filing never entered the flow: no closing counts', () => {
    expect(cells(change('withdraw', { status: 'closed', closedOn: '2026-03-04' }, { toStatus: 'closed' }))).toEqual([]);
  });

  it('extensions: requested, approved with the days granted', () => {
    expect(cells(change('request_extension', {}))).toEqual(['case.extensions_requested 120116 2026-03-01 =1']);
    expect(cells(change('approve_extension', {}, { payload: { days: 30 } }))).toEqual([
      'case.extension_days 120116 2026-03-01 =30',
      'case.extensions_approved 120116 2026-03-01 =1',
    ]);
  });

  it('other actions (assign, recuse, …) change no count', () => {
    for (const a of ['assign', 'recuse', 'suspend', 'propose_decision', 'approve_decision', 'serve'])
      expect(
        cells(change(a, { status: 'investigating', filedOn: '2026-03-01' }, { fromStatus: 'filed', toStatus: 'investigating' })),
      ).toEqual([]);
  });

  it('e-commerce is the source or platform details', () => {
    expect(filedDimensions({ ...base, source: 'ecommerce' })).toContain('ecommerce');
    expect(filedDimensions(base)).toEqual(['', 'type:infringement_dispute']);
  });
});

describe('foldDeltas', () => {
  it('merges deltas on one cell, drops zero sums, sorts by key', () => {
    expect(
      foldDeltas([
        { metric: 'case.filed', orgUnitCode: 'b', on: '2026-01-31', value: 2 },
        { metric: 'case.closed', orgUnitCode: 'a', on: '2026-01-02', value: 1 },
        { metric: 'case.filed', orgUnitCode: 'b', on: '2026-01-01', value: -1 },
        { metric: 'case.received', orgUnitCode: 'a', on: '2026-01-02', value: 1 },
        { metric: 'case.received', orgUnitCode: 'a', on: '2026-01-09', value: -1 },
      ]),
    ).toEqual([
      { metric: 'case.closed', orgUnitCode: 'a', period: '2026-01-01', dimension: '', value: 1 },
      { metric: 'case.filed', orgUnitCode: 'b', period: '2026-01-01', dimension: '', value: 1 },
    ]);
  });
});
