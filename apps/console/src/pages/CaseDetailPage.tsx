import { ReloadOutlined } from '@ant-design/icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Button, Card, Descriptions, Space, Tabs, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { api } from '../api/client';
import { useOrgUnitName, useUserName } from '../api/hooks';
import type { CaseAction } from '../api/types';
import { ActionModal } from '../components/ActionModal';
import { QueryState } from '../components/QueryState';
import { CaseStatusTag, Countdown } from '../components/StatusTags';
import { CASE_ACTION_FORMS } from '../features/case-actions/registry';
import { CASE_TABS } from '../features/case-tabs/registry';
import { fmtDate } from '../lib/format';
import { CASE_ACTION_LABELS, CASE_SOURCE_LABELS, CASE_TYPE_LABELS } from '../lib/labels';

export default function CaseDetailPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const unitName = useOrgUnitName();
  const userName = useUserName();
  const queryClient = useQueryClient();
  const [open, setOpen] = useState<CaseAction | null>(null);
  const q = useQuery({ queryKey: ['case', id], queryFn: () => api.get('/api/v1/cases/{id}', { path: { id } }) });
  const refresh = () => void queryClient.invalidateQueries({ queryKey: ['case', id] });
  const c = q.data;
  const def = open ? CASE_ACTION_FORMS.get(open) : undefined;

  return (
    <QueryState loading={q.isLoading} error={q.error} onRetry={() => void q.refetch()}>
      {c && (
        <>
          <Space style={{ marginBottom: 12 }} align="center" wrap>
            <Typography.Title level={3} style={{ margin: 0 }} data-testid="case-title">
              {c.caseNo ?? c.receiptNo}
            </Typography.Title>
            <CaseStatusTag status={c.status} />
            {c.overdue && <Tag color="red">{t('超期')}</Tag>}
            {c.suspended && <Tag color="orange">{t('已中止')}</Tag>}
            {c.extensionPending && <Tag color="gold">{t('延期待批')}</Tag>}
            {c.ftz && <Tag color="purple">{t('自贸区')}</Tag>}
            {c.fastTrack && <Tag color="magenta">{t('快速协同')}</Tag>}
            <Button size="small" icon={<ReloadOutlined />} onClick={refresh} aria-label={t('刷新')} />
          </Space>
          <Card size="small" style={{ marginBottom: 12 }}>
            <Descriptions size="small" column={{ xs: 1, md: 2, lg: 3 }}>
              <Descriptions.Item label={t('收案号')}>{c.receiptNo}</Descriptions.Item>
              <Descriptions.Item label={t('案号')}>{c.caseNo ?? '—'}</Descriptions.Item>
              <Descriptions.Item label={t('类型')}>{t(CASE_TYPE_LABELS[c.type])}</Descriptions.Item>
              <Descriptions.Item label={t('来源')}>{t(CASE_SOURCE_LABELS[c.source])}</Descriptions.Item>
              <Descriptions.Item label={t('办案单位')}>{unitName(c.orgUnitCode)}</Descriptions.Item>
              <Descriptions.Item label={t('收案日期')}>{fmtDate(c.receivedOn)}</Descriptions.Item>
              <Descriptions.Item label={t('立案日期')}>{fmtDate(c.filedOn)}</Descriptions.Item>
              <Descriptions.Item label={t('立案决定期限')}>
                {c.status === 'received' ? (
                  <Countdown due={c.deadlines.filingDecisionDue} overdue={c.overdue} />
                ) : (
                  fmtDate(c.deadlines.filingDecisionDue)
                )}
              </Descriptions.Item>
              <Descriptions.Item label={t('结案期限')}>
                {c.closedOn ? (
                  fmtDate(c.deadlines.extendedClosingDue ?? c.deadlines.closingDue)
                ) : (
                  <Countdown due={c.deadlines.extendedClosingDue ?? c.deadlines.closingDue} overdue={c.overdue} suspended={c.suspended} />
                )}
                {c.deadlines.extendedClosingDue && <Tag style={{ marginLeft: 6 }}>{t('已延期')}</Tag>}
              </Descriptions.Item>
              <Descriptions.Item label={t('结案日期')}>{fmtDate(c.closedOn)}</Descriptions.Item>
              <Descriptions.Item label={t('中止天数')}>{c.pausedDays}</Descriptions.Item>
              <Descriptions.Item label={t('办案人员')}>{c.assignedOfficerIds.map(userName).join('、') || '—'}</Descriptions.Item>
              <Descriptions.Item label={t('案情摘要')} span={3}>
                {c.summary}
              </Descriptions.Item>
            </Descriptions>
            <Space wrap style={{ marginTop: 8 }} data-testid="case-actions">
              {c.allowedActions
                .filter((a) => CASE_ACTION_FORMS.has(a))
                .map((a) => {
                  const d = CASE_ACTION_FORMS.get(a)!;
                  return (
                    <Button key={a} type={d.primary ? 'primary' : 'default'} danger={d.danger} onClick={() => setOpen(a)} data-action={a}>
                      {t(CASE_ACTION_LABELS[a])}
                    </Button>
                  );
                })}
              {c.allowedActions.length === 0 && <Typography.Text type="secondary">{t('当前没有您可执行的操作')}</Typography.Text>}
            </Space>
          </Card>
          <Card size="small">
            <Tabs
              items={CASE_TABS.map((tab) => ({
                key: tab.key,
                label: t(tab.label),
                children: <tab.Component caseData={c} refresh={refresh} />,
              }))}
            />
          </Card>
          {def && open && (
            <ActionModal
              open
              title={t(CASE_ACTION_LABELS[open])}
              danger={def.danger}
              width={def.width}
              onClose={() => setOpen(null)}
              onRefresh={refresh}
              onSubmit={async (values) => {
                const payload = def.toPayload ? def.toPayload(values, c) : {};
                const updated = await api.post(
                  '/api/v1/cases/{id}/actions/{action}',
                  { expectedVersion: c.version, ...payload },
                  { path: { id: c.id, action: open } },
                );
                queryClient.setQueryData(['case', id], updated);
                void queryClient.invalidateQueries({ queryKey: ['cases'] });
              }}
            >
              {def.Fields && <def.Fields caseData={c} />}
            </ActionModal>
          )}
        </>
      )}
    </QueryState>
  );
}
