import { useQuery } from '@tanstack/react-query';
import { Card, Col, DatePicker, Row, Space, Statistic, Table, Tag, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../api/client';
import { useOrgUnitName } from '../api/hooks';
import type { Referral } from '../api/types';
import { CaseLink } from '../components/CaseLink';
import { CursorTable } from '../components/CursorTable';
import { QueryState } from '../components/QueryState';
import { fmtDate } from '../lib/format';
import { label, REFERRAL_OUTCOME_LABELS, REFERRAL_ROUTE_LABELS } from '../lib/labels';

const STATUS: Record<string, string> = { referred: '已移交', acknowledged: '对方已接收', concluded: '已有结果' };

/** 移交分流: referrals that report back — the summary by route, FTZ and outcome for a period, and the list. */
export default function ReferralsPage() {
  const { t } = useTranslation();
  const unitName = useOrgUnitName();
  const [range, setRange] = useState<[Dayjs, Dayjs]>([dayjs().startOf('year'), dayjs()]);
  const from = range[0].format('YYYY-MM-DD');
  const to = range[1].format('YYYY-MM-DD');
  const summary = useQuery({
    queryKey: ['referrals', 'summary', from, to],
    queryFn: () => api.get('/api/v1/referrals/summary', { query: { from, to } }),
  });
  const rows = summary.data?.rows ?? [];
  const byRoute = new Map<string, { route: string; total: number; ftz: number; concluded: number; outcomes: Record<string, number> }>();
  for (const r of rows) {
    const e = byRoute.get(r.route) ?? { route: r.route, total: 0, ftz: 0, concluded: 0, outcomes: {} };
    e.total += r.n;
    if (r.ftz) e.ftz += r.n;
    if (r.outcome) {
      e.concluded += r.n;
      e.outcomes[r.outcome] = (e.outcomes[r.outcome] ?? 0) + r.n;
    }
    byRoute.set(r.route, e);
  }
  const total = rows.reduce((s, r) => s + r.n, 0);
  return (
    <>
      <Typography.Title level={3} className="page-title">
        {t('移交分流')}
      </Typography.Title>
      <Card
        size="small"
        style={{ marginBottom: 12 }}
        title={t('汇总')}
        extra={
          <Space>
            <label htmlFor="ref-range">{t('移交日期')}</label>
            <DatePicker.RangePicker
              id="ref-range"
              value={range}
              allowClear={false}
              onChange={(v) => v?.[0] && v[1] && setRange([v[0], v[1]])}
            />
          </Space>
        }
      >
        <QueryState loading={summary.isLoading} error={summary.error} onRetry={() => void summary.refetch()}>
          <Row gutter={12} style={{ marginBottom: 12 }}>
            <Col span={6}>
              <Statistic title={t('移交总数')} value={total} />
            </Col>
            <Col span={6}>
              <Statistic title={t('自贸区')} value={rows.filter((r) => r.ftz).reduce((s, r) => s + r.n, 0)} />
            </Col>
            <Col span={6}>
              <Statistic title={t('已有结果')} value={rows.filter((r) => r.outcome).reduce((s, r) => s + r.n, 0)} />
            </Col>
          </Row>
          <Table
            data-testid="referral-summary"
            rowKey="route"
            size="small"
            pagination={false}
            dataSource={[...byRoute.values()]}
            locale={{ emptyText: t('该期间没有移交') }}
            columns={[
              { title: t('去向'), dataIndex: 'route', render: (v: string) => t(label(REFERRAL_ROUTE_LABELS, v)) },
              { title: t('件数'), dataIndex: 'total' },
              { title: t('其中自贸区'), dataIndex: 'ftz' },
              { title: t('已有结果'), dataIndex: 'concluded' },
              {
                title: t('结果'),
                render: (_, r) =>
                  Object.entries(r.outcomes).map(([k, n]) => (
                    <Tag key={k}>
                      {t(label(REFERRAL_OUTCOME_LABELS, k))} {n}
                    </Tag>
                  )),
              },
            ]}
          />
        </QueryState>
      </Card>
      <Card size="small" title={t('移交记录')}>
        <CursorTable<Referral>
          testId="referrals"
          queryKey={['referrals', 'list']}
          fetchPage={(cursor, limit) => api.get('/api/v1/referrals', { query: { cursor, limit } })}
          emptyText={t('没有移交记录')}
          columns={[
            { title: t('案件'), render: (_, r) => <CaseLink id={r.caseId} /> },
            { title: t('单位'), render: (_, r) => unitName(r.orgUnitCode) },
            { title: t('去向'), dataIndex: 'route', render: (v: string) => t(label(REFERRAL_ROUTE_LABELS, v)) },
            { title: t('移交日期'), dataIndex: 'referredOn', render: fmtDate },
            { title: t('状态'), dataIndex: 'status', render: (v: string) => t(label(STATUS, v)) },
            { title: t('接收机关'), dataIndex: 'receivingBody', render: (v: string | null) => v ?? '—' },
            {
              title: t('结果'),
              render: (_, r) => (r.outcome ? `${t(label(REFERRAL_OUTCOME_LABELS, r.outcome))}（${fmtDate(r.outcomeOn)}）` : '—'),
            },
            { title: t('自贸区'), render: (_, r) => (r.ftz ? <Tag color="purple">{t('是')}</Tag> : null) },
          ]}
        />
      </Card>
    </>
  );
}
