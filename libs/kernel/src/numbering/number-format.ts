/** Default template of product.md: `津知执〔2026〕0001号`. */
export const DEFAULT_NUMBER_TEMPLATE = '{unitAbbr}知执〔{year}〕{seq}号';

export interface NumberVars {
  unitAbbr: string;
  year: number;
  seq: number;
}

const PLACEHOLDER = /\{(unitAbbr|year|seq)(?::(\d+))?\}/g;

/**
 * Renders a number template. `{seq}` is zero-padded to 4 unless the template says otherwise (`{seq:6}`); every
 * other brace is refused at validation, so a typo in configuration cannot silently produce odd numbers.
 */
export function formatNumber(template: string, vars: NumberVars): string {
  return template.replace(PLACEHOLDER, (_, name: keyof NumberVars, width?: string) => {
    if (name === 'seq') return String(vars.seq).padStart(width ? Number(width) : 4, '0');
    return String(vars[name]);
  });
}

/** null when the template is usable; otherwise why not. */
export function checkTemplate(template: string): string | null {
  if (!template.includes('{seq')) return 'must contain {seq}';
  const leftover = template.replace(PLACEHOLDER, '');
  if (/[{}]/.test(leftover)) return 'may only use {unitAbbr}, {year}, {seq} or {seq:N}';
  if (template.length > 100) return 'must be at most 100 characters';
  return null;
}
