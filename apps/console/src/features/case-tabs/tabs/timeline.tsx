import { useQuery } from '@tanstack/react-query';
import { Timeline, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { api } from '../../../api/client';
import type { Case } from '../../../api/types';
import { QueryState } from '../../../components/QueryState';
import { fmtDateTime } from '../../../lib/format';
import { defineCaseTab } from '../define';
import { CASE_ACTION_LABELS, CASE_STATUS_LABELS, label } from '../../../lib/labels';

const summarize = (p: Record<string, unknown> | null): string =>
  p
    ? Object.entries(p)
        .filter(([k]) => k !== 'counted')
        .filter(([, v]) => v !== null && v !== undefined && typeof v !== 'object')
        .map(([k, v]) => `${k}: ${String(v)}`)
        .join('，')
    : '';

/** Timeline actions besides the lifecycle's (amendments, transfers, liaisons, evidence). */
const EVENT_LABELS: Record<string, string> = {
  ...CASE_ACTION_LABELS,
  intake: '收案',
  amend: '补正',
  recuse: '回避',
  record_service: '送达记录',
  record_payment: '缴款记录',
  upload_evidence: '上传证据',
  decide_preservation: '登记保存处理决定',
  transfer_requested: '申请移送/协作',
  transfer_approved: '批准移送/协作',
  transfer_returned: '退回移送/协作申请',
  transfer_delivered: '已送达对方机关',
  transfer_accepted: '对方已接收',
  transfer_declined: '对方已拒绝',
  transfer_answered: '对方已答复',
  transfer_in: '外地移入',
  liaison_sent: '发出协查',
  liaison_record_reply: '记录协查回复',
  liaison_close: '关闭协查',
  generate_document: '生成文书',
};

const FIELD_LABELS: Record<string, string> = {
  summary: '案情摘要',
  requesters: '请求人',
  respondents: '被请求人',
  patents: '涉案专利',
  ftz: '自贸区',
  fastTrack: '快速协同',
  ecommerce: '电商信息',
  type: '案件类型',
  source: '来源',
  reportReceived: '举报',
};

function TimelineTab({ caseData }: { caseData: Case }) {
  const { t } = useTranslation();
  const q = useQuery({
    queryKey: ['case', caseData.id, 'events', caseData.version],
    queryFn: () => api.get('/api/v1/cases/{id}/events', { path: { id: caseData.id } }),
  });
  return (
    <QueryState loading={q.isLoading} error={q.error} empty={q.data?.length === 0} onRetry={() => void q.refetch()}>
      <Timeline
        items={(q.data ?? []).map((e) => ({
          children: (
            <div>
              <Typography.Text strong>{t(label(EVENT_LABELS, e.action))}</Typography.Text>{' '}
              <Typography.Text type="secondary">
                {fmtDateTime(e.at)} · {e.actor?.displayName ?? t('系统')}
                {e.fromStatus ? ` · ${t(label(CASE_STATUS_LABELS, e.fromStatus))} → ` : ' · '}
                {t(label(CASE_STATUS_LABELS, e.toStatus))}
              </Typography.Text>
              {e.action === 'amend' && Array.isArray(e.payload?.changed) && (
                <div style={{ color: '#595959' }}>
                  {t('补正了')}：{(e.payload.changed as string[]).map((f) => t(label(FIELD_LABELS, f))).join('、')}
                  {e.payload.deadlines ? `；${t('期限已重新计算')}` : ''}
                </div>
              )}
              {e.action !== 'amend' && summarize(e.payload) && <div style={{ color: '#595959' }}>{summarize(e.payload)}</div>}
            </div>
          ),
        }))}
      />
    </QueryState>
  );
}

export default defineCaseTab({ key: 'timeline', label: '时间线', order: 30, Component: TimelineTab });
