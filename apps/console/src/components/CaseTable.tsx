import { Table } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { useOrgUnitName } from '../api/hooks';
import type { Case } from '../api/types';
import { fmtDate } from '../lib/format';
import { CASE_TYPE_LABELS } from '../lib/labels';
import { CaseStatusTag, Countdown, currentDeadline } from './StatusTags';

/** A plain (client-paged) table of cases for lists the page has already fetched. */
export function CaseTable({ rows, emptyText, testId }: { rows: Case[]; emptyText: string; testId?: string }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const unitName = useOrgUnitName();
  return (
    <Table<Case>
      data-testid={testId}
      rowKey="id"
      size="middle"
      dataSource={rows}
      pagination={{ pageSize: 10, showSizeChanger: false }}
      rowClassName={(r) => (r.overdue ? 'row-overdue' : '')}
      onRow={(r) => ({ onClick: () => navigate(`/cases/${r.id}`), style: { cursor: 'pointer' } })}
      locale={{ emptyText }}
      scroll={{ x: 'max-content' }}
      columns={[
        { title: t('案号 / 收案号'), render: (_, r) => <Link to={`/cases/${r.id}`}>{r.caseNo ?? r.receiptNo}</Link> },
        { title: t('类型'), dataIndex: 'type', render: (v: Case['type']) => t(CASE_TYPE_LABELS[v]) },
        { title: t('状态'), dataIndex: 'status', render: (v: Case['status']) => <CaseStatusTag status={v} /> },
        { title: t('单位'), dataIndex: 'orgUnitCode', render: (v: string) => unitName(v) },
        { title: t('当事人'), render: (_, r) => r.respondents.map((p) => p.name).join('、') || '—' },
        { title: t('立案日期'), dataIndex: 'filedOn', render: fmtDate },
        { title: t('期限'), render: (_, r) => <Countdown due={currentDeadline(r).due} overdue={r.overdue} suspended={r.suspended} /> },
      ]}
    />
  );
}
