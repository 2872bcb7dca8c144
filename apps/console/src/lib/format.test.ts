import { describe, expect, it } from 'vitest';
import { fmtDate, fmtDateTime, fmtYuan, yuanToFen } from './format';
import { workingDaysUntil } from './working-days';

describe('display formats', () => {
  it('dates in Chinese form, instants in Shanghai time', () => {
    expect(fmtDate('2026-03-02')).toBe('2026年3月2日');
    expect(fmtDateTime('2026-03-01T16:30:00.000Z')).toBe('2026年3月2日 00:30');
  });
  it('fen as yuan with separators, exactly; yuan typed back to fen', () => {
    expect(fmtYuan(123_456_789)).toBe('¥1,234,567.89');
    expect(fmtYuan(5)).toBe('¥0.05');
    expect(yuanToFen('1,234.5')).toBe(123_450);
    expect(yuanToFen('0.1')).toBe(10);
    expect(yuanToFen('1.234')).toBeNull();
  });
  it('working days on the statutory calendar (make-up days count, holidays do not)', () => {
    // product.md's worked example: 5 working days after 2017-09-28 is 2017-10-11
    expect(workingDaysUntil('2017-09-28', '2017-10-11')).toEqual({ days: 5, exact: true });
    expect(workingDaysUntil('2017-10-11', '2017-09-28')).toEqual({ days: -5, exact: true });
  });
});
