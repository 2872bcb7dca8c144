import type { CaseStatus, CaseType } from '@app/cases/domain';
import { amountInWords, chineseDate, chineseUppercaseAmount, yuanFigure } from './chinese-format';
import { DOCUMENT_KIND_SPECS, DocumentKind } from './document-kinds';

// What a template of each kind may use ({tags} of docxtemplater) and how a case fills them. Plain TypeScript.

/** The item fields of a party loop (`{#parties}…{/parties}`, `{#requesters}`, `{#respondents}`). */
export const PARTY_FIELDS = ['roleLabel', 'kindLabel', 'name', 'codeLabel', 'code', 'legalRepresentative', 'address'] as const;
export const PATENT_FIELDS = ['number', 'title', 'kindLabel'] as const;
export const OFFICER_FIELDS = ['name'] as const;

export const LOOPS = {
  parties: PARTY_FIELDS,
  requesters: PARTY_FIELDS,
  respondents: PARTY_FIELDS,
  patents: PATENT_FIELDS,
  officers: OFFICER_FIELDS,
} as const;
export type LoopName = keyof typeof LOOPS;

/** Every kind may use these. */
export const COMMON_FIELDS = [
  'officeName',
  'officeCode',
  'title',
  'documentNo',
  'caseNo',
  'receiptNo',
  'caseType',
  'summary',
  'receivedDate',
  'filedDate',
  'issuedDate',
  'requesterNames',
  'respondentNames',
  'patentNumbers',
  'officerNames',
] as const;

const DECISION_FIELDS = ['decisionKind', 'decisionSummary', 'facts', 'legalBasis', 'decidedDate', 'decisionNo'] as const;
const AMOUNT_FIELDS = [
  'fine',
  'fineUpper',
  'fineInWords',
  'illegalGains',
  'illegalGainsUpper',
  'confiscated',
  'confiscatedUpper',
  'confiscatedInWords',
  'warning',
] as const;

export const KIND_FIELDS: Record<DocumentKind, readonly string[]> = {
  acceptance_notice: [],
  refusal_notice: ['refusalReason'],
  answer_notice: ['answerDays'],
  filing_approval: ['filingDue', 'closingDue', 'caseSource'],
  oral_hearing_notice: ['hearingDate'],
  penalty_advance_notice: [...DECISION_FIELDS, ...AMOUNT_FIELDS, 'defenceDays'],
  penalty_hearing_notice: [...DECISION_FIELDS, ...AMOUNT_FIELDS, 'hearingDate'],
  legal_review_opinion: [...DECISION_FIELDS, ...AMOUNT_FIELDS, 'reviewOpinion', 'reviewConclusion', 'reviewedDate'],
  penalty_decision: [...DECISION_FIELDS, ...AMOUNT_FIELDS, 'paymentDays'],
  dispute_ruling: [...DECISION_FIELDS, 'hearingDate'],
  service_receipt: ['decisionNo', 'decisionTitle', 'decidedDate', 'servedDate', 'serviceMethod'],
  closing_report: [...DECISION_FIELDS, ...AMOUNT_FIELDS, 'servedDate', 'closedDate', 'outcomeNote'],
};

/** The top-level fields a template of `kind` may use (loops aside). */
export function knownFields(kind: DocumentKind): ReadonlySet<string> {
  return new Set([...COMMON_FIELDS, ...KIND_FIELDS[kind]]);
}

/** A tag of a template as docxtemplater's inspection reports it: a placeholder, or a section with the tags inside. */
export interface TemplateTag {
  name: string;
  section: boolean;
  inner: TemplateTag[];
}

/**
 * The tags a template uses that its kind does not know (a typo in a custom template would otherwise print
 * nothing). Sections (`{#x}…{/x}`) may be a loop or a condition on a known field; inside a loop, the loop's item
 * fields and the top-level fields are known.
 */
export function unknownTags(kind: DocumentKind, tags: readonly TemplateTag[]): string[] {
  const top = knownFields(kind);
  const bad = new Set<string>();
  const walk = (list: readonly TemplateTag[], known: ReadonlySet<string>) => {
    for (const t of list) {
      const isLoop = t.section && t.name in LOOPS;
      if (!known.has(t.name) && !isLoop) bad.add(t.name);
      if (t.inner.length) walk(t.inner, isLoop ? new Set([...known, ...LOOPS[t.name as LoopName]]) : known);
    }
  };
  walk(tags, top);
  return [...bad].sort();
}

export interface DocumentParty {
  role: 'requester' | 'respondent';
  kind: 'organization' | 'individual';
  name: string;
  uscc: string | null;
  /** already masked: documents never carry a full ID number */
  idNumberMasked: string | null;
  legalRepresentative: string | null;
  address: string | null;
}

/** What a document is filled from: the case as the cases context reads it, the office, the number, the day. */
export interface DocumentSource {
  kind: DocumentKind;
  issuedOn: string;
  documentNo: string | null;
  office: { code: string; name: string };
  case: {
    receiptNo: string;
    caseNo: string | null;
    decisionNo: string | null;
    type: CaseType;
    source: string;
    status: CaseStatus;
    summary: string;
    receivedOn: string;
    filedOn: string | null;
    filingDecisionDue: string | null;
    closingDue: string | null;
    hearingOn: string | null;
    decidedOn: string | null;
    servedOn: string | null;
    serviceMethod?: string | null;
    closedOn: string | null;
    decision: Record<string, unknown> | null;
    outcome: Record<string, unknown> | null;
    procedure?: DocumentProcedure;
  };
  parties: DocumentParty[];
  patents: { number: string; title: string | null; kind: string }[];
  officers: string[];
}

export type DocumentData = Record<string, string | Record<string, string>[]>;

const CASE_TYPE_ZH: Record<CaseType, string> = {
  infringement_dispute: '专利侵权纠纷处理',
  passing_off: '假冒专利查处',
  dispute_mediation: '专利纠纷调解',
};
const DECISION_KIND_ZH: Record<string, string> = {
  ruling: '处理决定',
  penalty: '行政处罚',
  no_penalty: '不予行政处罚',
  dismissal: '撤销案件',
  mediation_agreement: '调解协议',
  referral: '移送',
};
const SOURCE_ZH: Record<string, string> = {
  complaint: '当事人请求',
  report: '举报',
  hotline: '12330',
  inspection: '执法检查',
  ecommerce: '电商平台',
  transfer_in: '外地移送',
  referral: '其他机关移送',
  customs: '海关',
  ex_officio: '依职权',
};
const SERVICE_METHOD_ZH: Record<string, string> = {
  direct: '直接送达',
  mail: '邮寄送达',
  electronic: '电子送达',
  left_at_address: '留置送达',
  public_notice: '公告送达',
};
const PATENT_KIND_ZH: Record<string, string> = {
  invention: '发明',
  utility_model: '实用新型',
  design: '外观设计',
  pct_invention: 'PCT 发明',
  pct_utility_model: 'PCT 实用新型',
};

const date = (d: string | null | undefined): string => (d ? chineseDate(d) : '');
const text = (v: unknown): string => (typeof v === 'string' ? v : '');
const fen = (v: unknown): number | null => (typeof v === 'number' && Number.isSafeInteger(v) && v >= 0 ? v : null);

function partyRow(p: DocumentParty, penalty: boolean): Record<string, string> {
  const roleLabel = p.role === 'requester' ? '请求人' : penalty ? '当事人' : '被请求人';
  return {
    roleLabel,
    kindLabel: p.kind === 'organization' ? '单位' : '个人',
    name: p.name,
    codeLabel: p.kind === 'organization' ? '统一社会信用代码' : '身份证号码',
    code: (p.kind === 'organization' ? p.uscc : p.idNumberMasked) ?? '',
    legalRepresentative: p.legalRepresentative ?? '',
    address: p.address ?? '',
  };
}

/**
 * The issuing office as a document names it: a unit named as an office already (…局, …中心) as it is; a district
 * (滨海新区) as its bureau's city with the district: 天津市知识产权局 → 天津市滨海新区知识产权局.
 */
export function officeName(unitName: string, parentName: string | null): string {
  if (/(局|委员会|中心|办公室|所|处)$/.test(unitName) || /[（(].*[)）]$/.test(unitName)) return unitName;
  const city = parentName ? /^(.+?[市省])/.exec(parentName)?.[1] : undefined;
  return `${city && !unitName.startsWith(city) ? city : ''}${unitName}知识产权局`;
}

/** What the notices print from the penalty procedure's record (libs/cases domain/penalty-procedure.ts). */
export interface DocumentProcedure {
  notice?: { summary: string; legalBasis: string; fineFen: number; confiscatedFen: number };
  hearing?: { scheduledOn: string | null } | null;
  legalReview?: { reviewedOn: string; opinion: string; conclusion: 'approve' | 'revise' };
}

/** The values of every field the kind knows, as the document prints them (dates in Chinese, amounts in yuan). */
export function documentData(src: DocumentSource): DocumentData {
  const c = src.case;
  const proc = c.procedure ?? {};
  // before a decision is proposed, the advance notice states the intended penalty recorded with notify_penalty
  const intended = proc.notice
    ? {
        kind: 'penalty',
        summary: proc.notice.summary,
        legalBasis: proc.notice.legalBasis,
        fineFen: proc.notice.fineFen || null,
        confiscatedFen: proc.notice.confiscatedFen || null,
      }
    : null;
  const d: Record<string, unknown> = c.decision ?? intended ?? {};
  const penalty = c.type === 'passing_off';
  const parties = src.parties.map((p) => partyRow(p, penalty));
  const requesters = src.parties.filter((p) => p.role === 'requester').map((p) => partyRow(p, penalty));
  const respondents = src.parties.filter((p) => p.role === 'respondent').map((p) => partyRow(p, penalty));
  const amount = (v: unknown, f: (n: number) => string) => {
    const n = fen(v);
    return n === null ? '' : f(n);
  };
  const all: DocumentData = {
    officeName: src.office.name,
    officeCode: src.office.code,
    title: DOCUMENT_KIND_SPECS[src.kind].nameZh,
    documentNo: src.documentNo ?? '',
    caseNo: c.caseNo ?? '',
    receiptNo: c.receiptNo,
    caseType: CASE_TYPE_ZH[c.type],
    caseSource: SOURCE_ZH[c.source] ?? c.source,
    summary: c.summary,
    receivedDate: date(c.receivedOn),
    filedDate: date(c.filedOn),
    issuedDate: date(src.issuedOn),
    filingDue: date(c.filingDecisionDue),
    closingDue: date(c.closingDue),
    hearingDate: date(src.kind === 'penalty_hearing_notice' ? (proc.hearing?.scheduledOn ?? null) : c.hearingOn),
    reviewOpinion: proc.legalReview?.opinion ?? '',
    reviewConclusion: proc.legalReview ? (proc.legalReview.conclusion === 'approve' ? '同意' : '建议修改后再报审批') : '',
    reviewedDate: date(proc.legalReview?.reviewedOn ?? null),
    decidedDate: date(c.decidedOn),
    servedDate: date(c.servedOn),
    closedDate: date(c.closedOn),
    requesterNames: requesters.map((p) => p.name).join('、'),
    respondentNames: respondents.map((p) => p.name).join('、'),
    patentNumbers: src.patents.map((p) => p.number).join('、'),
    officerNames: src.officers.join('、'),
    decisionNo: c.decisionNo ?? '',
    decisionTitle: c.type === 'passing_off' ? '行政处罚决定书' : c.type === 'infringement_dispute' ? '专利侵权纠纷处理决定书' : '决定书',
    decisionKind: DECISION_KIND_ZH[text(d.kind)] ?? '',
    decisionSummary: text(d.summary),
    facts: text(d.facts),
    legalBasis: text(d.legalBasis),
    fine: amount(d.fineFen, yuanFigure),
    fineUpper: amount(d.fineFen, chineseUppercaseAmount),
    fineInWords: amount(d.fineFen, amountInWords),
    illegalGains: amount(d.illegalGainsFen, yuanFigure),
    illegalGainsUpper: amount(d.illegalGainsFen, chineseUppercaseAmount),
    confiscated: amount(d.confiscatedFen, yuanFigure),
    confiscatedUpper: amount(d.confiscatedFen, chineseUppercaseAmount),
    confiscatedInWords: amount(d.confiscatedFen, amountInWords),
    warning: d.warning === true ? '警告' : '',
    refusalReason: text((c.outcome ?? {}).reason),
    outcomeNote: text((c.outcome ?? {}).note),
    serviceMethod: SERVICE_METHOD_ZH[c.serviceMethod ?? ''] ?? c.serviceMethod ?? '',
    answerDays: '十五',
    defenceDays: '五',
    paymentDays: '十五',
    parties,
    requesters,
    respondents,
    patents: src.patents.map((p) => ({ number: p.number, title: p.title ?? '', kindLabel: PATENT_KIND_ZH[p.kind] ?? p.kind })),
    officers: src.officers.map((name) => ({ name })),
  };
  const known = knownFields(src.kind);
  return Object.fromEntries(Object.entries(all).filter(([k]) => known.has(k) || k in LOOPS));
}
