/** Company-form suffixes that people leave off or write differently; longest first so the longer one wins. */
const COMPANY_SUFFIXES = ['股份有限公司', '有限责任公司', '有限公司'] as const;

/**
 * The key under which tickets about "the same respondent" meet: 天津某某科技有限公司, 天津某某科技股份有限公司,
 * `天津 某某科技（滨海）有限公司` and full-width `ＡＢＣ科技` spellings all give one key. NFKC folds full-width forms
 * (letters, digits, brackets, spaces) to their ordinary ones; bracketed parts (branch or region notes) are removed, then
 * whitespace and the company-form suffix; Latin letters are lower-cased. Empty → null (nothing to match on).
 */
export function normalizeRespondentName(name: string | null | undefined): string | null {
  if (name == null) return null;
  let s = name.normalize('NFKC').toLowerCase();
  // nested or repeated brackets: remove innermost first until none is left
  for (let prev = ''; prev !== s; ) {
    prev = s;
    s = s
      .replace(/\([^()]*\)/g, '')
      .replace(/【[^【】]*】/g, '')
      .replace(/\[[^[\]]*\]/g, '');
  }
  s = s.replace(/[\s\u3000]+/g, '').replace(/[·•.,，。、"'“”‘’]/g, '');
  for (let changed = true; changed; ) {
    changed = false;
    for (const suffix of COMPANY_SUFFIXES) {
      if (s.endsWith(suffix) && s.length > suffix.length) {
        s = s.slice(0, -suffix.length);
        changed = true;
      }
    }
  }
  return s === '' ? null : s;
}
