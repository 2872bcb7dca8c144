import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Badge, Button, Card, Descriptions, Space, Table, Tabs, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api } from '../api/client';
import { usePartnerName } from '../api/hooks';
import type { ApprovalItem, Case, CaseAction, Transfer } from '../api/types';
import { ActionModal } from '../components/ActionModal';
import { CaseLink } from '../components/CaseLink';
import { QueryState } from '../components/QueryState';
import { ReasonField } from '../features/case-actions/reason-field';
import { CASE_ACTION_FORMS } from '../features/case-actions/registry';
import { TransferActionButtons } from '../features/transfer-actions/registry';
import { fmtDateTime, fmtYuan } from '../lib/format';
import { APPROVAL_KIND_LABELS, CASE_ACTION_LABELS, DECISION_KIND_LABELS, label, TRANSFER_KIND_LABELS } from '../lib/labels';

/** What a supervisor may answer to each kind of case item, straight from the inbox. */
/** `form`: answered with the action's own form from the case page (one that needs nothing of the case but its id). */
const CASE_ANSWERS: Record<string, { action: CaseAction; reason?: string; primary?: boolean; form?: boolean }[]> = {
  decision: [
    { action: 'approve_decision', primary: true },
    { action: 'return_decision', reason: '退回理由' },
  ],
  extension: [
    { action: 'approve_extension', primary: true },
    { action: 'reject_extension', reason: '驳回理由' },
  ],
  // a major decision (Art. 58): its legal review (the action's own form) comes before its approval
  legal_review: [
    { action: 'record_legal_review', primary: true, form: true },
    { action: 'return_decision', reason: '退回理由' },
  ],
};

function Detail({ item }: { item: ApprovalItem }) {
  const { t } = useTranslation();
  const d = item.detail ?? {};
  const decision = (d.decision ?? (item.kind === 'decision' || item.kind === 'legal_review' ? d : null)) as Record<string, unknown> | null;
  if ((item.kind === 'decision' || item.kind === 'legal_review') && decision)
    return (
      <Descriptions column={1} size="small">
        <Descriptions.Item label={t('决定类型')}>{t(label(DECISION_KIND_LABELS, decision.kind as string))}</Descriptions.Item>
        <Descriptions.Item label={t('决定摘要')}>{String(decision.summary ?? '—')}</Descriptions.Item>
        {typeof decision.fineFen === 'number' && <Descriptions.Item label={t('罚款')}>{fmtYuan(decision.fineFen)}</Descriptions.Item>}
      </Descriptions>
    );
  if (item.kind === 'extension')
    return (
      <Typography.Text>
        {typeof d.days === 'number' ? t('申请延长 {{n}} 日', { n: d.days }) : null}
        {typeof d.reason === 'string' ? `：${d.reason}` : ''}
      </Typography.Text>
    );
  return <Typography.Text>{item.summary}</Typography.Text>;
}

/**
 * 待我审批: `GET /approvals` (decisions, extensions — every kind a context registers — oldest first, with counts by
 * kind), answered here with the record's version; outbound transfer requests (`GET /transfers?direction=out&
 * status=requested`, which the inbox does not carry yet) in their own tab.
 */
export default function ApprovalsPage() {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const partnerName = usePartnerName();
  const [answering, setAnswering] = useState<{ item: ApprovalItem; action: CaseAction; reason?: string; form?: boolean } | null>(null);
  const inbox = useQuery({ queryKey: ['approvals'], queryFn: () => api.get('/api/v1/approvals', { query: { limit: 200 } }) });
  const transfers = useQuery({
    queryKey: ['transfers', 'approvals'],
    queryFn: () => api.get('/api/v1/transfers', { query: { direction: 'out', status: 'requested', limit: 100 } }),
  });
  const refresh = () => {
    void queryClient.invalidateQueries({ queryKey: ['approvals'] });
    void queryClient.invalidateQueries({ queryKey: ['transfers'] });
  };
  // Transfer requests have their own tab below (answered with the transfer's buttons), so not a second one here.
  const answerForm = answering?.form ? CASE_ACTION_FORMS.get(answering.action) : undefined;
  const kinds = [...new Set(['decision', 'extension', ...Object.keys(inbox.data?.counts ?? {})])].filter((k) => k !== 'transfer');
  const table = (rows: ApprovalItem[], testId: string) => (
    <Table<ApprovalItem>
      data-testid={testId}
      rowKey={(r) => `${r.kind}:${r.entityId}`}
      size="middle"
      dataSource={rows}
      pagination={{ pageSize: 10, showSizeChanger: false }}
      scroll={{ x: 'max-content' }}
      locale={{ emptyText: t('没有待审批的事项') }}
      columns={[
        { title: t('事项'), dataIndex: 'kind', render: (k: string) => t(label(APPROVAL_KIND_LABELS, k)) },
        {
          title: t('案号 / 收案号'),
          render: (_, r) =>
            r.entityType === 'case' ? (
              <Link to={`/cases/${r.entityId}`}>{r.label}</Link>
            ) : r.entityType === 'transfer' ? (
              <Link to={`/transfers/${r.entityId}`}>{r.label}</Link>
            ) : (
              r.label
            ),
        },
        { title: t('单位'), render: (_, r) => r.orgUnit.name },
        { title: t('申请人'), render: (_, r) => r.requestedBy?.displayName ?? '—' },
        { title: t('申请时间'), dataIndex: 'requestedAt', render: fmtDateTime },
        { title: t('内容'), render: (_, r) => <Detail item={r} />, width: 320 },
        {
          title: t('操作'),
          render: (_, r) => (
            <Space>
              {(CASE_ANSWERS[r.kind] ?? []).map((a) => (
                <Button
                  key={a.action}
                  size="small"
                  type={a.primary ? 'primary' : 'default'}
                  danger={!!a.reason}
                  data-inbox-action={a.action}
                  onClick={() => setAnswering({ item: r, action: a.action, reason: a.reason, form: a.form })}
                >
                  {t(CASE_ACTION_LABELS[a.action])}
                </Button>
              ))}
            </Space>
          ),
        },
      ]}
    />
  );
  const transferRows = transfers.data?.items ?? [];
  return (
    <>
      <Typography.Title level={3} className="page-title">
        {t('待我审批')}
      </Typography.Title>
      <Card>
        <QueryState loading={inbox.isLoading} error={inbox.error} onRetry={() => void inbox.refetch()}>
          <Tabs
            items={[
              {
                key: 'all',
                label: (
                  <span data-testid="tab-all">
                    {t('全部')} <Badge count={inbox.data?.total ?? 0} showZero overflowCount={9999} color="#1d39c4" />
                  </span>
                ),
                children: table(inbox.data?.items ?? [], 'approvals-all'),
              },
              ...kinds.map((k) => ({
                key: k,
                label: (
                  <span data-testid={`tab-${k}`}>
                    {t(label(APPROVAL_KIND_LABELS, k))}{' '}
                    <Badge count={inbox.data?.counts[k] ?? 0} showZero overflowCount={9999} color="#1d39c4" />
                  </span>
                ),
                children: table(
                  (inbox.data?.items ?? []).filter((i) => i.kind === k),
                  `approvals-${k}`,
                ),
              })),
              {
                key: 'transfers',
                label: (
                  <span data-testid="tab-transfers">
                    {t('移送协作')}{' '}
                    <Badge
                      count={transfers.data ? `${transferRows.length}${transfers.data.nextCursor ? '+' : ''}` : '…'}
                      showZero
                      color="#1d39c4"
                    />
                  </span>
                ),
                children: (
                  <QueryState loading={transfers.isLoading} error={transfers.error} onRetry={() => void transfers.refetch()}>
                    <Table<Transfer>
                      data-testid="approvals-transfers"
                      rowKey="id"
                      size="middle"
                      dataSource={transferRows}
                      pagination={{ pageSize: 10, showSizeChanger: false }}
                      scroll={{ x: 'max-content' }}
                      locale={{ emptyText: t('没有待审批的移送协作请求') }}
                      columns={[
                        {
                          title: t('类型'),
                          dataIndex: 'kind',
                          render: (k: string, r) => <Link to={`/transfers/${r.id}`}>{t(label(TRANSFER_KIND_LABELS, k))}</Link>,
                        },
                        { title: t('案件'), render: (_, r) => <CaseLink id={r.caseId} /> },
                        { title: t('对方机关'), render: (_, r) => partnerName(r.partnerCode) },
                        { title: t('理由'), dataIndex: 'reason', ellipsis: true, width: 280 },
                        { title: t('申请时间'), dataIndex: 'createdAt', render: fmtDateTime },
                        { title: t('操作'), render: (_, r) => <TransferActionButtons size="small" transfer={r} onRefresh={refresh} /> },
                      ]}
                    />
                  </QueryState>
                ),
              },
            ]}
          />
        </QueryState>
      </Card>
      {answering && (
        <ActionModal
          open
          title={`${t(CASE_ACTION_LABELS[answering.action])} · ${answering.item.label}`}
          danger={!!answering.reason}
          onClose={() => setAnswering(null)}
          onRefresh={refresh}
          onSubmit={async (values) => {
            await api.post(
              '/api/v1/cases/{id}/actions/{action}',
              {
                expectedVersion: answering.item.version,
                ...(answering.reason ? { reason: values.reason as string } : {}),
                ...(answerForm?.toPayload ? answerForm.toPayload(values, {} as Case) : {}),
              },
              { path: { id: answering.item.entityId, action: answering.action } },
            );
            refresh();
            void queryClient.invalidateQueries({ queryKey: ['case', answering.item.entityId] });
            void queryClient.invalidateQueries({ queryKey: ['cases'] });
          }}
        >
          <Detail item={answering.item} />
          {answering.reason && <ReasonField label={answering.reason} />}
          {answerForm?.Fields && <answerForm.Fields caseData={{} as Case} />}
        </ActionModal>
      )}
    </>
  );
}
