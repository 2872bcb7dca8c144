import { useQuery } from '@tanstack/react-query';
import { Alert, Card, Space, Switch, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { api } from '../api/client';
import { OPEN_CASE_STATUSES, type Case } from '../api/types';
import { useMe } from '../auth/session';
import { QueryState } from '../components/QueryState';
import { CaseStatusTag, Countdown, currentDeadline } from '../components/StatusTags';
import { CASE_TYPE_LABELS } from '../lib/labels';

const PER_STATUS = 200;

/**
 * 我的工作: the open cases of the officer's unit, nearest deadline first. The api has no "assigned to me" filter and
 * no deadline order yet, so the page asks for each open status (up to 200 each) and sorts here; "只看指派给我的"
 * filters on assignedOfficerIds.
 */
export default function MyWorkPage() {
  const { t } = useTranslation();
  const me = useMe();
  const navigate = useNavigate();
  const [mineOnly, setMineOnly] = useState(false);
  const q = useQuery({
    queryKey: ['my-work', me.orgUnit.code],
    queryFn: async () => {
      const pages = await Promise.all(
        OPEN_CASE_STATUSES.map((status) =>
          api.get('/api/v1/cases', { query: { status, orgUnitCode: me.orgUnit.code, limit: PER_STATUS } }),
        ),
      );
      return { items: pages.flatMap((p) => p.items), truncated: pages.some((p) => p.nextCursor) };
    },
  });
  const rows = (q.data?.items ?? [])
    .filter((c) => !mineOnly || c.assignedOfficerIds.includes(me.id))
    .map((c) => ({ ...c, due: currentDeadline(c) }))
    .sort((a, b) => (a.due.due ?? '9999').localeCompare(b.due.due ?? '9999'));
  const overdue = rows.filter((r) => r.overdue).length;
  return (
    <>
      <Typography.Title level={3} className="page-title">
        {t('我的工作')}
      </Typography.Title>
      <Card
        title={
          <Space>
            {t('{{unit}} 在办案件', { unit: me.orgUnit.name })}
            {q.data && <Tag>{t('{{n}} 件', { n: rows.length })}</Tag>}
            {overdue > 0 && <Tag color="red">{t('超期 {{n}} 件', { n: overdue })}</Tag>}
          </Space>
        }
        extra={
          <Space>
            <label htmlFor="mine-only">{t('只看指派给我的')}</label>
            <Switch id="mine-only" checked={mineOnly} onChange={setMineOnly} />
          </Space>
        }
      >
        {q.data?.truncated && (
          <Alert
            type="info"
            showIcon
            style={{ marginBottom: 12 }}
            message={t('在办案件较多，只列出每种状态最新的 200 件；请用案件列表筛选。')}
          />
        )}
        <QueryState loading={q.isLoading} error={q.error} onRetry={() => void q.refetch()}>
          <Table
            rowKey="id"
            size="middle"
            className="clickable-rows"
            dataSource={rows}
            pagination={{ pageSize: 15, showSizeChanger: false }}
            rowClassName={(r) => (r.overdue ? 'row-overdue' : '')}
            onRow={(r) => ({ onClick: () => navigate(`/cases/${r.id}`) })}
            locale={{ emptyText: t('没有在办案件') }}
            scroll={{ x: 'max-content' }}
            columns={[
              { title: t('收案号 / 案号'), render: (_, r) => <Link to={`/cases/${r.id}`}>{r.caseNo ?? r.receiptNo}</Link> },
              { title: t('类型'), dataIndex: 'type', render: (v: Case['type']) => t(CASE_TYPE_LABELS[v]) },
              { title: t('状态'), dataIndex: 'status', render: (v: Case['status']) => <CaseStatusTag status={v} /> },
              { title: t('被请求人/当事人'), render: (_, r) => r.respondents.map((p) => p.name).join('、') || '—' },
              {
                title: t('期限'),
                render: (_, r) => (
                  <span>
                    {t(r.due.label)}：<Countdown due={r.due.due} overdue={r.overdue} suspended={r.suspended} />
                  </span>
                ),
              },
              {
                title: t('指派给我'),
                render: (_, r) => (r.assignedOfficerIds.includes(me.id) ? <Tag color="green">{t('是')}</Tag> : null),
              },
            ]}
          />
        </QueryState>
      </Card>
    </>
  );
}
