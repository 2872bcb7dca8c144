import { parsePatentNumber, patentCheckDigit, PatentKind } from './patent-number';

// Independent of patent-number.ts: the weights written as the documents describe them (2 to 9, then again from 2).
function withCheck(digits: string): string {
  const weights = digits.length === 8 ? [2, 3, 4, 5, 6, 7, 8, 9] : [2, 3, 4, 5, 6, 7, 8, 9, 2, 3, 4, 5];
  const remainder = weights.reduce((s, w, i) => s + w * Number(digits[i]), 0) % 11;
  return `${digits}.${remainder === 10 ? 'X' : remainder}`;
}

const now = new Date('2026-06-15T00:00:00Z');

/**
 * Real numbers as printed in public listings (inventors' CVs and product pages), each checked by the algorithm.
 * That eleven unrelated numbers, both eras and an X among them, all agree with it is what confirms the weights;
 * 201710601862.3 is the worked example of a public explanation of the algorithm.
 */
const REAL: [string, PatentKind, number][] = [
  ['201510958772.0', 'invention', 2015],
  ['200510096239.4', 'invention', 2005],
  ['200510030457.8', 'invention', 2005],
  ['200510025251.6', 'invention', 2005],
  ['201710601862.3', 'invention', 2017],
  ['201811564288.X', 'invention', 2018],
  ['202010566088.9', 'invention', 2020],
  ['202110141041.2', 'invention', 2021],
  ['202322865413.3', 'utility_model', 2023],
  ['99113861.9', 'invention', 1999],
  ['00125301.8', 'invention', 2000],
  ['01105715.7', 'invention', 2001],
  ['01126463.2', 'invention', 2001],
];

describe('parsePatentNumber', () => {
  it.each(REAL)('accepts the real number %s', (number, kind, applicationYear) => {
    expect(patentCheckDigit(number.split('.')[0])).toBe(number.split('.')[1]);
    expect(parsePatentNumber(number, { now })).toEqual({ ok: true, normalized: number, kind, applicationYear });
  });

  it.each([
    'ZL201510958772.0',
    'CN201510958772.0',
    'zl201510958772.0',
    'cn201510958772.0',
    'Zl201510958772.0',
    'ZL 201510958772.0',
    'ZL 2015 1 0958772.0',
    'CN 2015 1095 8772.0',
    '201510958772.0',
    '2015109587720',
    'ZL2015109587720',
    'CN 2015109587720',
    '  ZL 2015 1 0958772 . 0 ',
    '\tCN201510958772.0\n',
    'ZL　201510958772.0',
  ])('reads %p as 201510958772.0', (input) => {
    expect(parsePatentNumber(input, { now })).toEqual({ ok: true, normalized: '201510958772.0', kind: 'invention', applicationYear: 2015 });
  });

  it.each(['ZL201811564288.X', 'zl201811564288.x', 'CN201811564288X', '201811564288x'])('reads an X check digit in %p', (input) => {
    expect(parsePatentNumber(input, { now })).toMatchObject({ ok: true, normalized: '201811564288.X' });
  });

  it.each(['ZL99113861.9', 'CN 99 1 13861.9', '991138619', 'zl991138619'])('reads the pre-2003 %p', (input) => {
    expect(parsePatentNumber(input, { now })).toEqual({ ok: true, normalized: '99113861.9', kind: 'invention', applicationYear: 1999 });
  });

  const kinds: [string, PatentKind][] = [
    ['1', 'invention'],
    ['2', 'utility_model'],
    ['3', 'design'],
    ['8', 'pct_invention'],
    ['9', 'pct_utility_model'],
  ];
  it.each(kinds)('derives kind digit %s as %s in both eras', (digit, kind) => {
    const modern = withCheck(`2024${digit}0012345`);
    expect(parsePatentNumber(modern, { now })).toEqual({ ok: true, normalized: modern, kind, applicationYear: 2024 });
    const old = withCheck(`98${digit}12345`);
    expect(parsePatentNumber(old, { now })).toEqual({ ok: true, normalized: old, kind, applicationYear: 1998 });
  });

  it.each(['0', '4', '5', '6', '7'])('rejects the unknown kind digit %s in both eras', (digit) => {
    expect(parsePatentNumber(withCheck(`2024${digit}0012345`), { now })).toEqual({
      ok: false,
      reason: 'kind digit must be 1, 2, 3, 8 or 9',
    });
    expect(parsePatentNumber(withCheck(`98${digit}12345`), { now })).toEqual({ ok: false, reason: 'kind digit must be 1, 2, 3, 8 or 9' });
  });

  it('rejects every wrong check digit and names the right one', () => {
    for (const [number] of REAL) {
      const [digits, check] = number.split('.');
      for (const wrong of '0123456789X') {
        if (wrong === check) continue;
        expect(parsePatentNumber(`ZL${digits}.${wrong}`, { now })).toEqual({ ok: false, reason: `check digit should be ${check}` });
      }
    }
  });

  it('catches every single-digit substitution of a real number', () => {
    for (const [number] of REAL) {
      for (let i = 0; i < number.length; i++) {
        if (number[i] === '.') continue;
        for (const c of '0123456789') {
          if (c === number[i]) continue;
          expect(parsePatentNumber(number.slice(0, i) + c + number.slice(i + 1), { now }).ok).toBe(false);
        }
      }
    }
  });

  it('maps two-digit years 85-99 to 19xx and 00-03 to 20xx', () => {
    expect(parsePatentNumber(withCheck('85100001'), { now })).toMatchObject({ ok: true, applicationYear: 1985 });
    expect(parsePatentNumber(withCheck('00200001'), { now })).toMatchObject({ ok: true, applicationYear: 2000 });
    expect(parsePatentNumber(withCheck('03300001'), { now })).toMatchObject({ ok: true, applicationYear: 2003 });
  });

  it.each(['04100001', '50100001', '84100001'])('rejects the 8-digit %s from outside 1985-2003', (digits) => {
    expect(parsePatentNumber(withCheck(digits), { now })).toEqual({ ok: false, reason: 'an 8-digit number must be from 1985 to 2003' });
  });

  it('accepts 12-digit numbers from 2003 (they started in October) and rejects earlier years', () => {
    expect(parsePatentNumber(withCheck('200310100001'), { now })).toMatchObject({ ok: true, applicationYear: 2003 });
    expect(parsePatentNumber(withCheck('200210100001'), { now })).toEqual({
      ok: false,
      reason: 'a 12-digit number cannot be from before 2003',
    });
    expect(parsePatentNumber(withCheck('199910100001'), { now })).toEqual({
      ok: false,
      reason: 'a 12-digit number cannot be from before 2003',
    });
  });

  it('accepts the current year in Shanghai and rejects a later one', () => {
    const newYearsEveUtc = new Date('2026-12-31T16:00:00Z'); // already 2027-01-01 in Shanghai
    expect(parsePatentNumber(withCheck('202710000001'), { now: newYearsEveUtc })).toMatchObject({ ok: true, applicationYear: 2027 });
    expect(parsePatentNumber(withCheck('202710000001'), { now })).toEqual({ ok: false, reason: 'application year is in the future' });
    expect(parsePatentNumber(withCheck('209910000001'))).toEqual({ ok: false, reason: 'application year is in the future' });
  });

  it.each([
    ['11 digits', '20151095877.0'],
    ['13 digits', '2015109587720.0'],
    ['7 digits', '9911386.9'],
    ['9 digits', '991138610.9'],
    ['10 digits', '9911386101.9'],
    ['a publication number', 'CN1234567'],
  ])('rejects %s before the check digit', (_label, input) => {
    expect(parsePatentNumber(input, { now })).toEqual({
      ok: false,
      reason: 'must have 12 digits before the check digit (8 before October 2003)',
    });
  });

  it.each([
    ['an empty string', ''],
    ['only a prefix', 'ZL'],
    ['a check digit alone', '9'],
    ['two prefixes', 'ZLCN201510958772.0'],
    ['a dot in the wrong place', '2015.109587720'],
    ['two dots', '201510958772..0'],
    ['nothing after the dot', '201510958772.'],
    ['an X inside the number', '2015109587X2.0'],
    ['a kind suffix of a publication number', 'CN201510958772.0A'],
    ['hyphens', '2015-1-0958772.0'],
    ['an unknown prefix', 'US201510958772.0'],
    ['a trailing prefix', '201510958772.0ZL'],
  ])('rejects %s', (_label, input) => {
    expect(parsePatentNumber(input, { now })).toEqual({
      ok: false,
      reason: 'must be digits with an optional dot before the check digit (0-9 or X)',
    });
  });

  it.each([undefined, null, 201510958772, {}])('rejects the non-string %p', (input) => {
    expect(parsePatentNumber(input)).toEqual({ ok: false, reason: 'must be a string' });
  });
});
