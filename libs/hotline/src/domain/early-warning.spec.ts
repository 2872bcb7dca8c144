import { DEFAULT_EARLY_WARNING, normalizeIndustry, parseEarlyWarning } from './early-warning';

describe('early-warning configuration', () => {
  it('overrides the window and any threshold, and refuses bad values by name', () => {
    expect(parseEarlyWarning('')).toBe(DEFAULT_EARLY_WARNING);
    expect(parseEarlyWarning('{"windowDays":14,"patent":3}')).toEqual({
      windowDays: 14,
      thresholds: { ...DEFAULT_EARLY_WARNING.thresholds, patent: 3 },
    });
    expect(() => parseEarlyWarning('{"windowDays":0}')).toThrow(/HOTLINE_EARLY_WARNING.windowDays/);
    expect(() => parseEarlyWarning('{"company":3}')).toThrow(/HOTLINE_EARLY_WARNING.company/);
    expect(() => parseEarlyWarning('[1]')).toThrow(/JSON object/);
  });

  it('folds industry spellings together', () => {
    expect(normalizeIndustry(' 医疗器械 ')).toBe('医疗器械');
    expect(normalizeIndustry('Medical  Devices')).toBe(normalizeIndustry('ｍｅｄｉｃａｌ devices'));
    expect(normalizeIndustry('  ')).toBeNull();
  });
});
