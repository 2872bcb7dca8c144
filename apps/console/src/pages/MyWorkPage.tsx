import { useQuery } from '@tanstack/react-query';
import { Card, DatePicker, Segmented, Space, Tag, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { api } from '../api/client';
import { OPEN_CASE_STATUSES, type Case, type CaseStatus } from '../api/types';
import { useMe } from '../auth/session';
import { CursorTable } from '../components/CursorTable';
import { CaseStatusTag, Countdown, currentDeadline } from '../components/StatusTags';
import { CASE_STATUS_LABELS, CASE_TYPE_LABELS } from '../lib/labels';

/**
 * 我的工作: the cases assigned to me (`assignedTo=me`), or all of my unit's, nearest deadline in force first
 * (`sort=deadline`, the server's order, cursor pages in that order; ended cases come last); `dueBefore` narrows to
 * what falls due before a date. The header counts are the unit's cases per open status (`GET /cases/counts`).
 */
export default function MyWorkPage() {
  const { t } = useTranslation();
  const me = useMe();
  const navigate = useNavigate();
  const [scope, setScope] = useState<'mine' | 'unit'>('mine');
  const [dueBefore, setDueBefore] = useState<Dayjs | null>(null);
  const due = dueBefore?.format('YYYY-MM-DD');
  const counts = useQuery({
    queryKey: ['cases', 'counts', 'status', me.orgUnit.code],
    queryFn: () => api.get('/api/v1/cases/counts', { query: { groupBy: 'status', orgUnitCode: me.orgUnit.code } }),
  });
  const open = (counts.data?.counts ?? []).filter((c) => (OPEN_CASE_STATUSES as readonly string[]).includes(c.key));
  return (
    <>
      <Typography.Title level={3} className="page-title">
        {t('我的工作')}
      </Typography.Title>
      <Card
        title={
          <Space wrap>
            {t('{{unit}} 在办案件', { unit: me.orgUnit.name })}
            {counts.isError && <Typography.Text type="secondary">{t('（数量暂不可用）')}</Typography.Text>}
            {open.map((c) => (
              <Tag key={c.key} data-testid={`count-${c.key}`}>
                {t(CASE_STATUS_LABELS[c.key as CaseStatus] ?? c.key)} {c.n}
              </Tag>
            ))}
          </Space>
        }
        extra={
          <Space wrap>
            <Segmented
              aria-label={t('范围')}
              value={scope}
              onChange={(v) => setScope(v as 'mine' | 'unit')}
              options={[
                { value: 'mine', label: t('指派给我的') },
                { value: 'unit', label: t('本单位全部') },
              ]}
            />
            <label htmlFor="due-before">{t('到期早于')}</label>
            <DatePicker id="due-before" value={dueBefore} onChange={setDueBefore} allowClear />
          </Space>
        }
      >
        <CursorTable<Case>
          testId="my-work"
          queryKey={['cases', 'my-work', scope, due, me.orgUnit.code]}
          fetchPage={(cursor, limit) =>
            api.get('/api/v1/cases', {
              query: {
                sort: 'deadline',
                limit,
                cursor,
                dueBefore: due,
                ...(scope === 'mine' ? { assignedTo: 'me' } : { orgUnitCode: me.orgUnit.code }),
              },
            })
          }
          rowClassName={(r) => (r.overdue ? 'row-overdue' : '')}
          onRow={(r) => ({ onClick: () => navigate(`/cases/${r.id}`), style: { cursor: 'pointer' } })}
          emptyText={scope === 'mine' ? t('没有指派给您的案件') : t('没有在办案件')}
          columns={[
            { title: t('收案号 / 案号'), render: (_, r) => <Link to={`/cases/${r.id}`}>{r.caseNo ?? r.receiptNo}</Link> },
            { title: t('类型'), dataIndex: 'type', render: (v: Case['type']) => t(CASE_TYPE_LABELS[v]) },
            { title: t('状态'), dataIndex: 'status', render: (v: Case['status']) => <CaseStatusTag status={v} /> },
            { title: t('被请求人/当事人'), render: (_, r) => r.respondents.map((p) => p.name).join('、') || '—' },
            {
              title: t('期限'),
              render: (_, r) => {
                const d = currentDeadline(r);
                return (
                  <span>
                    {t(d.label)}：<Countdown due={d.due} overdue={r.overdue} suspended={r.suspended} />
                  </span>
                );
              },
            },
            {
              title: t('指派给我'),
              render: (_, r) => (r.assignedOfficerIds.includes(me.id) ? <Tag color="green">{t('是')}</Tag> : null),
            },
          ]}
        />
      </Card>
    </>
  );
}
