import { normalizeRespondentName } from './respondent-name';

describe('respondent name normalisation', () => {
  it('gives one key to the spellings of one company', () => {
    const key = normalizeRespondentName('天津某某科技有限公司');
    expect(key).toBe('天津某某科技');
    for (const spelling of [
      '天津某某科技股份有限公司',
      '天津某某科技有限责任公司',
      ' 天津 某某科技 有限公司 ',
      '天津某某科技（滨海）有限公司',
      '天津某某科技(滨海分公司)有限公司',
      '天津某某科技有限公司（原天津某某电子）',
      '天津某某科技\u3000有限公司',
    ])
      expect(normalizeRespondentName(spelling)).toBe(key);
  });

  it('folds full-width letters and digits and lower-cases Latin', () => {
    expect(normalizeRespondentName('ＡＢＣ１２３科技有限公司')).toBe('abc123科技');
    expect(normalizeRespondentName('abc123科技有限公司')).toBe('abc123科技');
  });

  it('removes nested brackets', () => {
    expect(normalizeRespondentName('某某（天津（滨海））有限公司')).toBe('某某');
  });

  it('keeps different companies apart and does not strip a name down to nothing', () => {
    expect(normalizeRespondentName('天津某某科技有限公司')).not.toBe(normalizeRespondentName('天津某某电子有限公司'));
    expect(normalizeRespondentName('有限公司')).toBe('有限公司');
  });

  it('gives null for no name', () => {
    expect(normalizeRespondentName(undefined)).toBeNull();
    expect(normalizeRespondentName('  ')).toBeNull();
    expect(normalizeRespondentName('（）')).toBeNull();
  });
});
