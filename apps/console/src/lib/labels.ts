// Chinese names of the api's codes (the console shows these; English comes from i18n.ts).
import type {
  CaseAction,
  CaseSource,
  CaseStatus,
  CaseType,
  PublicationStatus,
  Role,
  TicketAction,
  TicketCategory,
  TicketChannel,
  TicketStatus,
} from '../api/types';

export const ROLE_LABELS: Record<Role, string> = {
  officer: '执法人员',
  hotline_operator: '12330 坐席',
  supervisor: '审核负责人',
  admin: '系统管理员',
};

export const CASE_TYPE_LABELS: Record<CaseType, string> = {
  infringement_dispute: '专利侵权纠纷处理',
  passing_off: '假冒专利查处',
  dispute_mediation: '专利纠纷调解',
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

export const CASE_STATUS_LABELS: Record<CaseStatus, string> = {
  received: '已收案',
  not_filed: '不予立案',
  filed: '已立案',
  investigating: '调查取证',
  hearing: '口头审理',
  pending_decision: '待审批',
  decided: '已决定',
  served: '已送达',
  closed: '已结案',
  transferred_out: '已移送',
};

export const CASE_STATUS_COLORS: Partial<Record<CaseStatus, string>> = {
  received: 'blue',
  filed: 'cyan',
  investigating: 'geekblue',
  hearing: 'purple',
  pending_decision: 'orange',
  decided: 'gold',
  served: 'lime',
  closed: 'default',
  not_filed: 'default',
  transferred_out: 'default',
};

export const CASE_ACTION_LABELS: Record<CaseAction, string> = {
  file: '立案',
  decline: '不予立案',
  assign: '指派办案人员',
  schedule_hearing: '安排口头审理',
  propose_decision: '提出处理决定',
  approve_decision: '批准决定',
  return_decision: '退回决定',
  serve: '送达',
  close: '结案',
  mediate: '调解结案',
  refer: '移交/分流',
  suspend: '中止',
  resume: '恢复',
  request_extension: '申请延期',
  approve_extension: '批准延期',
  reject_extension: '驳回延期',
  withdraw: '撤回',
  transfer_out: '移送外地',
  notify_penalty: '行政处罚事先告知',
  record_statement: '记录陈述申辩',
  request_penalty_hearing: '记录听证申请',
  schedule_penalty_hearing: '安排听证',
  record_penalty_hearing: '记录听证',
  record_legal_review: '法制审核',
  serve_dispute_request: '向被请求人送达请求书',
  record_answer: '记录答辩',
};

export const ENFORCEMENT_LABELS: Record<string, string> = {
  paid: '已缴纳',
  court_enforced: '申请法院强制执行',
  exempted: '依法减免',
};

export const TICKET_CHANNEL_LABELS: Record<TicketChannel, string> = {
  phone: '电话',
  web: '网页',
  email: '邮件',
  letter: '信函',
  visit: '来访',
};

export const TICKET_CATEGORY_LABELS: Record<TicketCategory, string> = {
  consultation: '咨询',
  complaint: '投诉',
  report: '举报',
  assistance: '维权援助申请',
};

export const TICKET_STATUS_LABELS: Record<TicketStatus, string> = {
  new: '新建',
  triaged: '已分拣',
  assigned: '已分派',
  in_progress: '办理中',
  responded: '已答复',
  closed: '已办结',
  reopened: '重新打开',
  converted: '已转案件',
};

export const TICKET_ACTION_LABELS: Record<TicketAction, string> = {
  triage: '分拣',
  assign: '分派',
  start: '开始办理',
  respond: '答复',
  close: '办结',
  reopen: '重新打开',
  convert: '转为案件',
  forward: '转其他机关',
  callback: '回访',
};

export const PUBLICATION_STATUS_LABELS: Record<PublicationStatus, string> = {
  pending: '待推送',
  submitted: '已提交',
  published: '已公示',
  rejected: '被拒绝',
  failed: '推送失败',
  withdrawn: '已撤回',
  expired: '已到期',
};

export const PUBLICATION_ACTION_LABELS = { retry: '重新推送', withdraw: '撤回公示', correct: '更正记录' } as const;

export const DECISION_KIND_LABELS: Record<string, string> = {
  ruling: '责令停止侵权/驳回',
  penalty: '行政处罚',
  no_penalty: '不予处罚',
  dismissal: '撤销案件',
  mediation_agreement: '调解协议',
  referral: '移交',
};

export const REFER_LABELS: Record<string, string> = {
  court: '法院',
  arbitration: '仲裁',
  people_mediation: '人民调解',
  police: '公安机关',
  market_regulation: '市场监管部门',
};

export const SERVE_METHOD_LABELS: Record<string, string> = {
  direct: '直接送达',
  mail: '邮寄送达',
  electronic: '电子送达',
  left_at_address: '留置送达',
  public_notice: '公告送达',
};

export const PATENT_KIND_LABELS: Record<string, string> = {
  invention: '发明',
  utility_model: '实用新型',
  design: '外观设计',
  pct_invention: 'PCT 发明',
  pct_utility_model: 'PCT 实用新型',
};

export const DUPLICATE_REASON_LABELS: Record<string, string> = {
  respondent: '同一被反映人',
  patent: '同一专利',
  caller_phone: '同一来电号码',
};

export const AUDIT_ENTITY_TYPES = [
  'case',
  'ticket',
  'publication',
  'transfer',
  'evidence',
  'user',
  'org_unit',
  'partner',
  'target',
  'calendar',
  'document',
  'document_template',
];
export const AUDIT_ENTITY_LABELS: Record<string, string> = {
  case: '案件',
  ticket: '工单',
  publication: '信用公示',
  transfer: '移送',
  evidence: '证据',
  user: '用户',
  org_unit: '机构',
  partner: '协作单位',
  target: '年度目标',
  calendar: '工作日历',
  document: '文书',
  document_template: '文书模板',
};

export const label = (map: Record<string, string>, key: string | null | undefined) => (key ? (map[key] ?? key) : '—');

export const TRANSFER_KIND_LABELS: Record<string, string> = {
  transfer: '案件移送',
  assist_investigation: '协助调查',
  assist_service: '协助送达',
  assist_enforcement: '协助执行',
};

export const TRANSFER_STATUS_LABELS: Record<string, string> = {
  requested: '待审批',
  returned: '已退回',
  approved: '已批准',
  sending: '发送中',
  delivered: '已送达对方',
  accepted: '已接收',
  declined: '已拒绝',
  answered: '已答复',
  failed: '发送失败',
  received: '待处理',
};

export const TRANSFER_STATUS_COLORS: Record<string, string> = {
  requested: 'orange',
  returned: 'default',
  approved: 'cyan',
  sending: 'blue',
  delivered: 'geekblue',
  accepted: 'green',
  declined: 'red',
  answered: 'green',
  failed: 'red',
  received: 'orange',
};

export const TRANSFER_ACTION_LABELS: Record<string, string> = {
  approve: '批准',
  return: '退回',
  retry: '重新发送',
  accept: '接收',
  decline: '拒绝',
  answer: '答复',
};

/** Timeline actions of a transfer (GET /transfers/:id/events). */
export const TRANSFER_EVENT_LABELS: Record<string, string> = {
  request: '提出申请',
  approve: '批准',
  return: '退回',
  retry: '重新发送',
  dispatch: '开始发送',
  deliver: '已送达对方',
  fail: '发送失败',
  receive: '收到',
  accept: '接收',
  decline: '拒绝',
  answer: '答复',
  partner_accept: '对方已接收',
  partner_decline: '对方已拒绝',
  partner_answer: '对方已答复',
  evidence_rejected: '对方报告证据不符',
};

export const LIAISON_CHANNEL_LABELS: Record<string, string> = { ecommerce: '电商平台', customs: '海关' };
export const LIAISON_KIND_LABELS: Record<string, string> = {
  takedown: '删除链接',
  information_request: '调取信息',
  joint_action: '联合执法',
  detention: '扣留',
};
export const LIAISON_STATUS_LABELS: Record<string, string> = { open: '待回复', replied: '已回复', closed: '已关闭' };

export const REFERRAL_ROUTE_LABELS: Record<string, string> = {
  court: '法院',
  arbitration: '仲裁',
  people_mediation: '人民调解',
  police: '公安',
  market_regulation: '市场监管',
};
export const REFERRAL_OUTCOME_LABELS: Record<string, string> = {
  judgment: '判决',
  award: '裁决',
  mediation_agreement: '调解协议',
  withdrawn: '撤回',
};

export const APPROVAL_KIND_LABELS: Record<string, string> = {
  decision: '处理决定',
  legal_review: '法制审核',
  extension: '延期申请',
  filing: '立案',
  transfer: '移送协作',
};

export const REQUESTER_ROLE_LABELS: Record<string, string> = {
  patentee: '专利权人',
  interested_party: '利害关系人',
  other: '其他',
};

export const DOCUMENT_KIND_LABELS: Record<string, string> = {
  acceptance_notice: '受理通知书',
  refusal_notice: '不予受理通知书',
  answer_notice: '答辩通知书',
  filing_approval: '立案审批表',
  oral_hearing_notice: '口头审理通知书',
  penalty_advance_notice: '行政处罚事先告知书',
  penalty_hearing_notice: '听证通知书',
  legal_review_opinion: '法制审核意见',
  penalty_decision: '行政处罚决定书',
  dispute_ruling: '专利侵权纠纷处理决定书',
  service_receipt: '送达回证',
  closing_report: '结案报告',
};
