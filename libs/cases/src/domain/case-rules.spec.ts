import { checkFilingPrerequisites, checkFine, checkOfficerCount, FilingInput, fineCapFen } from './case-rules';
import { CaseType } from './case-types';

const ids = (n: number): string[] => Array.from({ length: n }, (_, i) => `officer-${i + 1}`);

describe('checkOfficerCount', () => {
  // Written out per count so the table reads like the rule: ≥3 and odd; ≥2; ≥1.
  const valid: Record<CaseType, boolean[]> = {
    infringement_dispute: [false, false, false, true, false, true, false],
    passing_off: [false, false, true, true, true, true, true],
    dispute_mediation: [false, true, true, true, true, true, true],
  };

  describe.each(Object.keys(valid) as CaseType[])('%s', (type) => {
    it.each([0, 1, 2, 3, 4, 5, 6])('with %i officers', (n) => {
      const result = checkOfficerCount(type, ids(n));
      if (valid[type][n]) expect(result).toBeNull();
      else expect(result).toEqual({ code: 'OFFICER_COUNT', message: expect.stringContaining(`got ${n} distinct`) });
    });
  });

  it('does not count the same officer twice, nor blank ids', () => {
    expect(checkOfficerCount('infringement_dispute', ['a', 'b', 'a'])).toMatchObject({ code: 'OFFICER_COUNT' });
    expect(checkOfficerCount('infringement_dispute', ['a', 'b', 'c', 'c'])).toBeNull();
    expect(checkOfficerCount('infringement_dispute', ['a', 'b', 'c', 'd', 'd'])).toMatchObject({ code: 'OFFICER_COUNT' });
    expect(checkOfficerCount('passing_off', ['a', 'a'])).toMatchObject({ code: 'OFFICER_COUNT' });
    expect(checkOfficerCount('passing_off', ['a', ' '])).toMatchObject({ code: 'OFFICER_COUNT' });
    expect(checkOfficerCount('dispute_mediation', [''])).toMatchObject({ code: 'OFFICER_COUNT' });
  });

  it('says what the type needs', () => {
    expect(checkOfficerCount('infringement_dispute', ids(4))?.message).toBe(
      'a case of type infringement_dispute needs an odd number of officers, at least 3; got 4 distinct',
    );
    expect(checkOfficerCount('passing_off', ids(1))?.message).toBe('a case of type passing_off needs at least 2 officers; got 1 distinct');
  });
});

describe('checkFilingPrerequisites', () => {
  const org = { kind: 'organization' };
  const patentee = { kind: 'individual', role: 'patentee' };
  const complete: FilingInput = {
    type: 'infringement_dispute',
    respondents: [org],
    requesters: [patentee],
    patents: [{ number: 'ZL201910123456.X' }],
  };
  const fields = (input: FilingInput): string[] => checkFilingPrerequisites(input).map((p) => p.field);

  it('accepts a complete infringement dispute, with a patentee or an interested party', () => {
    expect(checkFilingPrerequisites(complete)).toEqual([]);
    expect(fields({ ...complete, requesters: [{ kind: 'organization', role: 'interested_party' }] })).toEqual([]);
  });

  it('needs a type and a respondent for every type', () => {
    expect(fields({ ...complete, type: undefined })).toEqual(['type']);
    expect(fields({ ...complete, type: 'trademark' })).toEqual(['type']);
    for (const type of ['infringement_dispute', 'passing_off', 'dispute_mediation']) {
      expect(fields({ ...complete, type, respondents: [] })).toEqual(['respondents']);
    }
  });

  it('needs a qualified requester and a patent only for infringement disputes', () => {
    const bare = { respondents: [org], requesters: [], patents: [] };
    expect(fields({ ...bare, type: 'infringement_dispute' })).toEqual(['requesters', 'patents']);
    expect(fields({ ...bare, type: 'infringement_dispute', requesters: [{ kind: 'individual' }], patents: [{}] })).toEqual(['requesters']);
    expect(
      fields({ ...bare, type: 'infringement_dispute', requesters: [{ kind: 'individual', role: 'licensee' }], patents: [{}] }),
    ).toEqual(['requesters']);
    expect(fields({ ...bare, type: 'passing_off' })).toEqual([]);
    expect(fields({ ...bare, type: 'dispute_mediation' })).toEqual([]);
  });

  it('names a party of unknown kind by its position', () => {
    expect(fields({ ...complete, respondents: [org, { kind: 'company' }], requesters: [{ kind: '', role: 'patentee' }] })).toEqual([
      'respondents.1.kind',
      'requesters.0.kind',
    ]);
  });

  it('reports every problem at once', () => {
    expect(fields({ type: null, respondents: [], requesters: [], patents: [] })).toEqual(['type', 'respondents']);
  });
});

describe('checkFine', () => {
  const before = '2021-05-31'; // 2008 law
  const from = '2021-06-01'; // 2020 law
  const above = (capFen: number) => ({ code: 'FINE_ABOVE_CAP', capFen, message: expect.stringContaining(`${capFen} fen`) });

  it('caps a fine at 200,000 yuan without gains under the 2008 law', () => {
    expect(checkFine({ actDate: before, fineFen: 20_000_000, illegalGainsFen: 0 })).toBeNull();
    expect(checkFine({ actDate: before, fineFen: 20_000_001, illegalGainsFen: 0 })).toEqual(above(20_000_000));
  });

  it('caps a fine at 4× the gains under the 2008 law', () => {
    expect(checkFine({ actDate: before, fineFen: 400_000, illegalGainsFen: 100_000 })).toBeNull();
    expect(checkFine({ actDate: before, fineFen: 400_001, illegalGainsFen: 100_000 })).toEqual(above(400_000));
    // With gains the flat amount does not apply, however small the gains (Art. 63 as written).
    expect(checkFine({ actDate: before, fineFen: 5, illegalGainsFen: 1 })).toEqual(above(4));
    expect(checkFine({ actDate: before, fineFen: 80_000_000, illegalGainsFen: 20_000_000 })).toBeNull();
  });

  it('caps a fine at 250,000 yuan without gains under the 2020 law', () => {
    expect(checkFine({ actDate: from, fineFen: 25_000_000, illegalGainsFen: 0 })).toBeNull();
    expect(checkFine({ actDate: from, fineFen: 25_000_001, illegalGainsFen: 0 })).toEqual(above(25_000_000));
  });

  it('keeps the 250,000 yuan cap for gains up to 50,000 yuan under the 2020 law, then 5× the gains', () => {
    expect(checkFine({ actDate: from, fineFen: 25_000_000, illegalGainsFen: 1 })).toBeNull();
    expect(checkFine({ actDate: from, fineFen: 25_000_000, illegalGainsFen: 5_000_000 })).toBeNull();
    expect(checkFine({ actDate: from, fineFen: 25_000_001, illegalGainsFen: 5_000_000 })).toEqual(above(25_000_000));
    expect(checkFine({ actDate: from, fineFen: 25_000_005, illegalGainsFen: 5_000_001 })).toBeNull();
    expect(checkFine({ actDate: from, fineFen: 25_000_006, illegalGainsFen: 5_000_001 })).toEqual(above(25_000_005));
    expect(checkFine({ actDate: from, fineFen: 100_000_000, illegalGainsFen: 20_000_000 })).toBeNull();
    expect(checkFine({ actDate: from, fineFen: 100_000_001, illegalGainsFen: 20_000_000 })).toEqual(above(100_000_000));
  });

  it('switches law on 2021-06-01, not a day earlier or later', () => {
    expect(checkFine({ actDate: '2021-05-31', fineFen: 20_000_001, illegalGainsFen: 0 })).toMatchObject({ code: 'FINE_ABOVE_CAP' });
    expect(checkFine({ actDate: '2021-06-01', fineFen: 20_000_001, illegalGainsFen: 0 })).toBeNull();
    expect(checkFine({ actDate: '2021-05-31', fineFen: 500_000, illegalGainsFen: 100_000 })).toEqual(above(400_000));
    expect(checkFine({ actDate: '2021-06-01', fineFen: 500_000, illegalGainsFen: 100_000 })).toBeNull();
    expect(checkFine({ actDate: '2008-12-31', fineFen: 20_000_000, illegalGainsFen: 0 })).toBeNull();
    expect(checkFine({ actDate: '2026-03-02', fineFen: 25_000_001, illegalGainsFen: 0 })).toMatchObject({ code: 'FINE_ABOVE_CAP' });
  });

  it('accepts a zero fine', () => {
    expect(checkFine({ actDate: from, fineFen: 0, illegalGainsFen: 0 })).toBeNull();
  });

  it('stays exact with sums beyond what 5× fits in a safe integer', () => {
    const gains = Number.MAX_SAFE_INTEGER;
    expect(fineCapFen(from, gains)).toBe(5n * BigInt(gains));
    expect(checkFine({ actDate: from, fineFen: Number.MAX_SAFE_INTEGER, illegalGainsFen: gains })).toBeNull();
  });

  it('refuses amounts that are not non-negative integer fen, and malformed dates', () => {
    const bad: [Partial<Parameters<typeof checkFine>[0]>, string][] = [
      [{ fineFen: 100.5 }, 'fineFen'],
      [{ fineFen: -1 }, 'fineFen'],
      [{ fineFen: Number.NaN }, 'fineFen'],
      [{ fineFen: Number.POSITIVE_INFINITY }, 'fineFen'],
      [{ fineFen: 2 ** 53 }, 'fineFen'],
      [{ fineFen: '100' as unknown as number }, 'fineFen'],
      [{ illegalGainsFen: 0.1 }, 'illegalGainsFen'],
      [{ illegalGainsFen: -5 }, 'illegalGainsFen'],
      [{ actDate: '2021-6-1' }, 'actDate'],
      [{ actDate: '2021-02-29' }, 'actDate'],
      [{ actDate: '2021-06-01T00:00:00Z' }, 'actDate'],
      [{ actDate: '' }, 'actDate'],
    ];
    for (const [override, field] of bad) {
      expect(checkFine({ actDate: from, fineFen: 100, illegalGainsFen: 0, ...override })).toMatchObject({
        code: 'VALIDATION_FAILED',
        field,
      });
    }
    expect(checkFine({ actDate: '2020-02-29', fineFen: 100, illegalGainsFen: 0 })).toBeNull();
  });
});
