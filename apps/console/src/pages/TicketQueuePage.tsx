import { useQuery } from '@tanstack/react-query';
import { Button, Card, Input, Select, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { api } from '../api/client';
import { TICKET_CATEGORIES, type Ticket, type TicketCategory, type TicketStatus } from '../api/types';
import { CursorTable } from '../components/CursorTable';
import { QueryState } from '../components/QueryState';
import { fmtDate, fmtDateTime } from '../lib/format';
import { TICKET_CATEGORY_LABELS, TICKET_STATUS_LABELS } from '../lib/labels';

const OPEN: TicketStatus[] = ['new', 'triaged', 'assigned', 'in_progress', 'responded', 'reopened'];

/** the SLA date the ticket is waiting on: first response until answered, then resolution */
export const slaDue = (t: Ticket) => (t.firstRespondedAt ? t.due.resolution : t.due.firstResponse);

/**
 * 工单队列: open tickets by the SLA date they wait on, earliest first. The api lists newest first and one status at
 * a time, so the open statuses are fetched (up to 200 each) and sorted here. "全部工单" pages through everything.
 */
export default function TicketQueuePage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [category, setCategory] = useState<TicketCategory | undefined>();
  const [search, setSearch] = useState('');
  const [q, setQ] = useState('');
  const open = useQuery({
    queryKey: ['tickets', 'queue', category],
    queryFn: async () => {
      const pages = await Promise.all(
        OPEN.map((status) => api.get('/api/v1/hotline/tickets', { query: { status, category, limit: 200 } })),
      );
      return pages.flatMap((p) => p.items).sort((a, b) => slaDue(a).localeCompare(slaDue(b)));
    },
  });
  const columns = [
    { title: t('工单号'), dataIndex: 'ticketNo', render: (v: string, r: Ticket) => <Link to={`/hotline/${r.id}`}>{v}</Link> },
    { title: t('类别'), dataIndex: 'category', render: (v: Ticket['category']) => t(TICKET_CATEGORY_LABELS[v]) },
    { title: t('状态'), dataIndex: 'status', render: (v: Ticket['status']) => <Tag>{t(TICKET_STATUS_LABELS[v])}</Tag> },
    { title: t('事项'), dataIndex: 'subject' },
    {
      title: t('来电人'),
      render: (_: unknown, r: Ticket) => (r.caller.anonymous ? t('匿名') : `${r.caller.name ?? ''} ${r.caller.phoneMasked ?? ''}`),
    },
    {
      title: t('时限'),
      render: (_: unknown, r: Ticket) => (
        <span className={r.overdue ? 'overdue' : undefined}>
          {r.firstRespondedAt ? t('办结') : t('首次答复')} {fmtDate(slaDue(r))}
          {r.overdue && ` ${t('已超时')}`}
        </span>
      ),
    },
    { title: t('登记时间'), dataIndex: 'createdAt', render: fmtDateTime },
  ];
  return (
    <>
      <Typography.Title level={3} className="page-title">
        {t('工单队列')}
      </Typography.Title>
      <Card
        title={t('待办工单（按时限）')}
        style={{ marginBottom: 16 }}
        extra={
          <Space>
            <label htmlFor="queue-category">{t('类别')}</label>
            <Select
              id="queue-category"
              allowClear
              style={{ width: 150 }}
              value={category}
              onChange={setCategory}
              options={TICKET_CATEGORIES.map((c) => ({ value: c, label: t(TICKET_CATEGORY_LABELS[c]) }))}
            />
            <Button type="primary" onClick={() => navigate('/hotline/new')}>
              {t('来电登记')}
            </Button>
          </Space>
        }
      >
        <QueryState loading={open.isLoading} error={open.error} onRetry={() => void open.refetch()}>
          <Table<Ticket>
            rowKey="id"
            size="middle"
            dataSource={open.data}
            columns={columns}
            pagination={{ pageSize: 10, showSizeChanger: false }}
            rowClassName={(r) => (r.overdue ? 'row-overdue' : '')}
            onRow={(r) => ({ onClick: () => navigate(`/hotline/${r.id}`), style: { cursor: 'pointer' } })}
            locale={{ emptyText: t('没有待办工单') }}
            scroll={{ x: 'max-content' }}
          />
        </QueryState>
      </Card>
      <Card
        title={t('全部工单')}
        extra={
          <Space.Compact>
            <Input
              aria-label={t('搜索工单')}
              placeholder={t('工单号、事项、被反映人、专利号')}
              value={search}
              onChange={(e) => setSearch(e.target.value)}
              onPressEnter={() => setQ(search.trim())}
              style={{ width: 260 }}
            />
            <Button onClick={() => setQ(search.trim())}>{t('搜索')}</Button>
          </Space.Compact>
        }
      >
        <CursorTable<Ticket>
          queryKey={['tickets', 'all', q, category]}
          fetchPage={(cursor, limit) => api.get('/api/v1/hotline/tickets', { query: { q: q || undefined, category, cursor, limit } })}
          columns={columns}
          onRow={(r) => ({ onClick: () => navigate(`/hotline/${r.id}`), style: { cursor: 'pointer' } })}
        />
      </Card>
    </>
  );
}
