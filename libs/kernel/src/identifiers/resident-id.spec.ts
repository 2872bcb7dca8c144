import { birthDateOf, maskResidentId, RESIDENT_ID_PROVINCE_CODES, residentIdCheckCharacter, validateResidentId } from './resident-id';

// Independent of resident-id.ts: weights from their definition, 2^(17-i) mod 11 (ISO 7064 MOD 11-2).
function withCheck(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * (2 ** (17 - i) % 11);
  return first17 + '10X98765432'[sum % 11];
}
const idOf = (region: string, birth: string, sequence = '123'): string => withCheck(region + birth + sequence);

// A fixed "now": 2026-03-01T16:30Z is already 2026-03-02 in Shanghai.
const now = new Date('2026-03-01T16:30:00Z');

describe('validateResidentId', () => {
  it('accepts the worked example of GB 11643-1999', () => {
    expect(validateResidentId('11010519491231002X', { now })).toEqual({ ok: true, value: '11010519491231002X' });
  });

  it('rejects the standard’s other example only because its 1880 birth date is before 1900', () => {
    expect(residentIdCheckCharacter('44052418800101001')).toBe('4');
    expect(validateResidentId('440524188001010014', { now })).toEqual({ ok: false, reason: 'birth date is before 1900' });
  });

  it('accepts generated numbers, including an X check character, and upper-cases a typed x', () => {
    const tianjin = idOf('120101', '19800101');
    expect(validateResidentId(tianjin, { now })).toEqual({ ok: true, value: tianjin });
    const withX = ['120', '121', '122', '123', '124', '125', '126', '127', '128', '129', '130']
      .map((seq) => idOf('120104', '19900615', seq))
      .find((id) => id.endsWith('X'));
    expect(withX).toBeDefined();
    expect(validateResidentId(` ${withX!.toLowerCase()} `, { now })).toEqual({ ok: true, value: withX });
  });

  it('accepts exactly the listed province codes, for all 100 two-digit prefixes', () => {
    const accepted: string[] = [];
    for (let p = 0; p < 100; p++) {
      const prefix = String(p).padStart(2, '0');
      const result = validateResidentId(idOf(`${prefix}0101`, '19800101'), { now });
      if (result.ok) accepted.push(prefix);
      else expect(result.reason).toBe('first two digits are not a province code');
    }
    expect(accepted).toEqual([...RESIDENT_ID_PROVINCE_CODES].sort());
    expect(accepted).toEqual(
      '11 12 13 14 15 21 22 23 31 32 33 34 35 36 37 41 42 43 44 45 46 50 51 52 53 54 61 62 63 64 65 71 81 82 83'.split(' '),
    );
  });

  it.each([
    ['1900-01-01, the earliest allowed', '19000101'],
    ['a leap day', '20000229'],
    ['a leap day of a year divisible by 4 but not 100', '20240229'],
    ['today in Shanghai, while it is still yesterday in UTC', '20260302'],
    ['the last day of a year', '19991231'],
  ])('accepts a birth date on %s', (_label, birth) => {
    expect(validateResidentId(idOf('120101', birth), { now }).ok).toBe(true);
  });

  it.each([
    ['1899-12-31', '18991231', 'birth date is before 1900'],
    ['year 0050, which Date would read as 1950', '00500101', 'birth date is before 1900'],
    ['tomorrow in Shanghai', '20260303', 'birth date is in the future'],
    ['next year', '20270101', 'birth date is in the future'],
    ['1900-02-29 (1900 was not a leap year)', '19000229', 'birth date (digits 7-14) is not a real date'],
    ['2023-02-29', '20230229', 'birth date (digits 7-14) is not a real date'],
    ['April 31', '19800431', 'birth date (digits 7-14) is not a real date'],
    ['month 13', '19801301', 'birth date (digits 7-14) is not a real date'],
    ['month 00', '19800001', 'birth date (digits 7-14) is not a real date'],
    ['day 00', '19800100', 'birth date (digits 7-14) is not a real date'],
    ['day 32', '19800132', 'birth date (digits 7-14) is not a real date'],
  ])('rejects a birth date of %s', (_label, birth, reason) => {
    expect(validateResidentId(idOf('120101', birth), { now })).toEqual({ ok: false, reason });
  });

  it('uses the system clock when no time is given', () => {
    expect(validateResidentId(idOf('120101', '19800101')).ok).toBe(true);
    expect(validateResidentId(idOf('120101', '29991231'))).toEqual({ ok: false, reason: 'birth date is in the future' });
  });

  it.each(['', '12010119800101123', '1201011980010112345', '120101800101123'])('rejects %p by its length', (id) => {
    expect(validateResidentId(id, { now })).toEqual({ ok: false, reason: 'must be 18 characters' });
  });

  it.each(['12010119800101123A', '1201011980010112X3', 'X20101198001011234', '12010119800101 123', '１20101198001011234'])(
    'rejects %p for characters other than 17 digits and a digit or X',
    (id) => {
      expect(validateResidentId(id, { now })).toEqual({ ok: false, reason: 'must be 17 digits followed by a digit or X' });
    },
  );

  it('rejects a wrong check character and names the right one', () => {
    expect(validateResidentId('110105194912310021', { now })).toEqual({ ok: false, reason: 'check character should be X' });
    expect(validateResidentId('11010519491231002X'.slice(0, 17) + '0', { now })).toEqual({
      ok: false,
      reason: 'check character should be X',
    });
  });

  it('catches every single-digit substitution and every adjacent transposition of a valid number', () => {
    const valid = '11010519491231002X';
    for (let i = 0; i < 18; i++) {
      for (const c of '0123456789X') {
        if (c === valid[i]) continue;
        expect(validateResidentId(valid.slice(0, i) + c + valid.slice(i + 1), { now }).ok).toBe(false);
      }
    }
    for (let i = 0; i < 16; i++) {
      if (valid[i] === valid[i + 1]) continue;
      const swapped = valid.slice(0, i) + valid[i + 1] + valid[i] + valid.slice(i + 2);
      expect(validateResidentId(swapped, { now }).ok).toBe(false);
    }
  });

  it('never repeats the number in a reason', () => {
    const id = '120101198001011230';
    const result = validateResidentId(id, { now });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.reason).not.toContain('1201011980');
  });

  it.each([undefined, null, 12010119800101, ['120101198001011234']])('rejects the non-string %p', (input) => {
    expect(validateResidentId(input, { now })).toEqual({ ok: false, reason: 'must be a string' });
  });
});

describe('maskResidentId', () => {
  it('keeps the region code and the last four characters', () => {
    expect(maskResidentId('12010119800101123X')).toBe('120101********123X');
    expect(maskResidentId(' 12010119800101123x ')).toBe('120101********123X');
    expect(maskResidentId('11010519491231002X')).toBe('110105********002X');
  });

  it('refuses anything that is not 18 characters, without echoing it', () => {
    expect(() => maskResidentId('1201011980010112')).toThrow(RangeError);
    expect(() => maskResidentId('1201011980010112')).toThrow(/^(?!.*1201011980).*$/);
    expect(() => maskResidentId('')).toThrow('can only mask an 18-character resident ID');
  });
});

describe('birthDateOf', () => {
  it('returns the birth date as YYYY-MM-DD', () => {
    expect(birthDateOf('11010519491231002X', { now })).toBe('1949-12-31');
    expect(birthDateOf(idOf('120101', '20000229'))).toBe('2000-02-29');
    expect(birthDateOf(' 11010519491231002x ')).toBe('1949-12-31');
  });

  it('throws for an invalid number with the reason and without the number', () => {
    expect(() => birthDateOf('110105194912310021')).toThrow(new RangeError('not a valid resident ID: check character should be X'));
    expect(() => birthDateOf(idOf('120101', '20260303'), { now })).toThrow('not a valid resident ID: birth date is in the future');
  });
});
