import { amountInWords, chineseDate, chineseUppercaseAmount, yuanFigure } from './chinese-format';

describe('Chinese dates of documents', () => {
  it.each([
    ['2026-12-02', '二〇二六年十二月二日'],
    ['2026-01-10', '二〇二六年一月十日'],
    ['2026-11-11', '二〇二六年十一月十一日'],
    ['2027-02-20', '二〇二七年二月二十日'],
    ['2030-10-31', '二〇三〇年十月三十一日'],
    ['2000-05-19', '二〇〇〇年五月十九日'],
    ['1999-12-30', '一九九九年十二月三十日'],
  ])('%s → %s', (date, text) => expect(chineseDate(date)).toBe(text));

  it('refuses what is not a date', () => {
    expect(() => chineseDate('2026/12/02')).toThrow(RangeError);
  });
});

describe('amounts of documents', () => {
  it.each([
    [0, '¥0.00'],
    [5, '¥0.05'],
    [1_234_500, '¥12,345.00'],
    [123_456, '¥1,234.56'],
    [25_000_000, '¥250,000.00'],
  ])('figure of %d fen is %s', (fen, text) => expect(yuanFigure(fen)).toBe(text));

  it.each([
    [0, '零元整'],
    [1, '壹分'],
    [10, '壹角'],
    [56, '伍角陆分'],
    [100, '壹元整'],
    [1_000, '壹拾元整'],
    [1_500, '壹拾伍元整'],
    [1_234_500, '壹万贰仟叁佰肆拾伍元整'],
    [123_456, '壹仟贰佰叁拾肆元伍角陆分'],
    [123_406, '壹仟贰佰叁拾肆元零陆分'],
    [123_450, '壹仟贰佰叁拾肆元伍角'],
    [100_001, '壹仟元零壹分'],
    [5_000_000, '伍万元整'],
    [1_001_000, '壹万零壹拾元整'],
    [10_000_000, '壹拾万元整'],
    [20_000_000, '贰拾万元整'],
    [100_100_000, '壹佰万零壹仟元整'],
    [10_000_000_000, '壹亿元整'],
    [10_001_000_000, '壹亿零壹万元整'],
    [10_000_010_000, '壹亿零壹佰元整'],
    // zeros before a group's thousands: one 零, which the rules allow
    [102_030_405_060, '壹拾亿零贰仟零叁拾万零肆仟零伍拾元陆角'],
  ])('uppercase of %d fen is %s', (fen, text) => expect(chineseUppercaseAmount(fen)).toBe(text));

  it('writes a form amount with both', () => {
    expect(amountInWords(5_000_000)).toBe('人民币伍万元整（¥50,000.00）');
  });

  it('refuses what is not an amount of fen', () => {
    expect(() => chineseUppercaseAmount(-1)).toThrow();
    expect(() => chineseUppercaseAmount(1.5)).toThrow();
  });
});
