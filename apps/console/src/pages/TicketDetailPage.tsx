import { EyeOutlined } from '@ant-design/icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Col, Descriptions, Popconfirm, Row, Space, Tag, Timeline, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { api } from '../api/client';
import { useOrgUnitName, useUserName } from '../api/hooks';
import type { TicketAction, TicketCaller } from '../api/types';
import { useSession } from '../auth/session';
import { ActionModal } from '../components/ActionModal';
import { QueryState } from '../components/QueryState';
import { TICKET_ACTION_FORMS } from '../features/ticket-actions/registry';
import { errorMessage } from '../lib/errors';
import { fmtDate, fmtDateTime } from '../lib/format';
import {
  CASE_STATUS_LABELS,
  DUPLICATE_REASON_LABELS,
  TICKET_ACTION_LABELS,
  TICKET_CATEGORY_LABELS,
  TICKET_CHANNEL_LABELS,
  TICKET_STATUS_LABELS,
  label,
} from '../lib/labels';

export default function TicketDetailPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { hasRole } = useSession();
  const unitName = useOrgUnitName();
  const userName = useUserName();
  const queryClient = useQueryClient();
  const [open, setOpen] = useState<TicketAction | null>(null);
  const [caller, setCaller] = useState<TicketCaller | null>(null);
  const q = useQuery({ queryKey: ['ticket', id], queryFn: () => api.get('/api/v1/hotline/tickets/{id}', { path: { id } }) });
  const events = useQuery({
    queryKey: ['ticket', id, 'events', q.data?.version],
    enabled: !!q.data,
    queryFn: () => api.get('/api/v1/hotline/tickets/{id}/events', { path: { id } }),
  });
  const refresh = () => void queryClient.invalidateQueries({ queryKey: ['ticket', id] });
  const tk = q.data;
  const def = open ? TICKET_ACTION_FORMS[open] : undefined;
  const canUnmask = hasRole('hotline_operator', 'supervisor');

  return (
    <QueryState loading={q.isLoading} error={q.error} onRetry={() => void q.refetch()}>
      {tk && (
        <>
          <Space style={{ marginBottom: 12 }} wrap>
            <Typography.Title level={3} style={{ margin: 0 }} data-testid="ticket-title">
              {tk.ticketNo}
            </Typography.Title>
            <Tag color="blue" data-testid="ticket-status">
              {t(TICKET_STATUS_LABELS[tk.status])}
            </Tag>
            {tk.overdue && <Tag color="red">{t('已超时')}</Tag>}
          </Space>
          <Row gutter={12}>
            <Col span={16}>
              <Card size="small" style={{ marginBottom: 12 }}>
                <Descriptions size="small" column={2}>
                  <Descriptions.Item label={t('类别')}>{t(TICKET_CATEGORY_LABELS[tk.category])}</Descriptions.Item>
                  <Descriptions.Item label={t('渠道')}>{t(TICKET_CHANNEL_LABELS[tk.channel])}</Descriptions.Item>
                  <Descriptions.Item label={t('来电人')}>
                    {tk.caller.anonymous ? (
                      t('匿名')
                    ) : (
                      <Space>
                        <span data-testid="caller">
                          {caller
                            ? `${caller.name ?? ''} ${caller.phone ?? ''} ${caller.idNumber ?? ''}`
                            : `${tk.caller.name ?? ''} ${tk.caller.phoneMasked ?? ''} ${tk.caller.idNumberMasked ?? ''}`}
                        </span>
                        {canUnmask && !caller && (
                          <Popconfirm
                            title={t('查看完整来电信息？')}
                            description={t('此操作会记入审计日志。')}
                            okText={t('查看')}
                            onConfirm={() =>
                              api
                                .get('/api/v1/hotline/tickets/{id}/caller', { path: { id } })
                                .then(setCaller)
                                .catch((e: unknown) => void message.error(errorMessage(e)))
                            }
                          >
                            <Button size="small" icon={<EyeOutlined />}>
                              {t('显示完整号码')}
                            </Button>
                          </Popconfirm>
                        )}
                      </Space>
                    )}
                  </Descriptions.Item>
                  <Descriptions.Item label={t('来电人单位')}>{tk.caller.organization ?? '—'}</Descriptions.Item>
                  <Descriptions.Item label={t('事项')} span={2}>
                    {tk.subject}
                  </Descriptions.Item>
                  <Descriptions.Item label={t('内容')} span={2}>
                    {tk.description}
                  </Descriptions.Item>
                  <Descriptions.Item label={t('被反映人')}>{tk.respondentName ?? '—'}</Descriptions.Item>
                  <Descriptions.Item label={t('专利号')}>{tk.patentNumbers.join('、') || '—'}</Descriptions.Item>
                  <Descriptions.Item label={t('办理单位')}>{unitName(tk.orgUnitCode)}</Descriptions.Item>
                  <Descriptions.Item label={t('行业')}>{tk.industry ?? '—'}</Descriptions.Item>
                  <Descriptions.Item label={t('首次答复时限')}>{fmtDate(tk.due.firstResponse)}</Descriptions.Item>
                  <Descriptions.Item label={t('办结时限')}>{fmtDate(tk.due.resolution)}</Descriptions.Item>
                  <Descriptions.Item label={t('回访时限')}>{fmtDate(tk.due.callback)}</Descriptions.Item>
                  <Descriptions.Item label={t('满意度')}>{tk.satisfaction ?? '—'}</Descriptions.Item>
                  {tk.response && (
                    <Descriptions.Item label={t('答复')} span={2}>
                      {tk.response}
                    </Descriptions.Item>
                  )}
                  {tk.case && (
                    <Descriptions.Item label={t('关联案件')} span={2}>
                      <span data-testid="linked-case">
                        {hasRole('officer', 'supervisor') ? (
                          <Link to={`/cases/${tk.case.id}`}>{tk.case.caseNo ?? tk.case.receiptNo}</Link>
                        ) : (
                          (tk.case.caseNo ?? tk.case.receiptNo)
                        )}{' '}
                        <Tag>{t(label(CASE_STATUS_LABELS, tk.case.status))}</Tag> {unitName(tk.case.orgUnitCode)}
                      </span>
                    </Descriptions.Item>
                  )}
                  {tk.possibleDuplicates.length > 0 && (
                    <Descriptions.Item label={t('可能重复')} span={2}>
                      {tk.possibleDuplicates.map((d) => (
                        <Link key={d.id} to={`/hotline/${d.id}`} style={{ marginRight: 8 }}>
                          {d.ticketNo}（{t(DUPLICATE_REASON_LABELS[d.reason] ?? d.reason)}）
                        </Link>
                      ))}
                    </Descriptions.Item>
                  )}
                </Descriptions>
                <Space wrap style={{ marginTop: 8 }} data-testid="ticket-actions">
                  {tk.allowedActions.map((a) => (
                    <Button
                      key={a}
                      type={TICKET_ACTION_FORMS[a]?.primary ? 'primary' : 'default'}
                      onClick={() => setOpen(a)}
                      data-action={a}
                    >
                      {t(TICKET_ACTION_LABELS[a])}
                    </Button>
                  ))}
                </Space>
              </Card>
            </Col>
            <Col span={8}>
              <Card size="small" title={t('处理记录')}>
                <QueryState loading={events.isLoading} error={events.error} empty={events.data?.length === 0}>
                  <Timeline
                    items={(events.data ?? []).map((e) => ({
                      children: (
                        <div>
                          <Typography.Text strong>{t(label(TICKET_ACTION_LABELS, e.action))}</Typography.Text>
                          <div style={{ color: '#8c8c8c' }}>
                            {fmtDateTime(e.at)} · {userName(e.actorId)} · {t(label(TICKET_STATUS_LABELS, e.toStatus))}
                          </div>
                        </div>
                      ),
                    }))}
                  />
                </QueryState>
              </Card>
            </Col>
          </Row>
          {open && (
            <ActionModal
              open
              title={t(TICKET_ACTION_LABELS[open])}
              onClose={() => setOpen(null)}
              onRefresh={refresh}
              onSubmit={async (values) => {
                const payload = def ? def.toPayload(values) : {};
                const updated = await api.post(
                  '/api/v1/hotline/tickets/{id}/actions/{action}',
                  { expectedVersion: tk.version, ...payload },
                  { path: { id, action: open } },
                );
                queryClient.setQueryData(['ticket', id], updated);
                void queryClient.invalidateQueries({ queryKey: ['tickets'] });
              }}
            >
              {def?.Fields ? (
                <def.Fields ticket={tk} />
              ) : (
                <Typography.Paragraph>{t('确认执行“{{a}}”？', { a: t(TICKET_ACTION_LABELS[open]) })}</Typography.Paragraph>
              )}
            </ActionModal>
          )}
        </>
      )}
    </QueryState>
  );
}
