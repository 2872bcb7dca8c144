import { IdentifierResult } from './identifier-result';
import { shanghaiDate as shanghaiDateOf } from '../calendar/shanghai-date';

/**
 * First two digits allowed in a 公民身份号码: the province-level codes of GB/T 2260, plus 81/82/83, which the 2018
 * residence permits for Hong Kong, Macao and Taiwan residents use. The 2023 foreigners' permanent residence card
 * (which starts with 9 followed by a province code) is left out on purpose: it is a different document with its
 * own layout, and accepting "9x" here would pass it off as a resident ID.
 */
export const RESIDENT_ID_PROVINCE_CODES: ReadonlySet<string> = new Set([
  ...['11', '12', '13', '14', '15'],
  ...['21', '22', '23'],
  ...['31', '32', '33', '34', '35', '36', '37'],
  ...['41', '42', '43', '44', '45', '46'],
  ...['50', '51', '52', '53', '54'],
  ...['61', '62', '63', '64', '65'],
  ...['71', '81', '82', '83'],
]);

/** Weight of position i is 2^(17-i) mod 11 (GB 11643-1999, ISO 7064 MOD 11-2). */
const RESIDENT_ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2] as const;
const CHECK_BY_REMAINDER = '10X98765432';
const EARLIEST_BIRTH_DIGITS = '19000101';
const RESIDENT_ID_PATTERN = /^\d{17}[\dX]$/;

export interface ResidentIdOptions {
  /** "Now", for the not-in-the-future rule; pass the injected clock's time. Defaults to the system clock. */
  now?: Date;
}

/** The check character of the first 17 digits. */
export function residentIdCheckCharacter(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * RESIDENT_ID_WEIGHTS[i];
  return CHECK_BY_REMAINDER[sum % 11];
}

/** `YYYYMMDD` as `YYYY-MM-DD` when it is a real Gregorian date, else null. */
function calendarDate(yyyymmdd: string): string | null {
  const year = Number(yyyymmdd.slice(0, 4));
  const month = Number(yyyymmdd.slice(4, 6));
  const day = Number(yyyymmdd.slice(6, 8));
  const date = new Date(Date.UTC(year, month - 1, day));
  // Date.UTC rolls 2023-02-30 over to March; a real date survives the round trip unchanged.
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return null;
  return `${yyyymmdd.slice(0, 4)}-${yyyymmdd.slice(4, 6)}-${yyyymmdd.slice(6, 8)}`;
}

/**
 * Validates an 18-character 居民身份证号 (GB 11643-1999): 17 digits and a check character (0-9 or X), a known
 * province code, a real birth date between 1900-01-01 and today (Shanghai), and the MOD 11-2 check character.
 * The old 15-digit numbers (first-generation cards, no check digit, no longer valid since 2013) are not accepted.
 */
export function validateResidentId(input: unknown, options: ResidentIdOptions = {}): IdentifierResult {
  if (typeof input !== 'string') return { ok: false, reason: 'must be a string' };
  const value = input.trim().toUpperCase();
  if (value.length !== 18) return { ok: false, reason: 'must be 18 characters' };
  if (!RESIDENT_ID_PATTERN.test(value)) return { ok: false, reason: 'must be 17 digits followed by a digit or X' };
  if (!RESIDENT_ID_PROVINCE_CODES.has(value.slice(0, 2))) return { ok: false, reason: 'first two digits are not a province code' };
  const birthDigits = value.slice(6, 14);
  // Compared as digit strings before building a Date: Date.UTC maps years 0-99 to 1900-1999.
  if (birthDigits < EARLIEST_BIRTH_DIGITS) return { ok: false, reason: 'birth date is before 1900' };
  const birthDate = calendarDate(birthDigits);
  if (birthDate === null) return { ok: false, reason: 'birth date (digits 7-14) is not a real date' };
  if (birthDate > shanghaiDateOf(options.now ?? new Date())) return { ok: false, reason: 'birth date is in the future' };
  const check = residentIdCheckCharacter(value.slice(0, 17));
  if (value[17] !== check) return { ok: false, reason: `check character should be ${check}` };
  return { ok: true, value };
}

/**
 * The form shown in lists and exports: region code and last four kept, birth date and sequence hidden
 * (`120101********123X`). Throws on anything that is not 18 characters, so that a malformed value is never shown
 * half-masked; the message never contains the value.
 */
export function maskResidentId(value: string): string {
  const normalized = value.trim().toUpperCase();
  if (normalized.length !== 18) throw new RangeError('can only mask an 18-character resident ID');
  return `${normalized.slice(0, 6)}********${normalized.slice(14)}`;
}

/** The birth date (`YYYY-MM-DD`) of a valid resident ID; throws RangeError (without the value) otherwise. */
export function birthDateOf(value: string, options: ResidentIdOptions = {}): string {
  const result = validateResidentId(value, options);
  if (!result.ok) throw new RangeError(`not a valid resident ID: ${result.reason}`);
  return `${result.value.slice(6, 10)}-${result.value.slice(10, 12)}-${result.value.slice(12, 14)}`;
}
