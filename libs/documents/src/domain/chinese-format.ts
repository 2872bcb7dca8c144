import { formatFen } from '@app/kernel/money';

// How the office's documents (文书) write dates and amounts. Plain TypeScript, no framework.

const YEAR_DIGITS = ['〇', '一', '二', '三', '四', '五', '六', '七', '八', '九'];
const SMALL = ['', '一', '二', '三', '四', '五', '六', '七', '八', '九'];

/** 1–31 the way a document writes a month or day: 一, 十, 十二, 二十, 二十一, 三十一. */
function chineseSmallNumber(n: number): string {
  if (n < 10) return SMALL[n];
  const tens = Math.floor(n / 10);
  return `${tens === 1 ? '' : SMALL[tens]}十${SMALL[n % 10]}`;
}

/** `2026-12-02` → `二〇二六年十二月二日` (the form of a document's date line). */
export function chineseDate(date: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!m) throw new RangeError(`not a date YYYY-MM-DD: ${date}`);
  const year = [...m[1]].map((d) => YEAR_DIGITS[Number(d)]).join('');
  return `${year}年${chineseSmallNumber(Number(m[2]))}月${chineseSmallNumber(Number(m[3]))}日`;
}

/** Fen as the amount figure documents print: 1234500 → `¥12,345.00`. */
export function yuanFigure(fen: number): string {
  return `¥${formatFen(fen)}`;
}

const DIGITS = ['零', '壹', '贰', '叁', '肆', '伍', '陆', '柒', '捌', '玖'];
const POSITIONS = ['', '拾', '佰', '仟'];
const GROUPS = ['', '万', '亿', '万亿'];

/**
 * Fen as the uppercase amount (大写金额) of a form, by the usual rules of financial writing: 壹拾 at the start, one 零
 * for any run of zeros inside the number, 元整 when there are no 角/分, 零 before 分 when 角 is zero.
 * 1234500 → `壹万贰仟叁佰肆拾伍元整`; 100001 → `壹仟元零壹分`; 0 → `零元整`.
 */
export function chineseUppercaseAmount(fen: number): string {
  formatFen(fen); // the same checks as every amount: a non-negative safe integer
  const yuan = Math.floor(fen / 100);
  const jiao = Math.floor(fen / 10) % 10;
  const cent = fen % 10;
  let out = '';
  if (yuan > 0) {
    const groups: number[] = [];
    for (let rest = yuan; rest > 0; rest = Math.floor(rest / 10_000)) groups.push(rest % 10_000);
    if (groups.length > GROUPS.length) throw new RangeError('amount too large for an uppercase amount');
    let zeroPending = false;
    for (let g = groups.length - 1; g >= 0; g--) {
      const group = groups[g];
      for (let p = 3; p >= 0; p--) {
        const d = Math.floor(group / 10 ** p) % 10;
        if (d === 0) {
          if (out) zeroPending = true;
          continue;
        }
        if (zeroPending) out += '零';
        zeroPending = false;
        out += DIGITS[d] + POSITIONS[p];
      }
      if (group > 0) out += GROUPS[g];
    }
    out += '元';
  }
  if (jiao === 0 && cent === 0) return `${out || '零元'}整`;
  if (jiao > 0) out += `${DIGITS[jiao]}角`;
  else if (out) out += '零';
  if (cent > 0) out += `${DIGITS[cent]}分`;
  return out;
}

/** An amount as forms write it: `人民币伍万元整（¥50,000.00）`. */
export function amountInWords(fen: number): string {
  return `人民币${chineseUppercaseAmount(fen)}（${yuanFigure(fen)}）`;
}
