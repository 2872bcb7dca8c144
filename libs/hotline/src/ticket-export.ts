import type { ExportColumn } from '@app/kernel';
import { shanghaiDateTime } from '@app/kernel/calendar';
import { TICKET_CATEGORY_LABELS, TICKET_CHANNEL_LABELS, TICKET_STATUS_LABELS } from './domain';
import { HOTLINE_CENTRE_CODE } from './hotline-settings';
import type { TicketResponse } from './http/dto/ticket-response';

const yesNo = (b: boolean) => (b ? '是' : '否');

/**
 * The export's columns, Chinese headers; the caller's phone and ID number only masked, as in the API; units by name
 * (`unitName` maps a code to its name), times in Shanghai time.
 */
export const ticketExportColumns = (unitName: (code: string) => string): ExportColumn<TicketResponse>[] => [
  { header: '工单号', value: (t) => t.ticketNo, width: 20 },
  { header: '受理渠道', value: (t) => TICKET_CHANNEL_LABELS[t.channel] },
  { header: '类别', value: (t) => TICKET_CATEGORY_LABELS[t.category] },
  { header: '状态', value: (t) => TICKET_STATUS_LABELS[t.status] },
  { header: '来电人', value: (t) => (t.caller.anonymous ? '匿名' : t.caller.name) },
  { header: '联系电话', value: (t) => t.caller.phoneMasked, width: 14 },
  { header: '身份证号', value: (t) => t.caller.idNumberMasked, width: 20 },
  { header: '来电人单位', value: (t) => t.caller.organization, width: 24 },
  { header: '主题', value: (t) => t.subject, width: 30 },
  { header: '被反映对象', value: (t) => t.respondentName, width: 30 },
  { header: '专利号', value: (t) => t.patentNumbers.join('；'), width: 24 },
  { header: '行业', value: (t) => t.industry },
  { header: '承办单位', value: (t) => unitName(t.orgUnitCode ?? HOTLINE_CENTRE_CODE), width: 16 },
  { header: '受理时间', value: (t) => shanghaiDateTime(new Date(t.createdAt)), width: 20 },
  { header: '答复期限', value: (t) => t.due.firstResponse },
  { header: '办结期限', value: (t) => t.due.resolution },
  { header: '回访期限', value: (t) => t.due.callback },
  { header: '是否超期', value: (t) => yesNo(t.overdue) },
  { header: '关联案件', value: (t) => t.case?.caseNo ?? t.case?.receiptNo ?? null, width: 24 },
  { header: '满意度', value: (t) => t.satisfaction },
  { header: '疑似重复', value: (t) => t.possibleDuplicates.map((d) => d.ticketNo).join('；'), width: 24 },
];
