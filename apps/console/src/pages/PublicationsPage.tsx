import { Card, Form, Select, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { api } from '../api/client';
import { useOrgUnitName } from '../api/hooks';
import { PUBLICATION_STATUSES, type Publication, type PublicationStatus } from '../api/types';
import { CursorTable } from '../components/CursorTable';
import { fmtDate, fmtDateTime } from '../lib/format';
import { PUBLICATION_STATUS_LABELS } from '../lib/labels';

export const PUBLICATION_COLORS: Record<PublicationStatus, string> = {
  pending: 'blue',
  submitted: 'cyan',
  published: 'green',
  rejected: 'red',
  failed: 'red',
  withdrawn: 'default',
  expired: 'default',
};

export default function PublicationsPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const unitName = useOrgUnitName();
  const [status, setStatus] = useState<PublicationStatus | undefined>();
  const [overdue, setOverdue] = useState<string | undefined>();
  return (
    <>
      <Typography.Title level={3} className="page-title">
        {t('信用公示')}
      </Typography.Title>
      <Card>
        <Form layout="inline" style={{ marginBottom: 12 }}>
          <Form.Item label={t('状态')}>
            <Select
              allowClear
              style={{ width: 140 }}
              value={status}
              onChange={setStatus}
              options={PUBLICATION_STATUSES.map((s) => ({ value: s, label: t(PUBLICATION_STATUS_LABELS[s]) }))}
            />
          </Form.Item>
          <Form.Item label={t('超期')}>
            <Select
              allowClear
              style={{ width: 110 }}
              value={overdue}
              onChange={setOverdue}
              options={[
                { value: 'true', label: t('超期') },
                { value: 'false', label: t('未超期') },
              ]}
            />
          </Form.Item>
        </Form>
        <CursorTable<Publication>
          testId="publications-table"
          queryKey={['publications', status, overdue]}
          fetchPage={(cursor, limit) =>
            api.get('/api/v1/credit/publications', {
              query: { status, overdue: overdue === undefined ? undefined : overdue === 'true', cursor, limit } as never,
            })
          }
          onRow={(r) => ({ onClick: () => navigate(`/credit/${r.id}`), style: { cursor: 'pointer' } })}
          rowClassName={(r) => (r.overdue ? 'row-overdue' : '')}
          emptyText={t('没有信用公示记录')}
          columns={[
            { title: t('行政相对人'), render: (_, r) => <Link to={`/credit/${r.id}`}>{r.record.partyName ?? '—'}</Link> },
            { title: t('决定书文号'), render: (_, r) => r.record.documentNo ?? '—' },
            {
              title: t('状态'),
              dataIndex: 'status',
              render: (s: PublicationStatus) => <Tag color={PUBLICATION_COLORS[s]}>{t(PUBLICATION_STATUS_LABELS[s])}</Tag>,
            },
            { title: t('单位'), dataIndex: 'orgUnitCode', render: (v: string) => unitName(v) },
            { title: t('决定日期'), dataIndex: 'decidedOn', render: fmtDate },
            {
              title: t('公示期限'),
              dataIndex: 'dueOn',
              render: (v: string, r) => <span className={r.overdue ? 'overdue' : undefined}>{fmtDate(v)}</span>,
            },
            { title: t('公示时间'), dataIndex: 'publishedAt', render: fmtDateTime },
            { title: t('尝试次数'), dataIndex: 'attempts' },
          ]}
        />
      </Card>
    </>
  );
}
