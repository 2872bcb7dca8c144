import { useQuery } from '@tanstack/react-query';
import { Timeline, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { api } from '../../../api/client';
import { useUserName } from '../../../api/hooks';
import type { Case } from '../../../api/types';
import { QueryState } from '../../../components/QueryState';
import { fmtDateTime } from '../../../lib/format';
import { defineCaseTab } from '../define';
import { CASE_ACTION_LABELS, CASE_STATUS_LABELS, label } from '../../../lib/labels';

const summarize = (p: Record<string, unknown> | null): string =>
  p
    ? Object.entries(p)
        .filter(([, v]) => v !== null && v !== undefined && typeof v !== 'object')
        .map(([k, v]) => `${k}: ${String(v)}`)
        .join('，')
    : '';

function TimelineTab({ caseData }: { caseData: Case }) {
  const { t } = useTranslation();
  const name = useUserName();
  const q = useQuery({
    queryKey: ['case', caseData.id, 'events', caseData.version],
    queryFn: () => api.get('/api/v1/cases/{id}/events', { path: { id: caseData.id } }),
  });
  return (
    <QueryState loading={q.isLoading} error={q.error} empty={q.data?.length === 0} onRetry={() => void q.refetch()}>
      <Timeline
        items={(q.data ?? []).map((e) => ({
          children: (
            <div>
              <Typography.Text strong>{t(label(CASE_ACTION_LABELS, e.action))}</Typography.Text>{' '}
              <Typography.Text type="secondary">
                {fmtDateTime(e.at)} · {name(e.actorId)}
                {e.fromStatus ? ` · ${t(label(CASE_STATUS_LABELS, e.fromStatus))} → ` : ' · '}
                {t(label(CASE_STATUS_LABELS, e.toStatus))}
              </Typography.Text>
              {summarize(e.payload) && <div style={{ color: '#595959' }}>{summarize(e.payload)}</div>}
            </div>
          ),
        }))}
      />
    </QueryState>
  );
}

export default defineCaseTab({ key: 'timeline', label: '时间线', order: 30, Component: TimelineTab });
