import { CaseStatus, CaseType, isCaseType, isPartyKind, QUALIFYING_REQUESTER_ROLES } from './case-types';

export interface RuleViolation<C extends string> {
  code: C;
  message: string;
}

export interface FieldProblem {
  field: string;
  message: string;
}

/** Minimum officers per type (专利行政执法办法); infringement disputes also need an odd panel. */
const OFFICER_RULES: { readonly [T in CaseType]: { min: number; odd: boolean } } = {
  infringement_dispute: { min: 3, odd: true },
  passing_off: { min: 2, odd: false },
  dispute_mediation: { min: 1, odd: false },
};

/** Counts distinct, non-blank officer ids: listing one officer twice must not satisfy a panel size. */
export function checkOfficerCount(type: CaseType, officerIds: readonly string[]): RuleViolation<'OFFICER_COUNT'> | null {
  const rule = OFFICER_RULES[type];
  const count = new Set(officerIds.filter((id) => typeof id === 'string' && id.trim() !== '')).size;
  if (count >= rule.min && (!rule.odd || count % 2 === 1)) return null;
  const need = rule.odd ? `an odd number of officers, at least ${rule.min}` : `at least ${rule.min} officer${rule.min === 1 ? '' : 's'}`;
  return { code: 'OFFICER_COUNT', message: `a case of type ${type} needs ${need}; got ${count} distinct` };
}

export interface FilingInput {
  type?: string | null;
  respondents: readonly { kind: string }[];
  requesters: readonly { kind: string; role?: string | null }[];
  patents: readonly unknown[];
}

/** What `file` needs (docs/product.md "Filing needs"); an empty list means the case can be filed. */
export function checkFilingPrerequisites(input: FilingInput): FieldProblem[] {
  const problems: FieldProblem[] = [];
  if (!isCaseType(input.type)) problems.push({ field: 'type', message: 'a case type is required to file' });

  if (input.respondents.length === 0) problems.push({ field: 'respondents', message: 'at least one respondent is required to file' });
  input.respondents.forEach((p, i) => {
    if (!isPartyKind(p.kind)) problems.push({ field: `respondents.${i}.kind`, message: 'must be organization or individual' });
  });
  input.requesters.forEach((p, i) => {
    if (!isPartyKind(p.kind)) problems.push({ field: `requesters.${i}.kind`, message: 'must be organization or individual' });
  });

  if (input.type === 'infringement_dispute') {
    const qualified = input.requesters.some((r) => (QUALIFYING_REQUESTER_ROLES as readonly unknown[]).includes(r.role));
    if (!qualified) {
      problems.push({
        field: 'requesters',
        message: 'an infringement dispute needs a requester who is the patentee or an interested party',
      });
    }
    if (input.patents.length === 0) problems.push({ field: 'patents', message: 'an infringement dispute needs at least one patent' });
  }
  return problems;
}

export interface FineInput {
  /** The date of the illegal act, YYYY-MM-DD (Shanghai); it picks the law that applies. */
  actDate: string;
  fineFen: number;
  /** 0 when there were none. */
  illegalGainsFen: number;
}

export type FineViolation = (RuleViolation<'FINE_ABOVE_CAP'> & { capFen: number }) | (RuleViolation<'VALIDATION_FAILED'> & FieldProblem);

/** The fourth amendment of the Patent Law (2020) took effect on this date; acts from it on fall under Art. 68. */
export const PATENT_LAW_2020_EFFECTIVE = '2021-06-01';

const YUAN = 100n;
// 2008 Art. 63: up to 4× the illegal gains; without gains, up to 200,000 yuan.
const CAP_2008_FLAT_FEN = 200_000n * YUAN;
// 2020 Art. 68: up to 5× the illegal gains; without gains or with gains of at most 50,000 yuan, up to 250,000 yuan.
const CAP_2020_FLAT_FEN = 250_000n * YUAN;
const CAP_2020_FLAT_GAINS_LIMIT_FEN = 50_000n * YUAN;

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

function isCalendarDate(value: unknown): value is string {
  if (typeof value !== 'string') return false;
  const m = DATE.exec(value);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const t = new Date(Date.UTC(y, mo - 1, d));
  return t.getUTCFullYear() === y && t.getUTCMonth() === mo - 1 && t.getUTCDate() === d;
}

function isFen(value: unknown): value is number {
  return typeof value === 'number' && Number.isSafeInteger(value) && value >= 0;
}

/**
 * The statutory maximum fine in fen for an act on this date with these gains (bigint: 5× a large sum stays exact).
 * Expects checked input (checkFine validates first).
 */
export function fineCapFen(actDate: string, illegalGainsFen: number): bigint {
  const gains = BigInt(illegalGainsFen);
  if (actDate >= PATENT_LAW_2020_EFFECTIVE) return gains <= CAP_2020_FLAT_GAINS_LIMIT_FEN ? CAP_2020_FLAT_FEN : 5n * gains;
  return gains === 0n ? CAP_2008_FLAT_FEN : 4n * gains;
}

/** Checks a proposed fine against the cap of the law in force on the act date; amounts are integer fen only. */
export function checkFine(input: FineInput): FineViolation | null {
  if (!isCalendarDate(input.actDate)) return { code: 'VALIDATION_FAILED', field: 'actDate', message: 'must be a date YYYY-MM-DD' };
  if (!isFen(input.fineFen)) {
    return { code: 'VALIDATION_FAILED', field: 'fineFen', message: 'must be a non-negative integer number of fen' };
  }
  if (!isFen(input.illegalGainsFen)) {
    return { code: 'VALIDATION_FAILED', field: 'illegalGainsFen', message: 'must be a non-negative integer number of fen' };
  }
  const cap = fineCapFen(input.actDate, input.illegalGainsFen);
  if (BigInt(input.fineFen) <= cap) return null;
  // cap < fine ≤ MAX_SAFE_INTEGER here, so the number conversion is exact.
  const capFen = Number(cap);
  const law = input.actDate >= PATENT_LAW_2020_EFFECTIVE ? 'Patent Law 2020 Art. 68' : 'Patent Law 2008 Art. 63';
  return {
    code: 'FINE_ABOVE_CAP',
    message: `the fine of ${input.fineFen} fen exceeds the cap of ${capFen} fen (${law}, act on ${input.actDate})`,
    capFen,
  };
}

/**
 * Amendment (补正): the facts of a case may be corrected until a decision is taken; what decides its time limits
 * (type, source, a received report) only while it is still received, since filing fixed its number and limits.
 */
export const AMENDABLE_STATUSES = [
  'received',
  'filed',
  'investigating',
  'hearing',
  'pending_decision',
] as const satisfies readonly CaseStatus[];
export const FIELDS_FIXED_BY_FILING = ['type', 'source', 'reportReceived'] as const;

export function isAmendable(status: CaseStatus): boolean {
  return (AMENDABLE_STATUSES as readonly CaseStatus[]).includes(status);
}
