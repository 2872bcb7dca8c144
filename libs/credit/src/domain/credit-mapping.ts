// Case → 行政处罚信息 record, and the checks every record passes before it is sent. Plain TypeScript.
import { validateUscc } from '@app/kernel/identifiers';
import { fenToWanYuan } from '@app/kernel/money';
import {
  CREDIT_RECORD_FIELDS,
  CreditRecord,
  CreditRecordKey,
  emptyRecord,
  LONG_TERM_VALIDITY,
  MappingProblem,
  PARTY_CATEGORIES,
  PENALTY_CATEGORY_LABELS,
  standardDate,
} from './credit-record';

/** 罚款金额(万元) carries six decimals: exact to the fen (1 fen = 0.000001 万元). */
export const WAN_YUAN_DECIMALS = 6;

const VIOLATION_TYPES: Record<string, string> = {
  passing_off: '假冒专利',
  infringement_dispute: '专利侵权',
  dispute_mediation: '专利纠纷',
};

export interface MappingInput {
  case: { type: string; decisionNo: string | null; decidedOn: string | null };
  decision: {
    summary?: string;
    legalBasis?: string;
    facts?: string;
    warning?: boolean;
    fineFen?: number | null;
    confiscatedFen?: number | null;
  };
  party: {
    kind: 'organization' | 'individual';
    name: string;
    uscc: string | null;
    legalRepresentative: string | null;
    /** already masked (never the number in clear) */
    idNumberMasked: string | null;
  };
  authority: { name: string; uscc: string | null };
  sourceUnit: { name: string; uscc: string | null };
  displayUntil: string;
}

/** Builds the record from the case; what cannot be filled stays null and is reported by {@link validateRecord}. */
export function mapPenaltyRecord(input: MappingInput): CreditRecord {
  const { decision: d, party: p } = input;
  const r = emptyRecord();
  const categories: string[] = [];
  if (d.warning) categories.push(PENALTY_CATEGORY_LABELS.warning);
  if ((d.fineFen ?? 0) > 0) categories.push(PENALTY_CATEGORY_LABELS.fine);
  if ((d.confiscatedFen ?? 0) > 0) categories.push(PENALTY_CATEGORY_LABELS.confiscation);
  r.partyName = p.name.trim() || null;
  if (p.kind === 'organization') {
    r.partyCategory = PARTY_CATEGORIES.organization;
    r.partyCode = p.uscc;
    r.legalRepresentative = p.legalRepresentative;
  } else {
    // individuals: the masked ID number only; never an address or a phone (none is mapped at all)
    r.partyCategory = PARTY_CATEGORIES.individual;
    r.idType = '身份证';
    r.idNumber = p.idNumberMasked;
  }
  r.documentNo = input.case.decisionNo;
  r.violationType = VIOLATION_TYPES[input.case.type] ?? null;
  r.violationFacts = d.facts?.trim() || null;
  r.legalBasis = d.legalBasis?.trim() || null;
  r.penaltyCategories = categories.length ? categories.join(';') : null;
  r.penaltyContent = d.summary?.trim() || null;
  r.fineWanYuan = (d.fineFen ?? 0) > 0 ? fenToWanYuan(d.fineFen as number, WAN_YUAN_DECIMALS) : null;
  r.confiscatedWanYuan = (d.confiscatedFen ?? 0) > 0 ? fenToWanYuan(d.confiscatedFen as number, WAN_YUAN_DECIMALS) : null;
  r.decidedOn = input.case.decidedOn ? standardDate(input.case.decidedOn) : null;
  r.validUntil = LONG_TERM_VALIDITY;
  r.displayUntil = standardDate(input.displayUntil);
  r.authority = input.authority.name;
  r.authorityUscc = input.authority.uscc;
  r.sourceUnit = input.sourceUnit.name;
  r.sourceUnitUscc = input.sourceUnit.uscc;
  return r;
}

const ALWAYS_REQUIRED: CreditRecordKey[] = [
  'partyName',
  'partyCategory',
  'documentNo',
  'violationType',
  'violationFacts',
  'legalBasis',
  'penaltyCategories',
  'penaltyContent',
  'decidedOn',
  'validUntil',
  'displayUntil',
  'authority',
  'authorityUscc',
  'sourceUnit',
  'sourceUnitUscc',
];
const STANDARD_DATE = /^\d{4}\/(0[1-9]|1[0-2])\/(0[1-9]|[12]\d|3[01])$/;
const WAN_YUAN = new RegExp(`^(0|[1-9]\\d{0,9})\\.\\d{${WAN_YUAN_DECIMALS}}$`);
const MASKED_ID = /^\d{6}\*{8}\d{3}[\dX]$/;
const KNOWN_CATEGORIES = new Set<string>(Object.values(PENALTY_CATEGORY_LABELS));
const PARTY_CATEGORY_VALUES = new Set<string>(Object.values(PARTY_CATEGORIES));

/** Every reason the record cannot be sent yet, field by field (empty: ready). */
export function validateRecord(r: CreditRecord): MappingProblem[] {
  const problems: MappingProblem[] = [];
  const missing = (field: CreditRecordKey, why = 'is required by the data standard') => problems.push({ field, message: why });
  for (const f of CREDIT_RECORD_FIELDS) {
    const v = r[f.key];
    if (v !== null && typeof v !== 'string') problems.push({ field: f.key, message: 'must be text or null' });
    else if (v !== null && v.length > f.maxLength) problems.push({ field: f.key, message: `must be at most ${f.maxLength} characters` });
  }
  for (const k of ALWAYS_REQUIRED) if (!r[k]?.trim()) missing(k);
  if (r.partyCategory && !PARTY_CATEGORY_VALUES.has(r.partyCategory))
    problems.push({ field: 'partyCategory', message: `must be one of ${[...PARTY_CATEGORY_VALUES].join(', ')}` });
  if (r.partyCategory === PARTY_CATEGORIES.individual) {
    if (!r.idType) missing('idType', 'is required for an individual');
    if (!r.idNumber) missing('idNumber', 'is required for an individual');
    else if (!MASKED_ID.test(r.idNumber)) problems.push({ field: 'idNumber', message: 'must be masked (e.g. 120101********1234)' });
    if (r.partyCode) problems.push({ field: 'partyCode', message: 'an individual has no credit code' });
  } else if (r.partyCategory) {
    if (!r.partyCode) missing('partyCode', 'is required for an organisation');
    if (!r.legalRepresentative?.trim()) missing('legalRepresentative', 'is required for an organisation');
    if (r.idNumber) problems.push({ field: 'idNumber', message: 'is for individuals only' });
  }
  for (const k of ['partyCode', 'authorityUscc', 'sourceUnitUscc'] as const) {
    const v = r[k];
    if (v) {
      const check = validateUscc(v);
      if (!check.ok || check.value !== v) problems.push({ field: k, message: check.ok ? 'must be upper case' : check.reason });
    }
  }
  const categories = r.penaltyCategories?.split(';') ?? [];
  for (const c of categories)
    if (c && !KNOWN_CATEGORIES.has(c)) problems.push({ field: 'penaltyCategories', message: `unknown category ${c}` });
  const amount = (field: 'fineWanYuan' | 'confiscatedWanYuan', category: string) => {
    const v = r[field];
    if (categories.includes(category) && !v) missing(field, `is required when 处罚类别 includes ${category}`);
    if (v && !WAN_YUAN.test(v)) problems.push({ field, message: `must be 万元 with ${WAN_YUAN_DECIMALS} decimals, e.g. 1.234500` });
    if (v && !categories.includes(category)) problems.push({ field, message: `is only given when 处罚类别 includes ${category}` });
  };
  amount('fineWanYuan', PENALTY_CATEGORY_LABELS.fine);
  amount('confiscatedWanYuan', PENALTY_CATEGORY_LABELS.confiscation);
  for (const k of ['decidedOn', 'validUntil', 'displayUntil'] as const) {
    const v = r[k];
    if (v && !STANDARD_DATE.test(v)) problems.push({ field: k, message: 'must be a date YYYY/MM/DD' });
  }
  if (r.decidedOn && r.displayUntil && STANDARD_DATE.test(r.decidedOn) && r.displayUntil <= r.decidedOn)
    problems.push({ field: 'displayUntil', message: 'must be after the decision date' });
  return problems;
}

/** Applies a correction (only known fields; null clears) to a record; unknown keys are reported, not applied. */
export function applyCorrection(r: CreditRecord, patch: Record<string, unknown>): { record: CreditRecord; problems: MappingProblem[] } {
  const record = { ...r };
  const problems: MappingProblem[] = [];
  const known = new Set<string>(CREDIT_RECORD_FIELDS.map((f) => f.key));
  for (const [k, v] of Object.entries(patch)) {
    if (!known.has(k)) problems.push({ field: k, message: 'is not a field of the data standard' });
    else if (v !== null && typeof v !== 'string') problems.push({ field: k, message: 'must be text or null' });
    else record[k as CreditRecordKey] = v === null ? null : v.trim();
  }
  return { record, problems };
}
