import { describe, expect, it } from 'vitest';
import { parsePatentNumber, usccCheckCharacter, validateCallerPhone, validateResidentId, validateUscc } from './identifiers';

// The same examples as libs/kernel/src/identifiers/*.spec.ts: the console must accept and refuse what the server does.
describe('identifier checks (ported from libs/kernel)', () => {
  it('USCC: a valid code, a wrong check character, a forbidden letter, the wrong length', () => {
    expect(validateUscc('91350100M000100Y43')).toEqual({ ok: true, value: '91350100M000100Y43' });
    expect(validateUscc('91350100m000100y43')).toEqual({ ok: true, value: '91350100M000100Y43' });
    expect(validateUscc('91350100M000100Y44')).toEqual({ ok: false, reason: '校验位应为 3' });
    expect(validateUscc('91350100M000100I43').ok).toBe(false);
    expect(validateUscc('9135010').ok).toBe(false);
    expect(usccCheckCharacter('91350100M000100Y4')).toBe('3');
  });

  it('resident ID: check digit, province, real birth date', () => {
    expect(validateResidentId('11010519491231002X').ok).toBe(true);
    expect(validateResidentId('110105194912310021')).toEqual({ ok: false, reason: '校验位应为 X' });
    expect(validateResidentId('99010519491231002X').ok).toBe(false);
    expect(validateResidentId('110105194902300021').ok).toBe(false);
  });

  it('patent numbers: ZL/CN prefixes, with or without the dot, 8 and 12 digits, kind', () => {
    expect(parsePatentNumber('ZL 2015 1 0958772.0')).toMatchObject({ ok: true, normalized: '201510958772.0', kind: 'invention' });
    expect(parsePatentNumber('CN2015109587720')).toMatchObject({ ok: true, normalized: '201510958772.0' });
    expect(parsePatentNumber('ZL99113861.9')).toMatchObject({ ok: true, applicationYear: 1999 });
    expect(parsePatentNumber('201510958772.1')).toEqual({ ok: false, reason: '校验位应为 0' });
    expect(parsePatentNumber('2015409587720').ok).toBe(false);
  });

  it('caller phones', () => {
    expect(validateCallerPhone('+86 138-1234-5678')).toEqual({ ok: true, value: '13812345678' });
    expect(validateCallerPhone('022-23456789')).toEqual({ ok: true, value: '02223456789' });
    expect(validateCallerPhone('12345').ok).toBe(false);
  });
});
