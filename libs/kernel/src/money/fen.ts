import { DomainError } from '../errors/domain-error';

/** A yuan amount as people type it: whole yuan, optionally a dot and one or two digits of jiao and fen. */
const YUAN_PATTERN = /^(\d+)(?:\.(\d{1,2}))?$/;
const FEN_PER_WAN_YUAN = 1_000_000n;
const MAX_WAN_YUAN_DECIMALS = 12;

/**
 * Throws RangeError unless `value` is a safe, non-negative integer number of fen. A RangeError (not a DomainError)
 * because a bad value here is a bug in our code, not something the user typed: it should surface as a 500.
 */
export function assertFen(value: unknown): asserts value is number {
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < 0) {
    throw new RangeError('an amount in fen must be a non-negative safe integer');
  }
}

/**
 * Parses a yuan amount typed by a user (`'1234.56'`) into integer fen (123456) without floating-point arithmetic.
 * Only plain strings are accepted: a JSON number may already have been rounded by the time it reaches us.
 * Rejects negatives, more than two decimals, grouping commas, exponents and anything above 2^53 - 1 fen,
 * with a VALIDATION_FAILED error naming `field`.
 */
export function parseYuanToFen(input: string, field = 'amount'): number {
  if (typeof input !== 'string') throw DomainError.validation(field, 'must be a string of yuan, such as "1234.56"');
  const text = input.trim();
  if (text.startsWith('-')) throw DomainError.validation(field, 'must not be negative');
  if (/^\d+\.\d{3,}$/.test(text)) throw DomainError.validation(field, 'must have at most 2 decimal places');
  const match = YUAN_PATTERN.exec(text);
  if (!match) throw DomainError.validation(field, 'must be an amount in yuan, such as "1234.56"');
  const [, yuan, decimals = ''] = match;
  const fen = BigInt(yuan) * 100n + BigInt(decimals.padEnd(2, '0'));
  if (fen > BigInt(Number.MAX_SAFE_INTEGER)) throw DomainError.validation(field, 'is too large');
  return Number(fen);
}

/** Formats fen as yuan with thousands separators and two decimals: 123456 → `1,234.56`, 5 → `0.05`. */
export function formatFen(fen: number): string {
  assertFen(fen);
  const text = String(fen).padStart(3, '0');
  const yuan = text.slice(0, -2).replace(/\B(?=(\d{3})+$)/g, ',');
  return `${yuan}.${text.slice(-2)}`;
}

/**
 * Fen as 万元 (10,000 yuan) with `decimals` places, rounded half up, as the credit-platform penalty standard wants
 * its 罚款金额(万元) columns: 123456 fen = 1,234.56 yuan → `0.1235` at 4 places. Six places (the default) are exact.
 * BigInt keeps the rounding exact for any safe amount.
 */
export function fenToWanYuan(fen: number, decimals = 6): string {
  assertFen(fen);
  if (!Number.isInteger(decimals) || decimals < 0 || decimals > MAX_WAN_YUAN_DECIMALS) {
    throw new RangeError(`decimals must be an integer from 0 to ${MAX_WAN_YUAN_DECIMALS}`);
  }
  const scaled = BigInt(fen) * 10n ** BigInt(decimals);
  const quotient = scaled / FEN_PER_WAN_YUAN;
  const rounded = (scaled % FEN_PER_WAN_YUAN) * 2n >= FEN_PER_WAN_YUAN ? quotient + 1n : quotient;
  if (decimals === 0) return rounded.toString();
  const text = rounded.toString().padStart(decimals + 1, '0');
  return `${text.slice(0, -decimals)}.${text.slice(-decimals)}`;
}
