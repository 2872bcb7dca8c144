import type { IdentifierResult } from './identifier-result';

/** Phones are shown as 138****5678 (first 3, last 4 digits) in lists, responses and exports. */
export function maskPhone(phone: string): string {
  const digits = phone.replace(/\D/g, '');
  return digits.length >= 7 ? `${digits.slice(0, 3)}****${digits.slice(-4)}` : '****';
}

/**
 * A caller's phone as dialled, normalised to digits: mainland mobiles (11 digits, 1[3-9]…), landlines with their area
 * code (0 + 9–11 digits, e.g. 022-23456789), and 400/800 service numbers. `+86`/`0086` prefixes, spaces, dashes,
 * brackets and full-width digits are accepted and dropped. The normalised value is what the blind index hashes.
 */
export function validateCallerPhone(input: string): IdentifierResult {
  const raw = input.normalize('NFKC').trim();
  if (!/^[+0-9\s\-()]{5,30}$/.test(raw)) return { ok: false, reason: 'may contain only digits, spaces, +, - and brackets' };
  let digits = raw.replace(/\D/g, '');
  if (raw.startsWith('+86') || digits.startsWith('0086')) digits = digits.replace(/^(00)?86/, '');
  else if (digits.length === 13 && digits.startsWith('86')) digits = digits.slice(2);
  if (/^1[3-9]\d{9}$/.test(digits)) return { ok: true, value: digits };
  if (/^0[1-9]\d{8,10}$/.test(digits)) return { ok: true, value: digits };
  if (/^[48]00\d{7}$/.test(digits)) return { ok: true, value: digits };
  return { ok: false, reason: 'is not a mainland mobile (11 digits), a landline with area code, or a 400/800 number' };
}
