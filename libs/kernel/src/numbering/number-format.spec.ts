import { checkTemplate, DEFAULT_NUMBER_TEMPLATE, formatNumber } from './number-format';

describe('number templates', () => {
  it('renders the default 案号 template with the sequence padded to 4', () => {
    expect(formatNumber(DEFAULT_NUMBER_TEMPLATE, { unitAbbr: '津', year: 2026, seq: 1 })).toBe('津知执〔2026〕0001号');
    expect(formatNumber(DEFAULT_NUMBER_TEMPLATE, { unitAbbr: '津滨', year: 2026, seq: 12345 })).toBe('津滨知执〔2026〕12345号');
  });

  it('honours an explicit width', () => {
    expect(formatNumber('{unitAbbr}知罚决〔{year}〕{seq:6}号', { unitAbbr: '津', year: 2027, seq: 42 })).toBe('津知罚决〔2027〕000042号');
  });

  it('refuses templates without a sequence or with unknown placeholders', () => {
    expect(checkTemplate(DEFAULT_NUMBER_TEMPLATE)).toBeNull();
    expect(checkTemplate('{unitAbbr}〔{year}〕号')).toBe('must contain {seq}');
    expect(checkTemplate('{unit}〔{year}〕{seq}号')).toMatch(/may only use/);
  });
});
