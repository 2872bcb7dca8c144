import { maskPhone, validateCallerPhone } from './phone';
import { maskResidentId } from './resident-id';

describe('caller phone validation and masking', () => {
  it('normalises mobiles, landlines and service numbers to digits', () => {
    expect(validateCallerPhone('13812345678')).toEqual({ ok: true, value: '13812345678' });
    expect(validateCallerPhone('+86 138-1234-5678')).toEqual({ ok: true, value: '13812345678' });
    expect(validateCallerPhone('0086 13812345678')).toEqual({ ok: true, value: '13812345678' });
    expect(validateCallerPhone('１３８１２３４５６７８')).toEqual({ ok: true, value: '13812345678' });
    expect(validateCallerPhone('(022) 2345-6789')).toEqual({ ok: true, value: '02223456789' });
    expect(validateCallerPhone('400-123-4567')).toEqual({ ok: true, value: '4001234567' });
  });

  it('refuses what is not a phone number, without echoing it', () => {
    for (const bad of ['12345', '12812345678', '1381234567', 'call me', '138123456789', '2345678'])
      expect(validateCallerPhone(bad)).toMatchObject({ ok: false });
    const r = validateCallerPhone('1381234567');
    expect(r.ok ? '' : r.reason).not.toContain('1381234567');
  });

  it('masks phones as 138****5678 and ID numbers keeping only the ends', () => {
    expect(maskPhone('13812345678')).toBe('138****5678');
    expect(maskPhone('02223456789')).toBe('022****6789');
    const masked = maskResidentId('11010519491231002X');
    expect(masked).not.toContain('19491231');
    expect(masked.endsWith('002X')).toBe(true);
  });
});
