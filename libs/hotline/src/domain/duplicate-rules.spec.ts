import { duplicateReasons, DuplicateKeys, mergeDuplicates } from './duplicate-rules';
import { normalizeRespondentName } from './respondent-name';

const at = new Date('2026-03-31T02:00:00Z');
const base: DuplicateKeys = { respondentKey: null, patents: [], phoneIndex: null, createdAt: at };
const daysBefore = (d: number) => new Date(at.getTime() - d * 86_400_000);

describe('duplicate rules', () => {
  it('matches on the normalised respondent, a shared patent, or the caller phone index', () => {
    const incoming = {
      ...base,
      respondentKey: normalizeRespondentName('天津某某科技（滨海）股份有限公司'),
      patents: ['202310000001.X'],
      phoneIndex: 'p1',
    };
    expect(
      duplicateReasons(incoming, { ...base, respondentKey: normalizeRespondentName('天津某某科技有限公司'), createdAt: daysBefore(3) }),
    ).toEqual(['respondent']);
    expect(duplicateReasons(incoming, { ...base, patents: ['201510958772.0', '202310000001.X'], createdAt: daysBefore(3) })).toEqual([
      'patent',
    ]);
    expect(duplicateReasons(incoming, { ...base, phoneIndex: 'p1', createdAt: daysBefore(3) })).toEqual(['caller_phone']);
    expect(duplicateReasons(incoming, { ...incoming, createdAt: daysBefore(1) })).toEqual(['respondent', 'patent', 'caller_phone']);
  });

  it('looks back exactly 30 days, not further and not forward', () => {
    const incoming = { ...base, phoneIndex: 'p1' };
    expect(duplicateReasons(incoming, { ...base, phoneIndex: 'p1', createdAt: daysBefore(30) })).toEqual(['caller_phone']);
    expect(duplicateReasons(incoming, { ...base, phoneIndex: 'p1', createdAt: new Date(daysBefore(30).getTime() - 1) })).toEqual([]);
    expect(duplicateReasons(incoming, { ...base, phoneIndex: 'p1', createdAt: new Date(at.getTime() + 1) })).toEqual([]);
  });

  it('never matches on missing keys', () => {
    expect(duplicateReasons(base, { ...base, createdAt: daysBefore(1) })).toEqual([]);
  });

  it('merges hits to one entry per ticket with every reason it matched, respondent before patent before phone', () => {
    const merged = mergeDuplicates([
      { id: 'a', ticketNo: '12330-2026-000001', reason: 'caller_phone' },
      { id: 'a', ticketNo: '12330-2026-000001', reason: 'patent' },
      { id: 'b', ticketNo: '12330-2026-000002', reason: 'caller_phone' },
      { id: 'c', ticketNo: '12330-2026-000003', reason: 'respondent' },
    ]);
    expect(merged).toEqual([
      { id: 'c', ticketNo: '12330-2026-000003', reason: 'respondent', reasons: ['respondent'] },
      { id: 'a', ticketNo: '12330-2026-000001', reason: 'patent', reasons: ['patent', 'caller_phone'] },
      { id: 'b', ticketNo: '12330-2026-000002', reason: 'caller_phone', reasons: ['caller_phone'] },
    ]);
    expect(
      mergeDuplicates(Array.from({ length: 30 }, (_, i) => ({ id: `t${i}`, ticketNo: `n${i}`, reason: 'patent' as const }))),
    ).toHaveLength(20);
  });
});
