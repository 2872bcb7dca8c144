import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Form, Input, Select, Space, Table, Typography } from 'antd';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api } from '../../../api/client';
import { isApiError } from '../../../api/errors';
import { usePartnerName, usePartners } from '../../../api/hooks';
import { TRANSFER_KINDS, type Case, type Transfer } from '../../../api/types';
import { ActionModal } from '../../../components/ActionModal';
import { QueryState } from '../../../components/QueryState';
import { TransferStatusTag } from '../../../components/TransferTags';
import { fmtDate, fmtDateTime } from '../../../lib/format';
import { label, TRANSFER_KIND_LABELS } from '../../../lib/labels';
import { defineCaseTab } from '../define';

/** The fields of a transfer or assistance request (POST /cases/:id/transfers). */
export function TransferRequestFields({ caseData }: { caseData: Case }) {
  const { t } = useTranslation();
  const partners = usePartners();
  const active = (partners.data ?? []).filter((p) => p.active);
  return (
    <>
      {partners.data && active.length === 0 && (
        <Alert type="warning" showIcon style={{ marginBottom: 12 }} message={t('还没有启用的协作机关，请联系管理员配置')} />
      )}
      <Form.Item label={t('协作机关')} name="partnerCode" rules={[{ required: true, message: t('请选择协作机关') }]}>
        <Select
          showSearch
          optionFilterProp="label"
          loading={partners.isLoading}
          options={active.map((p) => ({ value: p.code, label: `${p.name}（${p.code}）` }))}
        />
      </Form.Item>
      <Form.Item
        label={t('类型')}
        name="kind"
        rules={[{ required: true, message: t('请选择类型') }]}
        extra={caseData.status !== 'investigating' ? t('案件移送须在调查取证阶段；协助请求可在在办案件中提出') : undefined}
      >
        <Select options={TRANSFER_KINDS.map((k) => ({ value: k, label: t(TRANSFER_KIND_LABELS[k]) }))} />
      </Form.Item>
      <Form.Item label={t('理由')} name="reason" rules={[{ required: true, whitespace: true, message: t('请填写理由') }]}>
        <Input.TextArea rows={3} maxLength={5000} />
      </Form.Item>
      <Form.Item label={t('请求事项（每行一项，可不填）')} name="requestedItems">
        <Input.TextArea rows={3} placeholder={t('例如：调取被请求人工商登记信息')} />
      </Form.Item>
    </>
  );
}

export function transferRequestBody(v: Record<string, unknown>) {
  const items = String(v.requestedItems ?? '')
    .split('\n')
    .map((s) => s.trim())
    .filter(Boolean);
  return {
    partnerCode: v.partnerCode as string,
    kind: v.kind as Transfer['kind'],
    reason: (v.reason as string).trim(),
    ...(items.length ? { requestedItems: items } : {}),
  };
}

function TransfersTab({ caseData }: { caseData: Case }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const partnerName = usePartnerName();
  const [open, setOpen] = useState(false);
  const idempotencyKey = useRef<string>(crypto.randomUUID());
  const q = useQuery({
    queryKey: ['transfers', 'case', caseData.id],
    queryFn: () => api.get('/api/v1/transfers', { query: { caseId: caseData.id, limit: 100 } }),
  });
  const ended = ['closed', 'not_filed', 'transferred_out'].includes(caseData.status);
  return (
    <>
      <Space style={{ marginBottom: 12 }}>
        <Button type="primary" onClick={() => setOpen(true)} disabled={ended} data-testid="request-transfer">
          {t('申请移送 / 协助')}
        </Button>
        {ended && <Typography.Text type="secondary">{t('案件已结束，不能再申请')}</Typography.Text>}
      </Space>
      <QueryState loading={q.isLoading} error={q.error} onRetry={() => void q.refetch()}>
        <Table<Transfer>
          data-testid="case-transfers"
          rowKey="id"
          size="small"
          pagination={false}
          dataSource={q.data?.items ?? []}
          locale={{ emptyText: t('本案没有移送或协作请求') }}
          scroll={{ x: 'max-content' }}
          columns={[
            {
              title: t('类型'),
              dataIndex: 'kind',
              render: (k: string, r) => <Link to={`/transfers/${r.id}`}>{t(label(TRANSFER_KIND_LABELS, k))}</Link>,
            },
            { title: t('方向'), dataIndex: 'direction', render: (d: string) => (d === 'out' ? t('移出') : t('移入')) },
            { title: t('协作机关'), render: (_, r) => partnerName(r.partnerCode) },
            { title: t('状态'), dataIndex: 'status', render: (s: string) => <TransferStatusTag status={s} /> },
            { title: t('理由'), dataIndex: 'reason', ellipsis: true, width: 240 },
            { title: t('答复期限'), render: (_, r) => <span className={r.overdue ? 'overdue' : undefined}>{fmtDate(r.replyDue)}</span> },
            { title: t('申请时间'), dataIndex: 'createdAt', render: fmtDateTime },
          ]}
        />
      </QueryState>
      {open && (
        <ActionModal
          open
          title={t('申请移送 / 协助')}
          testId="transfer-request-form"
          onClose={() => setOpen(false)}
          onRefresh={() => void q.refetch()}
          onSubmit={async (values) => {
            try {
              await api.post('/api/v1/cases/{id}/transfers', transferRequestBody(values), {
                path: { id: caseData.id },
                headers: { 'idempotency-key': idempotencyKey.current },
              });
            } catch (e) {
              // a refused request may be corrected and sent again: not the same request any more
              idempotencyKey.current = crypto.randomUUID();
              if (isApiError(e) && e.code === 'DUPLICATE') throw new Error(t('本案已有同类未办结的请求'));
              throw e;
            }
            idempotencyKey.current = crypto.randomUUID();
            void queryClient.invalidateQueries({ queryKey: ['transfers'] });
            void queryClient.invalidateQueries({ queryKey: ['case', caseData.id] });
          }}
        >
          <TransferRequestFields caseData={caseData} />
        </ActionModal>
      )}
    </>
  );
}

export default defineCaseTab({ key: 'transfers', label: '移送协作', order: 60, Component: TransfersTab });
