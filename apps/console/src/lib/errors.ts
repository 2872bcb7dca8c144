import type { FormInstance } from 'antd';
import { isApiError } from '../api/errors';

const CODE_MESSAGES: Record<string, string> = {
  VERSION_CONFLICT: '已被他人修改，请刷新',
  ILLEGAL_TRANSITION: '当前状态不允许此操作，请刷新后重试',
  FORBIDDEN: '您的角色无权执行此操作',
  NOT_FOUND: '记录不存在，或不在您的数据范围内',
  UNAUTHENTICATED: '登录已失效，请重新登录',
  VALIDATION_FAILED: '填写有误，请检查标红的字段',
  MALFORMED_REQUEST: '请求格式有误',
  RATE_LIMITED: '操作过于频繁，请稍后再试',
  ACCOUNT_LOCKED: '账户因多次密码错误已被锁定 15 分钟，请稍后再试或联系管理员',
  IDEMPOTENCY_KEY_REUSED: '重复提交的内容不同，请刷新后重试',
  DUPLICATE: '记录已存在',
  OFFICER_COUNT: '办案人员人数不符合要求（侵权纠纷≥3 且为奇数，假冒专利≥2，调解≥1）',
  FINE_ABOVE_CAP: '罚款超过法定上限',
  FILING_PREREQUISITES: '立案条件不齐备',
  HEARING_NOTICE: '口头审理须提前通知当事人（通知期不足）',
  EXTENSION_LIMIT: '延期次数或天数已达上限',
  ALREADY_RECUSED: '该人员已回避',
  NOT_PRESERVED: '该证据未登记保存',
  PRESERVATION_DECIDED: '该证据的登记保存已作出处理决定',
  CASE_NOT_AMENDABLE: '案件已作出决定，不能再补正',
  REOPEN_WINDOW: '已超过可重新打开的期限',
  EXPORT_TOO_LARGE: '导出数据过多，请缩小筛选范围',
  TRANSFER_CASE_STATUS: '案件当前状态不能移送（案件移送须在调查取证阶段，协作须为在办案件）',
  TRANSFER_ANSWERED: '该协作请求已答复',
  EVIDENCE_NOT_FETCHED: '对方证据文件尚未取回，请稍后再试',
  EVIDENCE_MISMATCH: '证据文件与对方签名的清单不符，已拒绝接收',
  PAYLOAD_TOO_LARGE: '文件超过大小限制',
  EVIDENCE_INTEGRITY: '证据文件校验失败（sha256 不符），已告警，请联系管理员',
  DOCUMENT_NOT_APPLICABLE: '当前不能生成该文书',
  DOCUMENT_TEMPLATE_FAILED: '该文书的模板无法填写，请联系管理员更换模板',
  DOCUMENT_INTEGRITY: '文书文件校验失败（sha256 不符），已告警，请联系管理员',
  INTERNAL_ERROR: '服务器内部错误',
  NETWORK: '网络错误，请检查连接',
};

/** A sentence for the user; the server's own message is added for rule violations it explains best. */
export function errorMessage(e: unknown): string {
  if (isApiError(e)) {
    const known = CODE_MESSAGES[e.code];
    const suffix = e.body.requestId && e.status >= 500 ? `（请求号 ${e.body.requestId}）` : '';
    if (e.code === 'FILING_PREREQUISITES') {
      const missing = (e.body.details as { missing?: unknown } | undefined)?.missing;
      if (Array.isArray(missing) && missing.length) return `${known}：${missing.map(String).join('、')}`;
    }
    if (e.code === 'DOCUMENT_NOT_APPLICABLE') {
      // the server names the reason in Chinese (details.reasonZh; the message repeats it in parentheses)
      const d = e.body.details as { reasonZh?: unknown } | undefined;
      if (typeof d?.reasonZh === 'string' && d.reasonZh) return `${known}：${d.reasonZh}`;
      const m = /（([^（）]+)）\s*$|\(([^()]+)\)\s*$/.exec(e.body.message ?? '');
      if (m) return `${known}：${m[1] ?? m[2]}`;
    }
    if (known) return `${known}${suffix}`;
    return `${e.body.message || `错误 ${e.status}`}${suffix}`;
  }
  if (e instanceof Error) return e.message;
  return String(e);
}

const toNamePath = (field: string) => field.split('.').map((p) => (/^\d+$/.test(p) ? Number(p) : p));

/**
 * Puts a 400's `details[].field` errors on the form's fields (`respondents.0.uscc` → ['respondents', 0, 'uscc']).
 * `alias` maps api field paths to form paths where they differ. Returns the errors no field took.
 */
export function applyFieldErrors(
  form: FormInstance,
  e: unknown,
  alias: (field: string) => string = (f) => f,
): { field: string; message: string }[] {
  if (!isApiError(e)) return [];
  const rest: { field: string; message: string }[] = [];
  const fields: { name: (string | number)[]; errors: string[] }[] = [];
  for (const fe of e.fieldErrors) {
    const name = toNamePath(alias(fe.field));
    if (form.getFieldInstance(name as never) !== undefined || hasField(form, name)) fields.push({ name, errors: [fe.message] });
    else rest.push(fe);
  }
  if (fields.length) form.setFields(fields as never);
  return rest;
}

function hasField(form: FormInstance, name: (string | number)[]): boolean {
  try {
    return form.getFieldValue(name as never) !== undefined;
  } catch {
    return false;
  }
}
