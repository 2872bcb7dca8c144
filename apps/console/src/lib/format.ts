// Display rules: dates in Asia/Shanghai and Chinese form, money from integer fen to yuan with separators.

const TZ = 'Asia/Shanghai';
const dateTimeFmt = new Intl.DateTimeFormat('zh-CN', {
  timeZone: TZ,
  year: 'numeric',
  month: 'long',
  day: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  hour12: false,
});
const partsFmt = new Intl.DateTimeFormat('en-CA', { timeZone: TZ, year: 'numeric', month: '2-digit', day: '2-digit' });

/** `2026-03-02` (a Shanghai calendar date from the api) → `2026年3月2日` */
export function fmtDate(date: string | null | undefined): string {
  if (!date) return '—';
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(date);
  if (!m) return date;
  return `${m[1]}年${Number(m[2])}月${Number(m[3])}日`;
}

/** an ISO instant → `2026年3月2日 16:05` in Shanghai time */
export function fmtDateTime(instant: string | null | undefined): string {
  if (!instant) return '—';
  const d = new Date(instant);
  if (Number.isNaN(d.getTime())) return instant;
  return dateTimeFmt.format(d).replace(/\s+/g, ' ');
}

/** Today's calendar date in Shanghai, `YYYY-MM-DD`. */
export function shanghaiToday(now: Date = new Date()): string {
  return partsFmt.format(now);
}

/** integer fen → `¥12,345.60`; exact (no floating point on the amount) */
export function fmtYuan(fen: number | null | undefined): string {
  if (fen === null || fen === undefined) return '—';
  const negative = fen < 0;
  const abs = Math.abs(Math.trunc(fen));
  const yuan = Math.floor(abs / 100).toLocaleString('zh-CN');
  const cents = String(abs % 100).padStart(2, '0');
  return `${negative ? '-' : ''}¥${yuan}.${cents}`;
}

/** `12,345.6` (yuan as typed) → 1234560 fen, or null when it is not an amount with at most two decimals */
export function yuanToFen(input: string | number | null | undefined): number | null {
  if (input === null || input === undefined || input === '') return null;
  const s = String(input).replace(/[,，\s¥]/g, '');
  const m = /^(\d+)(?:\.(\d{1,2}))?$/.exec(s);
  if (!m) return null;
  return Number(m[1]) * 100 + Number((m[2] ?? '').padEnd(2, '0'));
}

export function fmtBytes(n: number): string {
  if (n < 1024) return `${n} B`;
  if (n < 1024 * 1024) return `${(n / 1024).toFixed(1)} KB`;
  return `${(n / 1024 / 1024).toFixed(1)} MB`;
}

export function fmtPercent(share: number | null | undefined): string {
  return share === null || share === undefined ? '—' : `${(share * 100).toFixed(1)}%`;
}
