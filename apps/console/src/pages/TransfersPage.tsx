import { Card, Select, Space, Switch, Tabs, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { api } from '../api/client';
import { useOrgUnitName, usePartnerName } from '../api/hooks';
import {
  TRANSFER_IN_STATUSES,
  TRANSFER_KINDS,
  TRANSFER_OUT_STATUSES,
  type Transfer,
  type TransferKind,
  type TransferStatus,
} from '../api/types';
import { CaseLink } from '../components/CaseLink';
import { CursorTable } from '../components/CursorTable';
import { TransferStatusTag } from '../components/TransferTags';
import { fmtDate, fmtDateTime } from '../lib/format';
import { label, TRANSFER_KIND_LABELS, TRANSFER_STATUS_LABELS } from '../lib/labels';

/** 移送协作: outbound and inbound transfers and assistance requests, filters in the URL, cursor pages. */
export default function TransfersPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const partnerName = usePartnerName();
  const unitName = useOrgUnitName();
  const [params, setParams] = useSearchParams();
  const direction = params.get('direction') === 'in' ? 'in' : 'out';
  const status = (params.get('status') ?? undefined) as TransferStatus | undefined;
  const kind = (params.get('kind') ?? undefined) as TransferKind | undefined;
  const overdue = params.get('overdue') === 'true';
  const set = (k: string, v: string | undefined) => {
    const next = new URLSearchParams(params);
    if (v) next.set(k, v);
    else next.delete(k);
    if (k === 'direction') next.delete('status');
    setParams(next, { replace: true });
  };
  const statuses = direction === 'out' ? TRANSFER_OUT_STATUSES : TRANSFER_IN_STATUSES;
  return (
    <>
      <Typography.Title level={3} className="page-title">
        {t('移送协作')}
      </Typography.Title>
      <Card>
        <Tabs
          activeKey={direction}
          onChange={(k) => set('direction', k === 'in' ? 'in' : undefined)}
          items={[
            { key: 'out', label: <span data-testid="transfers-out">{t('移出 / 请求协助')}</span> },
            { key: 'in', label: <span data-testid="transfers-in">{t('移入 / 协助请求')}</span> },
          ]}
        />
        <Space wrap style={{ marginBottom: 12 }}>
          <label htmlFor="tr-status">{t('状态')}</label>
          <Select
            id="tr-status"
            allowClear
            style={{ width: 140 }}
            placeholder={t('全部')}
            value={status}
            onChange={(v?: string) => set('status', v)}
            options={statuses.map((s) => ({ value: s, label: t(label(TRANSFER_STATUS_LABELS, s)) }))}
          />
          <label htmlFor="tr-kind">{t('类型')}</label>
          <Select
            id="tr-kind"
            allowClear
            style={{ width: 140 }}
            placeholder={t('全部')}
            value={kind}
            onChange={(v?: string) => set('kind', v)}
            options={TRANSFER_KINDS.map((k) => ({ value: k, label: t(TRANSFER_KIND_LABELS[k]) }))}
          />
          <label htmlFor="tr-overdue">{t('只看逾期未复')}</label>
          <Switch id="tr-overdue" checked={overdue} onChange={(v) => set('overdue', v ? 'true' : undefined)} />
        </Space>
        <CursorTable<Transfer>
          testId="transfers-list"
          queryKey={['transfers', 'list', direction, status, kind, overdue]}
          fetchPage={(cursor, limit) =>
            api.get('/api/v1/transfers', {
              query: { direction, status, kind, overdue: overdue || undefined, cursor, limit },
            })
          }
          onRow={(r) => ({ onClick: () => navigate(`/transfers/${r.id}`), style: { cursor: 'pointer' } })}
          rowClassName={(r) => (r.overdue ? 'row-overdue' : '')}
          emptyText={t('没有移送协作记录')}
          columns={[
            {
              title: t('类型'),
              dataIndex: 'kind',
              render: (k: string, r) => <Link to={`/transfers/${r.id}`}>{t(label(TRANSFER_KIND_LABELS, k))}</Link>,
            },
            { title: t('状态'), dataIndex: 'status', render: (s: string) => <TransferStatusTag status={s} /> },
            { title: direction === 'out' ? t('接收机关') : t('来文机关'), render: (_, r) => partnerName(r.partnerCode) },
            { title: t('本单位'), render: (_, r) => unitName(r.orgUnitCode) },
            {
              title: t('案件'),
              render: (_, r) => (r.caseId ? <CaseLink id={r.caseId} /> : (r.originCaseNo ?? '—')),
            },
            {
              title: t('答复期限'),
              render: (_, r) => (r.replyDue ? <span className={r.overdue ? 'overdue' : undefined}>{fmtDate(r.replyDue)}</span> : '—'),
            },
            { title: t('逾期'), render: (_, r) => (r.overdue ? <Tag color="red">{t('逾期')}</Tag> : null) },
            { title: t('创建时间'), dataIndex: 'createdAt', render: fmtDateTime },
          ]}
        />
      </Card>
    </>
  );
}
