import { shanghaiDate as shanghaiDateOf } from '../calendar/shanghai-date';

export type PatentKind = 'invention' | 'utility_model' | 'design' | 'pct_invention' | 'pct_utility_model';

export type PatentNumberResult =
  | { ok: true; normalized: string; kind: PatentKind; applicationYear: number }
  | { ok: false; reason: string };

export interface PatentNumberOptions {
  /** "Now", for the no-future-year rule; pass the injected clock's time. Defaults to the system clock. */
  now?: Date;
}

/** The kind digit (5th of 12, 3rd of 8) as CNIPA assigns it. */
const KIND_BY_DIGIT: Readonly<Partial<Record<string, PatentKind>>> = {
  '1': 'invention',
  '2': 'utility_model',
  '3': 'design',
  '8': 'pct_invention',
  '9': 'pct_utility_model',
};

/** The 8-digit numbers use the first eight of these weights; the 12-digit numbers restart at 2 after 9. */
const CHECK_WEIGHTS = [2, 3, 4, 5, 6, 7, 8, 9, 2, 3, 4, 5] as const;

/** CNIPA took its first applications on 1985-04-01; 12-digit numbers started on 2003-10-01. */
const FIRST_YEAR = 1985;
const FIRST_TWELVE_DIGIT_YEAR = 2003;
const LAST_EIGHT_DIGIT_YEAR = 2003;

const PREFIX_PATTERN = /^(?:ZL|CN)/;
const NUMBER_PATTERN = /^(\d+)\.?([\dX])$/;

/** The check digit of an 8- or 12-digit application number: weighted sum mod 11, with 10 written as X. */
export function patentCheckDigit(digits: string): string {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) sum += Number(digits[i]) * CHECK_WEIGHTS[i];
  const remainder = sum % 11;
  return remainder === 10 ? 'X' : String(remainder);
}

/**
 * Parses a Chinese patent application (or patent) number as people write it: `ZL 2015 1 0958772.0`,
 * `CN201510958772.0`, `2015109587720`, or the pre-October-2003 `ZL99113861.9`. The result is the bare number with
 * the dot (`201510958772.0`), the kind from the kind digit, and the application year (two-digit years are 19xx from
 * 85 and 20xx up to 03).
 */
export function parsePatentNumber(input: unknown, options: PatentNumberOptions = {}): PatentNumberResult {
  if (typeof input !== 'string') return { ok: false, reason: 'must be a string' };
  const compact = input.replace(/\s+/g, '').toUpperCase().replace(PREFIX_PATTERN, '');
  const match = NUMBER_PATTERN.exec(compact);
  if (!match) return { ok: false, reason: 'must be digits with an optional dot before the check digit (0-9 or X)' };
  const [, digits, givenCheck] = match;

  let applicationYear: number;
  let kindDigit: string;
  if (digits.length === 12) {
    applicationYear = Number(digits.slice(0, 4));
    kindDigit = digits[4];
    if (applicationYear < FIRST_TWELVE_DIGIT_YEAR) return { ok: false, reason: 'a 12-digit number cannot be from before 2003' };
  } else if (digits.length === 8) {
    const twoDigitYear = Number(digits.slice(0, 2));
    applicationYear = twoDigitYear >= FIRST_YEAR % 100 ? 1900 + twoDigitYear : 2000 + twoDigitYear;
    kindDigit = digits[2];
    if (applicationYear > LAST_EIGHT_DIGIT_YEAR) return { ok: false, reason: 'an 8-digit number must be from 1985 to 2003' };
  } else {
    return { ok: false, reason: 'must have 12 digits before the check digit (8 before October 2003)' };
  }

  const currentYear = Number(shanghaiDateOf(options.now ?? new Date()).slice(0, 4));
  if (applicationYear > currentYear) return { ok: false, reason: 'application year is in the future' };
  const kind = KIND_BY_DIGIT[kindDigit];
  if (kind === undefined) return { ok: false, reason: 'kind digit must be 1, 2, 3, 8 or 9' };
  const check = patentCheckDigit(digits);
  if (givenCheck !== check) return { ok: false, reason: `check digit should be ${check}` };
  return { ok: true, normalized: `${digits}.${check}`, kind, applicationYear };
}
