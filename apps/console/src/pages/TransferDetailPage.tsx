import { ReloadOutlined } from '@ant-design/icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Card, Col, Descriptions, List, Row, Space, Table, Tag, Timeline, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { api } from '../api/client';
import { useOrgUnitName, usePartnerName } from '../api/hooks';
import type { TransferFile } from '../api/types';
import { CaseLink } from '../components/CaseLink';
import { QueryState } from '../components/QueryState';
import { TransferStatusTag } from '../components/TransferTags';
import { TransferActionButtons } from '../features/transfer-actions/registry';
import { downloadFile } from '../lib/download';
import { fmtBytes, fmtDate, fmtDateTime } from '../lib/format';
import { label, TRANSFER_EVENT_LABELS, TRANSFER_KIND_LABELS, TRANSFER_STATUS_LABELS } from '../lib/labels';

/** A transfer: what was asked, where it stands, its timeline (with partner and key id), files, and the actions now. */
export default function TransferDetailPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const partnerName = usePartnerName();
  const unitName = useOrgUnitName();
  const q = useQuery({ queryKey: ['transfer', id], queryFn: () => api.get('/api/v1/transfers/{id}', { path: { id } }) });
  const tr = q.data;
  const events = useQuery({
    queryKey: ['transfer', id, 'events', tr?.version],
    enabled: !!tr,
    queryFn: () => api.get('/api/v1/transfers/{id}/events', { path: { id } }),
  });
  const files = useQuery({
    queryKey: ['transfer', id, 'files', tr?.version],
    enabled: !!tr,
    queryFn: () => api.get('/api/v1/transfers/{id}/files', { path: { id } }),
  });
  const refresh = () => void queryClient.invalidateQueries({ queryKey: ['transfer', id] });
  return (
    <QueryState loading={q.isLoading} error={q.error} onRetry={() => void q.refetch()}>
      {tr && (
        <>
          <Space style={{ marginBottom: 12 }} align="center" wrap>
            <Typography.Title level={3} style={{ margin: 0 }} data-testid="transfer-title">
              {t(label(TRANSFER_KIND_LABELS, tr.kind))} · {tr.direction === 'out' ? t('发往') : t('来自')} {partnerName(tr.partnerCode)}
            </Typography.Title>
            <span data-testid="transfer-status">
              <TransferStatusTag status={tr.status} />
            </span>
            {tr.overdue && <Tag color="red">{t('逾期未复')}</Tag>}
            <Button size="small" icon={<ReloadOutlined />} onClick={refresh} aria-label={t('刷新')} />
          </Space>
          {tr.status === 'failed' && tr.lastError && (
            <Alert
              type="error"
              showIcon
              style={{ marginBottom: 12 }}
              message={t('发送失败（已尝试 {{n}} 次）', { n: tr.attempts })}
              description={tr.lastError}
            />
          )}
          {tr.integrityProblem != null && (
            <Alert
              type="error"
              showIcon
              style={{ marginBottom: 12 }}
              message={t('证据文件校验不符')}
              description={JSON.stringify(tr.integrityProblem)}
            />
          )}
          <Row gutter={12}>
            <Col xs={24} lg={15}>
              <Card size="small" style={{ marginBottom: 12 }}>
                <Descriptions size="small" column={{ xs: 1, md: 2 }}>
                  <Descriptions.Item label={t('方向')}>
                    {tr.direction === 'out' ? t('移出 / 请求协助') : t('移入 / 协助请求')}
                  </Descriptions.Item>
                  <Descriptions.Item label={t('状态')}>{t(label(TRANSFER_STATUS_LABELS, tr.status))}</Descriptions.Item>
                  <Descriptions.Item label={tr.direction === 'out' ? t('接收机关') : t('来文机关')}>
                    {partnerName(tr.partnerCode)}
                  </Descriptions.Item>
                  <Descriptions.Item label={t('本单位')}>{unitName(tr.orgUnitCode)}</Descriptions.Item>
                  <Descriptions.Item label={t('本地案件')}>
                    <CaseLink id={tr.caseId} />
                  </Descriptions.Item>
                  <Descriptions.Item label={t('对方案号')}>
                    {tr.direction === 'in' ? (tr.originCaseNo ?? '—') : (tr.partnerCaseNo ?? '—')}
                  </Descriptions.Item>
                  <Descriptions.Item label={t('送达日期')}>{fmtDate(tr.deliveredOn)}</Descriptions.Item>
                  <Descriptions.Item label={t('答复期限')}>{fmtDate(tr.replyDue)}</Descriptions.Item>
                  <Descriptions.Item label={t('答复日期')}>{fmtDate(tr.repliedOn)}</Descriptions.Item>
                  <Descriptions.Item label={t('签名密钥')}>{tr.keyId ?? '—'}</Descriptions.Item>
                  <Descriptions.Item label={t('理由')} span={2}>
                    {tr.reason}
                  </Descriptions.Item>
                  {tr.requestedItems.length > 0 && (
                    <Descriptions.Item label={t('请求事项')} span={2}>
                      {tr.requestedItems.join('；')}
                    </Descriptions.Item>
                  )}
                  {tr.returnReason && (
                    <Descriptions.Item label={t('退回理由')} span={2}>
                      {tr.returnReason}
                    </Descriptions.Item>
                  )}
                  {tr.declineReason && (
                    <Descriptions.Item label={t('拒绝理由')} span={2}>
                      {tr.declineReason}
                    </Descriptions.Item>
                  )}
                  {tr.result && (
                    <Descriptions.Item label={t('答复内容')} span={2}>
                      {tr.result}
                    </Descriptions.Item>
                  )}
                </Descriptions>
                <div style={{ marginTop: 8 }} data-testid="transfer-actions">
                  {tr.allowedActions.length ? (
                    <TransferActionButtons transfer={tr} onRefresh={refresh} />
                  ) : (
                    <Typography.Text type="secondary">{t('当前没有您可执行的操作')}</Typography.Text>
                  )}
                </div>
              </Card>
              {tr.dossier && (
                <Card size="small" title={t('对方案卷（当事人信息已脱敏）')} style={{ marginBottom: 12 }}>
                  <List
                    size="small"
                    dataSource={tr.dossier.parties}
                    locale={{ emptyText: t('没有当事人') }}
                    renderItem={(p) => (
                      <List.Item>
                        {p.role === 'requester' ? t('请求人') : t('被请求人')}：{p.name} <span className="mono">{p.uscc ?? ''}</span>
                      </List.Item>
                    )}
                  />
                </Card>
              )}
              <Card size="small" title={t('文件')}>
                <QueryState loading={files.isLoading} error={files.error} onRetry={() => void files.refetch()}>
                  <Table<TransferFile>
                    rowKey="id"
                    size="small"
                    pagination={false}
                    dataSource={files.data ?? []}
                    locale={{ emptyText: t('没有文件') }}
                    scroll={{ x: 'max-content' }}
                    columns={[
                      { title: t('文件名'), dataIndex: 'fileName' },
                      { title: t('用途'), dataIndex: 'role', render: (r: string) => (r === 'evidence' ? t('证据') : t('答复附件')) },
                      { title: t('大小'), dataIndex: 'size', render: fmtBytes },
                      { title: 'sha256', dataIndex: 'sha256', render: (s: string) => <span className="mono">{s.slice(0, 16)}…</span> },
                      {
                        title: t('校验'),
                        render: (_, f) =>
                          !f.fetched ? (
                            <Tag>{t('待取回')}</Tag>
                          ) : f.verified === false ? (
                            <Tag color="red">{t('不符')}</Tag>
                          ) : (
                            <Tag color="green">{t('一致')}</Tag>
                          ),
                      },
                      {
                        title: t('下载'),
                        render: (_, f) =>
                          f.fetched ? (
                            <Button
                              size="small"
                              onClick={() => void downloadFile(`/api/v1/transfers/${tr.id}/files/${f.id}/content`, f.fileName)}
                            >
                              {t('下载')}
                            </Button>
                          ) : null,
                      },
                    ]}
                  />
                </QueryState>
              </Card>
            </Col>
            <Col xs={24} lg={9}>
              <Card size="small" title={t('时间线')}>
                <QueryState
                  loading={events.isLoading}
                  error={events.error}
                  empty={events.data?.length === 0}
                  onRetry={() => void events.refetch()}
                >
                  <Timeline
                    items={(events.data ?? []).map((e) => ({
                      children: (
                        <div>
                          <Typography.Text strong>{t(label(TRANSFER_EVENT_LABELS, e.action))}</Typography.Text>{' '}
                          <Typography.Text type="secondary">
                            {fmtDateTime(e.at)} · {e.actor?.displayName ?? t('系统')} · {t(label(TRANSFER_STATUS_LABELS, e.toStatus))}
                          </Typography.Text>
                          {typeof e.payload?.reason === 'string' && <div style={{ color: '#595959' }}>{e.payload.reason}</div>}
                          {typeof e.payload?.error === 'string' && <div style={{ color: '#cf1322' }}>{e.payload.error}</div>}
                        </div>
                      ),
                    }))}
                  />
                </QueryState>
              </Card>
            </Col>
          </Row>
        </>
      )}
    </QueryState>
  );
}
