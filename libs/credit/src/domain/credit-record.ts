// The administrative-penalty data standard (行政处罚信息) as this system fills it: field keys, Chinese headers, order.
// Plain TypeScript, no framework.

/** The record's fields in the standard's column order (the CSV/XLSX adapter and the export use this order). */
export const CREDIT_RECORD_FIELDS = [
  { key: 'partyName', header: '行政相对人名称', maxLength: 200 },
  { key: 'partyCategory', header: '行政相对人类别', maxLength: 20 },
  { key: 'partyCode', header: '统一社会信用代码', maxLength: 18 },
  { key: 'legalRepresentative', header: '法定代表人', maxLength: 50 },
  { key: 'idType', header: '证件类型', maxLength: 20 },
  { key: 'idNumber', header: '证件号码', maxLength: 18 },
  { key: 'documentNo', header: '行政处罚决定书文号', maxLength: 128 },
  { key: 'violationType', header: '违法行为类型', maxLength: 200 },
  { key: 'violationFacts', header: '违法事实', maxLength: 5000 },
  { key: 'legalBasis', header: '处罚依据', maxLength: 2000 },
  { key: 'penaltyCategories', header: '处罚类别', maxLength: 200 },
  { key: 'penaltyContent', header: '处罚内容', maxLength: 5000 },
  { key: 'fineWanYuan', header: '罚款金额(万元)', maxLength: 20 },
  { key: 'confiscatedWanYuan', header: '没收违法所得金额(万元)', maxLength: 20 },
  { key: 'decidedOn', header: '处罚决定日期', maxLength: 10 },
  { key: 'validUntil', header: '处罚有效期', maxLength: 10 },
  { key: 'displayUntil', header: '公示截止期', maxLength: 10 },
  { key: 'authority', header: '处罚机关', maxLength: 200 },
  { key: 'authorityUscc', header: '处罚机关统一社会信用代码', maxLength: 18 },
  { key: 'sourceUnit', header: '数据来源单位', maxLength: 200 },
  { key: 'sourceUnitUscc', header: '数据来源单位统一社会信用代码', maxLength: 18 },
  { key: 'remarks', header: '备注', maxLength: 1000 },
] as const;

export type CreditRecordKey = (typeof CREDIT_RECORD_FIELDS)[number]['key'];

/** One publication as the platform receives it: every value a string, null when the field does not apply. */
export type CreditRecord = Record<CreditRecordKey, string | null>;

export const CREDIT_RECORD_KEYS: readonly CreditRecordKey[] = CREDIT_RECORD_FIELDS.map((f) => f.key);

/** 行政相对人类别 of the standard. */
export const PARTY_CATEGORIES = {
  organization: '法人及非法人组织',
  individual: '自然人',
  soleProprietor: '个体工商户',
} as const;

/** 处罚类别 labels this system issues (a penalty may carry several, joined with `;`). */
export const PENALTY_CATEGORY_LABELS = { warning: '警告', fine: '罚款', confiscation: '没收违法所得' } as const;

/** 处罚有效期 when the penalty has no end of its own: the standard's "long term" value. */
export const LONG_TERM_VALIDITY = '2099/12/31';

/** One problem that keeps a record from being sent. */
export interface MappingProblem {
  /** a record key, or `record.<key>` style paths for corrections */
  field: string;
  message: string;
}

/** The standard writes dates as YYYY/MM/DD. */
export function standardDate(isoDate: string): string {
  return isoDate.replaceAll('-', '/');
}

export function emptyRecord(): CreditRecord {
  return Object.fromEntries(CREDIT_RECORD_KEYS.map((k) => [k, null])) as CreditRecord;
}
