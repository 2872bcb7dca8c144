import { Card, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { api } from '../api/client';
import type { Case } from '../api/types';
import { CursorTable } from '../components/CursorTable';
import { CaseStatusTag, Countdown, currentDeadline } from '../components/StatusTags';
import { useOrgUnitName } from '../api/hooks';
import { CASE_TYPE_LABELS } from '../lib/labels';

export default function OverduePage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const unitName = useOrgUnitName();
  return (
    <>
      <Typography.Title level={3} className="page-title">
        {t('超期案件')}
      </Typography.Title>
      <Card>
        <CursorTable<Case>
          queryKey={['cases', 'overdue']}
          fetchPage={(cursor, limit) => api.get('/api/v1/cases', { query: { overdue: true, cursor, limit } })}
          onRow={(r) => ({ onClick: () => navigate(`/cases/${r.id}`), style: { cursor: 'pointer' } })}
          emptyText={t('没有超期案件')}
          columns={[
            { title: t('案号 / 收案号'), render: (_, r) => r.caseNo ?? r.receiptNo },
            { title: t('类型'), dataIndex: 'type', render: (v: Case['type']) => t(CASE_TYPE_LABELS[v]) },
            { title: t('状态'), dataIndex: 'status', render: (v: Case['status']) => <CaseStatusTag status={v} /> },
            { title: t('单位'), dataIndex: 'orgUnitCode', render: (v: string) => unitName(v) },
            { title: t('期限'), render: (_, r) => <Countdown due={currentDeadline(r).due} overdue suspended={r.suspended} /> },
          ]}
        />
      </Card>
    </>
  );
}
