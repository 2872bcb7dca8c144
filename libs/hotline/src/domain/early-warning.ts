/** What early warning (专利预警) groups tickets by. */
export const WARNING_KINDS = ['respondent', 'patent', 'industry'] as const;
export type WarningKind = (typeof WARNING_KINDS)[number];

export interface EarlyWarningConfig {
  /** the sliding window, in days back from now */
  windowDays: number;
  /** an alert is raised when a group reaches this many tickets in the window */
  thresholds: Record<WarningKind, number>;
}

export const DEFAULT_EARLY_WARNING: EarlyWarningConfig = {
  windowDays: 30,
  thresholds: { respondent: 5, patent: 5, industry: 20 },
};

/**
 * Parses HOTLINE_EARLY_WARNING: JSON overriding any part of the defaults, e.g. `{"windowDays":14,"respondent":3}`.
 * Throws naming the bad entry.
 */
export function parseEarlyWarning(text: string | null | undefined): EarlyWarningConfig {
  if (text == null || text.trim() === '') return DEFAULT_EARLY_WARNING;
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    throw new Error('HOTLINE_EARLY_WARNING must be JSON, e.g. {"windowDays":30,"respondent":5}');
  }
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) throw new Error('HOTLINE_EARLY_WARNING must be a JSON object');
  const cfg: EarlyWarningConfig = { windowDays: DEFAULT_EARLY_WARNING.windowDays, thresholds: { ...DEFAULT_EARLY_WARNING.thresholds } };
  for (const [key, v] of Object.entries(raw as Record<string, unknown>)) {
    const path = `HOTLINE_EARLY_WARNING.${key}`;
    const max = key === 'windowDays' ? 366 : 100_000;
    if (typeof v !== 'number' || !Number.isInteger(v) || v < 1 || v > max) throw new Error(`${path} must be an integer from 1 to ${max}`);
    if (key === 'windowDays') cfg.windowDays = v;
    else if ((WARNING_KINDS as readonly string[]).includes(key)) cfg.thresholds[key as WarningKind] = v;
    else throw new Error(`${path} is not windowDays, ${WARNING_KINDS.join(', ')}`);
  }
  return cfg;
}

/** Industry labels are free text typed at intake; trimmed, NFKC-folded and lower-cased so spellings meet. */
export function normalizeIndustry(industry: string | null | undefined): string | null {
  if (industry == null) return null;
  const s = industry.normalize('NFKC').trim().replace(/\s+/g, ' ').toLowerCase();
  return s === '' ? null : s;
}
