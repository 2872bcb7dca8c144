// The identifier checks of libs/kernel/src/identifiers, ported for live validation as the user types: the same
// rules (GB 32100 USCC, GB 11643 resident ID, CNIPA application numbers, caller phones), with Chinese reasons.
// identifiers.test.ts runs the server's own examples against these.
import { shanghaiToday } from './format';

export type Check = { ok: true; value: string } | { ok: false; reason: string };

const USCC_CHARSET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const USCC_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];
const ORG_CODE_CHARSET = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ';
const ORG_CODE_WEIGHTS = [3, 7, 9, 10, 5, 8, 4, 2];
const USCC_PATTERN = /^[0-9A-HJ-NP-RTUW-Y]{18}$/;

export function usccCheckCharacter(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += USCC_CHARSET.indexOf(first17[i]) * USCC_WEIGHTS[i];
  return USCC_CHARSET[(31 - (sum % 31)) % 31];
}

function organizationCodeCheckCharacter(first8: string): string {
  let sum = 0;
  for (let i = 0; i < 8; i++) sum += ORG_CODE_CHARSET.indexOf(first8[i]) * ORG_CODE_WEIGHTS[i];
  const check = 11 - (sum % 11);
  return check === 10 ? 'X' : check === 11 ? '0' : String(check);
}

/** 统一社会信用代码 (GB 32100-2015) */
export function validateUscc(input: string): Check {
  const value = input.trim().toUpperCase();
  if (value.length !== 18) return { ok: false, reason: `应为 18 位（已输入 ${value.length} 位）` };
  if (!USCC_PATTERN.test(value)) return { ok: false, reason: '只能包含数字和大写字母（不含 I、O、S、V、Z）' };
  if (!/^\d{6}$/.test(value.slice(2, 8))) return { ok: false, reason: '第 3–8 位（登记管理机关行政区划码）应为数字' };
  const orgCheck = organizationCodeCheckCharacter(value.slice(8, 16));
  if (value[16] !== orgCheck) return { ok: false, reason: `组织机构代码校验位应为 ${orgCheck}` };
  const check = usccCheckCharacter(value.slice(0, 17));
  if (value[17] !== check) return { ok: false, reason: `校验位应为 ${check}` };
  return { ok: true, value };
}

const PROVINCES = new Set(
  '11 12 13 14 15 21 22 23 31 32 33 34 35 36 37 41 42 43 44 45 46 50 51 52 53 54 61 62 63 64 65 71 81 82 83'.split(' '),
);
const ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];

export function residentIdCheckCharacter(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * ID_WEIGHTS[i];
  return '10X98765432'[sum % 11];
}

function realDate(yyyymmdd: string): string | null {
  const y = Number(yyyymmdd.slice(0, 4));
  const m = Number(yyyymmdd.slice(4, 6));
  const d = Number(yyyymmdd.slice(6, 8));
  const date = new Date(Date.UTC(y, m - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) return null;
  return `${yyyymmdd.slice(0, 4)}-${yyyymmdd.slice(4, 6)}-${yyyymmdd.slice(6, 8)}`;
}

/** 居民身份证号码 (GB 11643-1999), 18 characters */
export function validateResidentId(input: string, now: Date = new Date()): Check {
  const value = input.trim().toUpperCase();
  if (value.length !== 18) return { ok: false, reason: `应为 18 位（已输入 ${value.length} 位）` };
  if (!/^\d{17}[\dX]$/.test(value)) return { ok: false, reason: '应为 17 位数字加 1 位数字或 X' };
  if (!PROVINCES.has(value.slice(0, 2))) return { ok: false, reason: '前两位不是省级行政区划代码' };
  const birth = value.slice(6, 14);
  if (birth < '19000101') return { ok: false, reason: '出生日期早于 1900 年' };
  const date = realDate(birth);
  if (date === null) return { ok: false, reason: '第 7–14 位不是有效的出生日期' };
  if (date > shanghaiToday(now)) return { ok: false, reason: '出生日期在未来' };
  const check = residentIdCheckCharacter(value.slice(0, 17));
  if (value[17] !== check) return { ok: false, reason: `校验位应为 ${check}` };
  return { ok: true, value };
}

export type PatentKind = 'invention' | 'utility_model' | 'design' | 'pct_invention' | 'pct_utility_model';
export type PatentCheck = { ok: true; normalized: string; kind: PatentKind; applicationYear: number } | { ok: false; reason: string };
const KIND_BY_DIGIT: Record<string, PatentKind | undefined> = {
  '1': 'invention',
  '2': 'utility_model',
  '3': 'design',
  '8': 'pct_invention',
  '9': 'pct_utility_model',
};
const CHECK_WEIGHTS = [2, 3, 4, 5, 6, 7, 8, 9, 2, 3, 4, 5];

export function patentCheckDigit(digits: string): string {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) sum += Number(digits[i]) * CHECK_WEIGHTS[i];
  const r = sum % 11;
  return r === 10 ? 'X' : String(r);
}

/** 专利申请号: `ZL 2015 1 0958772.0`, `CN201510958772.0`, `2015109587720`, pre-2003 `ZL99113861.9` */
export function parsePatentNumber(input: string, now: Date = new Date()): PatentCheck {
  const compact = input
    .replace(/\s+/g, '')
    .toUpperCase()
    .replace(/^(?:ZL|CN)/, '');
  const match = /^(\d+)\.?([\dX])$/.exec(compact);
  if (!match) return { ok: false, reason: '应为数字，校验位（0–9 或 X）前可带小数点' };
  const [, digits, given] = match;
  let year: number;
  let kindDigit: string;
  if (digits.length === 12) {
    year = Number(digits.slice(0, 4));
    kindDigit = digits[4];
    if (year < 2003) return { ok: false, reason: '12 位申请号不会早于 2003 年' };
  } else if (digits.length === 8) {
    const yy = Number(digits.slice(0, 2));
    year = yy >= 85 ? 1900 + yy : 2000 + yy;
    kindDigit = digits[2];
    if (year > 2003) return { ok: false, reason: '8 位申请号应为 1985–2003 年' };
  } else {
    return { ok: false, reason: '校验位前应有 12 位数字（2003 年 10 月前为 8 位）' };
  }
  if (year > Number(shanghaiToday(now).slice(0, 4))) return { ok: false, reason: '申请年份在未来' };
  const kind = KIND_BY_DIGIT[kindDigit];
  if (!kind) return { ok: false, reason: '专利类型位应为 1、2、3、8 或 9' };
  const check = patentCheckDigit(digits);
  if (given !== check) return { ok: false, reason: `校验位应为 ${check}` };
  return { ok: true, normalized: `${digits}.${check}`, kind, applicationYear: year };
}

/** 来电号码: mobiles, landlines with area code, 400/800 numbers (+86/0086 and separators dropped) */
export function validateCallerPhone(input: string): Check {
  const raw = input.normalize('NFKC').trim();
  if (!/^[+0-9\s\-()]{5,30}$/.test(raw)) return { ok: false, reason: '只能包含数字、空格、+、- 和括号' };
  let digits = raw.replace(/\D/g, '');
  if (raw.startsWith('+86') || digits.startsWith('0086')) digits = digits.replace(/^(00)?86/, '');
  else if (digits.length === 13 && digits.startsWith('86')) digits = digits.slice(2);
  if (/^1[3-9]\d{9}$/.test(digits) || /^0[1-9]\d{8,10}$/.test(digits) || /^[48]00\d{7}$/.test(digits)) return { ok: true, value: digits };
  return { ok: false, reason: '不是 11 位手机号、带区号的固话或 400/800 号码' };
}

/** An antd Form rule from a check: empty values pass (required-ness is a separate rule). */
export function ruleOf(check: (v: string) => { ok: boolean; reason?: string }) {
  return {
    validator: (_: unknown, value: unknown) => {
      if (value === undefined || value === null || value === '') return Promise.resolve();
      const r = check(String(value));
      return r.ok ? Promise.resolve() : Promise.reject(new Error((r as { reason: string }).reason));
    },
  };
}
