import { IdentifierResult } from './identifier-result';

/**
 * The 31 characters GB 32100-2015 uses, in value order (0-9 are 0-9, A is 10 … Y is 30). I, O, S, V and Z are left out
 * because they are easily mistaken for 1, 0, 5, U and 2.
 */
const USCC_CHARSET = '0123456789ABCDEFGHJKLMNPQRTUWXY';

/** Weight of position i is 3^i mod 31 (GB 32100-2015, 5.2). */
const USCC_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28] as const;

/** Characters 9-17 are the organization code of GB 11714-1997, whose own check uses the full A-Z alphabet. */
const ORG_CODE_CHARSET = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ';
const ORG_CODE_WEIGHTS = [3, 7, 9, 10, 5, 8, 4, 2] as const;

const USCC_PATTERN = /^[0-9A-HJ-NP-RTUW-Y]{18}$/;
const REGION_PATTERN = /^\d{6}$/;

/** The check character (position 18) of the first 17 characters, which must already be in the USCC charset. */
export function usccCheckCharacter(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += USCC_CHARSET.indexOf(first17[i]) * USCC_WEIGHTS[i];
  return USCC_CHARSET[(31 - (sum % 31)) % 31];
}

/** The check character (9th) of an 8-character organization-code body (GB 11714-1997). */
export function organizationCodeCheckCharacter(first8: string): string {
  let sum = 0;
  for (let i = 0; i < 8; i++) sum += ORG_CODE_CHARSET.indexOf(first8[i]) * ORG_CODE_WEIGHTS[i];
  const check = 11 - (sum % 11);
  return check === 10 ? 'X' : check === 11 ? '0' : String(check);
}

/**
 * Validates a 统一社会信用代码 (GB 32100-2015): 18 characters of the code's charset, a numeric region code in
 * characters 3-8, the GB 11714 check of the organization code in characters 9-17, and the check character.
 *
 * The registration-authority and entity-type codes (characters 1-2) are only checked against the charset: the
 * list of authorities has grown by later notices (e.g. `N` for rural collective economic organisations), and
 * rejecting a real party's code because our table is stale would block a case; the check character still catches typos.
 */
export function validateUscc(input: unknown): IdentifierResult {
  if (typeof input !== 'string') return { ok: false, reason: 'must be a string' };
  const value = input.trim().toUpperCase();
  if (value.length !== 18) return { ok: false, reason: 'must be 18 characters' };
  if (!USCC_PATTERN.test(value)) return { ok: false, reason: 'may contain only digits and capital letters other than I, O, S, V, Z' };
  if (!REGION_PATTERN.test(value.slice(2, 8))) return { ok: false, reason: 'characters 3-8 (region code) must be digits' };
  const orgCheck = organizationCodeCheckCharacter(value.slice(8, 16));
  if (value[16] !== orgCheck) return { ok: false, reason: `organization code check character should be ${orgCheck}` };
  const check = usccCheckCharacter(value.slice(0, 17));
  if (value[17] !== check) return { ok: false, reason: `check character should be ${check}` };
  return { ok: true, value };
}
