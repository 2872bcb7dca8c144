import { useQuery } from '@tanstack/react-query';
import { Badge, Card, Tabs, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { api } from '../api/client';
import { OPEN_CASE_STATUSES } from '../api/types';
import { CaseTable } from '../components/CaseTable';
import { QueryState } from '../components/QueryState';

const LIMIT = 200;

/**
 * 待我审批: decisions (GET /cases?status=pending_decision) and extension requests (open cases with
 * extensionPending — the api has no filter for it, so open cases are read, up to 200 per status, and filtered).
 * Counts are of what the lists returned ("200+" when a list was cut). Filing approvals and transfers join when
 * their endpoints exist.
 */
export default function ApprovalsPage() {
  const { t } = useTranslation();
  const decisions = useQuery({
    queryKey: ['cases', 'approvals', 'decisions'],
    queryFn: () => api.get('/api/v1/cases', { query: { status: 'pending_decision', limit: LIMIT } }),
  });
  const extensions = useQuery({
    queryKey: ['cases', 'approvals', 'extensions'],
    queryFn: async () => {
      const pages = await Promise.all(
        OPEN_CASE_STATUSES.filter((s) => s !== 'received').map((status) => api.get('/api/v1/cases', { query: { status, limit: LIMIT } })),
      );
      return { items: pages.flatMap((p) => p.items).filter((c) => c.extensionPending), cut: pages.some((p) => p.nextCursor) };
    },
  });
  const count = (n: number | undefined, cut: boolean) => (n === undefined ? '…' : cut ? `${n}+` : String(n));
  return (
    <>
      <Typography.Title level={3} className="page-title">
        {t('待我审批')}
      </Typography.Title>
      <Card>
        <Tabs
          items={[
            {
              key: 'decisions',
              label: (
                <span data-testid="tab-decisions">
                  {t('处理决定')}{' '}
                  <Badge count={count(decisions.data?.items.length, !!decisions.data?.nextCursor)} showZero color="#1d39c4" />
                </span>
              ),
              children: (
                <QueryState loading={decisions.isLoading} error={decisions.error} onRetry={() => void decisions.refetch()}>
                  <CaseTable testId="pending-decisions" rows={decisions.data?.items ?? []} emptyText={t('没有待审批的处理决定')} />
                </QueryState>
              ),
            },
            {
              key: 'extensions',
              label: (
                <span>
                  {t('延期申请')} <Badge count={count(extensions.data?.items.length, !!extensions.data?.cut)} showZero color="#1d39c4" />
                </span>
              ),
              children: (
                <QueryState loading={extensions.isLoading} error={extensions.error} onRetry={() => void extensions.refetch()}>
                  <CaseTable rows={extensions.data?.items ?? []} emptyText={t('没有待审批的延期申请')} />
                </QueryState>
              ),
            },
          ]}
        />
      </Card>
    </>
  );
}
