import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Card, Descriptions, Form, Input, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { api } from '../api/client';
import type { PublicationAction } from '../api/types';
import { useSession } from '../auth/session';
import { ActionModal } from '../components/ActionModal';
import { QueryState } from '../components/QueryState';
import { fmtDate, fmtDateTime } from '../lib/format';
import { PUBLICATION_ACTION_LABELS, PUBLICATION_STATUS_LABELS } from '../lib/labels';
import { PUBLICATION_COLORS } from './PublicationsPage';

/** The record's fields in the data standard's order, with their Chinese headers. */
const RECORD_FIELDS: [string, string][] = [
  ['partyName', '行政相对人名称'],
  ['partyCategory', '行政相对人类别'],
  ['partyCode', '统一社会信用代码'],
  ['legalRepresentative', '法定代表人'],
  ['idType', '证件类型'],
  ['idNumber', '证件号码'],
  ['documentNo', '行政处罚决定书文号'],
  ['violationType', '违法行为类型'],
  ['violationFacts', '违法事实'],
  ['legalBasis', '处罚依据'],
  ['penaltyCategories', '处罚类别'],
  ['penaltyContent', '处罚内容'],
  ['fineWanYuan', '罚款金额(万元)'],
  ['confiscatedWanYuan', '没收违法所得金额(万元)'],
  ['decidedOn', '处罚决定日期'],
  ['validUntil', '处罚有效期'],
  ['displayUntil', '公示截止期'],
  ['authority', '处罚机关'],
  ['authorityUscc', '处罚机关统一社会信用代码'],
  ['sourceUnit', '数据来源单位'],
  ['sourceUnitUscc', '数据来源单位统一社会信用代码'],
  ['remarks', '备注'],
];

export default function PublicationDetailPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const { hasRole } = useSession();
  const queryClient = useQueryClient();
  const [open, setOpen] = useState<PublicationAction | null>(null);
  const q = useQuery({ queryKey: ['publication', id], queryFn: () => api.get('/api/v1/credit/publications/{id}', { path: { id } }) });
  const p = q.data;
  const refresh = () => void queryClient.invalidateQueries({ queryKey: ['publication', id] });
  return (
    <QueryState loading={q.isLoading} error={q.error} onRetry={() => void q.refetch()}>
      {p && (
        <>
          <Space style={{ marginBottom: 12 }} wrap>
            <Typography.Title level={3} style={{ margin: 0 }}>
              {t('信用公示')} · {p.record.partyName ?? '—'}
            </Typography.Title>
            <Tag color={PUBLICATION_COLORS[p.status]} data-testid="publication-status">
              {t(PUBLICATION_STATUS_LABELS[p.status])}
            </Tag>
            {p.overdue && <Tag color="red">{t('超期')}</Tag>}
          </Space>
          {p.mappingErrors.length > 0 && (
            <Alert
              type="warning"
              showIcon
              style={{ marginBottom: 12 }}
              message={t('记录不完整，暂不推送')}
              description={p.mappingErrors
                .map((e) => `${RECORD_FIELDS.find(([k]) => k === e.field)?.[1] ?? e.field}：${e.message}`)
                .join('；')}
            />
          )}
          {p.lastError && (
            <Alert type="error" showIcon style={{ marginBottom: 12 }} message={t('平台最近一次返回')} description={p.lastError} />
          )}
          <Card size="small" style={{ marginBottom: 12 }}>
            <Descriptions size="small" column={3}>
              <Descriptions.Item label={t('案件')}>
                <Link to={`/cases/${p.caseId}`}>{t('查看案件')}</Link>
              </Descriptions.Item>
              <Descriptions.Item label={t('决定日期')}>{fmtDate(p.decidedOn)}</Descriptions.Item>
              <Descriptions.Item label={t('公示期限')}>{fmtDate(p.dueOn)}</Descriptions.Item>
              <Descriptions.Item label={t('公示截止')}>{fmtDate(p.displayUntil)}</Descriptions.Item>
              <Descriptions.Item label={t('平台回执')}>{p.platformReceiptId ?? '—'}</Descriptions.Item>
              <Descriptions.Item label={t('公示时间')}>{fmtDateTime(p.publishedAt)}</Descriptions.Item>
              <Descriptions.Item label={t('尝试次数')}>{p.attempts}</Descriptions.Item>
              <Descriptions.Item label={t('撤回原因')}>{p.withdrawReason ?? '—'}</Descriptions.Item>
              <Descriptions.Item label={t('撤下期限')}>{fmtDate(p.removalDueOn)}</Descriptions.Item>
            </Descriptions>
            {hasRole('supervisor') && (
              <Space style={{ marginTop: 8 }}>
                {p.allowedActions.map((a) => (
                  <Button
                    key={a}
                    danger={a === 'withdraw'}
                    type={a === 'retry' ? 'primary' : 'default'}
                    onClick={() => setOpen(a)}
                    data-action={a}
                  >
                    {t(PUBLICATION_ACTION_LABELS[a])}
                  </Button>
                ))}
                <Button onClick={refresh}>{t('刷新')}</Button>
              </Space>
            )}
          </Card>
          <Card size="small" title={t('公示记录（行政处罚信息标准）')}>
            <Descriptions size="small" column={2} bordered>
              {RECORD_FIELDS.map(([k, h]) => (
                <Descriptions.Item key={k} label={h}>
                  {p.record[k] ?? '—'}
                </Descriptions.Item>
              ))}
            </Descriptions>
          </Card>
          {open && (
            <ActionModal
              open
              width={open === 'correct' ? 760 : 520}
              title={t(PUBLICATION_ACTION_LABELS[open])}
              danger={open === 'withdraw'}
              onClose={() => setOpen(null)}
              onRefresh={refresh}
              alias={(f) => f}
              onSubmit={async (v) => {
                const body =
                  open === 'withdraw'
                    ? { reason: String(v.reason).trim() }
                    : open === 'correct'
                      ? {
                          // only what was changed: the rest of the record stays as the mapping made it
                          record: Object.fromEntries(
                            Object.entries((v.record as Record<string, string | undefined>) ?? {})
                              .map(([k, x]) => [k, x?.trim() ? x.trim() : null] as const)
                              .filter(([k, x]) => x !== (p.record[k] ?? null)),
                          ),
                        }
                      : {};
                const updated = await api.post(
                  '/api/v1/credit/publications/{id}/actions/{action}',
                  { expectedVersion: p.version, ...body } as never,
                  { path: { id, action: open } },
                );
                queryClient.setQueryData(['publication', id], updated);
                void queryClient.invalidateQueries({ queryKey: ['publications'] });
              }}
            >
              {open === 'retry' && <Typography.Paragraph>{t('按当前记录重新推送到信用平台。')}</Typography.Paragraph>}
              {open === 'withdraw' && (
                <Form.Item label={t('撤回原因')} name="reason" rules={[{ required: true, whitespace: true }]}>
                  <Input.TextArea rows={3} />
                </Form.Item>
              )}
              {open === 'correct' &&
                RECORD_FIELDS.map(([k, h]) => (
                  <Form.Item key={k} label={h} name={['record', k]} initialValue={p.record[k] ?? ''} style={{ marginBottom: 8 }}>
                    <Input />
                  </Form.Item>
                ))}
            </ActionModal>
          )}
        </>
      )}
    </QueryState>
  );
}
