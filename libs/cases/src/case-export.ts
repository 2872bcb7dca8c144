import type { ExportColumn } from '@app/kernel';
import type { CaseSource, CaseStatus, CaseType } from './domain/case-types';
import type { CaseResponse } from './http/dto/case-response';

export const CASE_TYPE_LABELS: Record<CaseType, string> = {
  infringement_dispute: '专利侵权纠纷处理',
  passing_off: '假冒专利查处',
  dispute_mediation: '专利纠纷调解',
};

export const CASE_STATUS_LABELS: Record<CaseStatus, string> = {
  received: '收案',
  not_filed: '不予受理',
  filed: '已立案',
  investigating: '调查取证',
  hearing: '口头审理',
  pending_decision: '待审批',
  decided: '已决定',
  served: '已送达',
  closed: '已结案',
  transferred_out: '已移送',
};

export const CASE_SOURCE_LABELS: Record<CaseSource, string> = {
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

const names = (parties: CaseResponse['requesters']) => parties.map((p) => (p.uscc ? `${p.name}（${p.uscc}）` : p.name)).join('；');
const yesNo = (b: boolean) => (b ? '是' : '否');

/**
 * The export's columns with Chinese headers; personal data only as masked in the API (no ID numbers at all); units by
 * name (`unitName` maps a code to its name).
 */
export const caseExportColumns = (unitName: (code: string) => string): ExportColumn<CaseResponse>[] => [
  { header: '收案号', value: (c) => c.receiptNo, width: 24 },
  { header: '案号', value: (c) => c.caseNo, width: 24 },
  { header: '案件类型', value: (c) => CASE_TYPE_LABELS[c.type] },
  { header: '案件来源', value: (c) => CASE_SOURCE_LABELS[c.source] },
  { header: '状态', value: (c) => CASE_STATUS_LABELS[c.status] + (c.suspended ? '（中止）' : '') },
  { header: '承办单位', value: (c) => unitName(c.orgUnitCode) },
  { header: '收案日期', value: (c) => c.receivedOn },
  { header: '立案日期', value: (c) => c.filedOn },
  { header: '结案日期', value: (c) => c.closedOn },
  { header: '立案审查期限', value: (c) => c.deadlines.filingDecisionDue },
  { header: '结案期限', value: (c) => c.deadlines.extendedClosingDue ?? c.deadlines.closingDue },
  { header: '是否超期', value: (c) => yesNo(c.overdue) },
  { header: '请求人', value: (c) => names(c.requesters), width: 30 },
  { header: '被请求人', value: (c) => names(c.respondents), width: 30 },
  { header: '专利号', value: (c) => c.patents.map((p) => p.normalized).join('；'), width: 24 },
  { header: '自贸区', value: (c) => yesNo(c.ftz) },
  { header: '快速协同', value: (c) => yesNo(c.fastTrack) },
  { header: '案情摘要', value: (c) => c.summary, width: 40 },
];
