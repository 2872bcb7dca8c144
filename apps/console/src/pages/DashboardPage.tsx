import { useQuery } from '@tanstack/react-query';
import { Alert, Card, Col, DatePicker, Form, Row, Select, Space, Statistic, Table, Tag, Tooltip, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../api/client';
import { useEnforcementUnits } from '../api/hooks';
import { CASE_TYPES, type Kpi } from '../api/types';
import { useMe } from '../auth/session';
import { EChart } from '../components/EChart';
import { QueryState } from '../components/QueryState';
import { fmtDate, fmtDateTime, fmtPercent } from '../lib/format';
import { CASE_TYPE_LABELS } from '../lib/labels';

const KPI_UNITS: Record<string, string> = { ratio: '比率', days: '天', count: '件', score: '分' };
const KPI_SOURCES: Record<string, string> = { cases: '案件', hotline: '12330', credit: '信用公示', transfers: '移送' };

function kpiValue(k: Kpi): string {
  if (!k.available || k.value === null) return '—';
  if (k.unit === 'ratio') return fmtPercent(k.value);
  if (k.unit === 'days') return `${k.value} 天`;
  return k.value.toLocaleString('zh-CN');
}

/** 年度目标与 KPI: GET /metrics/target-progress and /metrics/kpis (precomputed counts; fast at a million cases). */
export default function DashboardPage() {
  const { t } = useTranslation();
  const me = useMe();
  const units = useEnforcementUnits();
  const [year, setYear] = useState(dayjs().year());
  const [unit, setUnit] = useState<string>(me.orgUnit.kind === 'district' ? me.orgUnit.code : '120000');
  const [range, setRange] = useState<[Dayjs, Dayjs]>([dayjs().startOf('year'), dayjs()]);
  const progress = useQuery({
    queryKey: ['metrics', 'progress', year, unit],
    queryFn: () => api.get('/api/v1/metrics/target-progress', { query: { year, orgUnitCode: unit } }),
  });
  const kpis = useQuery({
    queryKey: ['metrics', 'kpis', unit, range[0].format('YYYY-MM-DD'), range[1].format('YYYY-MM-DD')],
    queryFn: () =>
      api.get('/api/v1/metrics/kpis', {
        query: { orgUnitCode: unit, from: range[0].format('YYYY-MM-DD'), to: range[1].format('YYYY-MM-DD') },
      }),
  });
  const p = progress.data;

  const monthOption = useMemo(
    () =>
      p && {
        tooltip: { trigger: 'axis' },
        legend: { top: 0, data: [t('当月立案'), t('累计立案'), t('应完成累计')] },
        grid: { left: 40, right: 20, top: 40, bottom: 30 },
        xAxis: { type: 'category', data: p.byMonth.map((m) => `${Number(m.month.slice(5))}${t('月')}`) },
        yAxis: { type: 'value', minInterval: 1 },
        series: [
          { name: t('当月立案'), type: 'bar', data: p.byMonth.map((m) => m.filed), itemStyle: { color: '#91caff' } },
          { name: t('累计立案'), type: 'line', data: p.byMonth.map((m) => m.cumulative), itemStyle: { color: '#1d39c4' } },
          {
            name: t('应完成累计'),
            type: 'line',
            data: p.byMonth.map((m) => m.expectedCumulative),
            lineStyle: { type: 'dashed' },
            itemStyle: { color: '#fa8c16' },
          },
        ],
      },
    [p, t],
  );
  const unitOption = useMemo(
    () =>
      p && {
        tooltip: { trigger: 'axis' },
        legend: { top: 0, data: [t('已立案'), t('目标')] },
        grid: { left: 90, right: 20, top: 30, bottom: 20 },
        yAxis: { type: 'category', data: p.byOrgUnit.map((u) => u.name), inverse: true },
        xAxis: { type: 'value', minInterval: 1 },
        series: [
          { name: t('已立案'), type: 'bar', data: p.byOrgUnit.map((u) => u.filed), itemStyle: { color: '#1d39c4' } },
          { name: t('目标'), type: 'bar', data: p.byOrgUnit.map((u) => u.target ?? 0), itemStyle: { color: '#d9d9d9' } },
        ],
      },
    [p, t],
  );
  const typeOption = useMemo(
    () =>
      p && {
        tooltip: { trigger: 'item' },
        legend: { bottom: 0 },
        series: [
          {
            type: 'pie',
            radius: ['40%', '68%'],
            data: CASE_TYPES.map((k) => ({ name: t(CASE_TYPE_LABELS[k]), value: p.byType[k] ?? 0 })),
          },
        ],
      },
    [p, t],
  );

  return (
    <>
      <Space style={{ marginBottom: 12 }} wrap>
        <Typography.Title level={3} style={{ margin: 0 }}>
          {t('年度目标与KPI')}
        </Typography.Title>
        <label htmlFor="dash-year">{t('年度')}</label>
        <Select
          id="dash-year"
          value={year}
          onChange={setYear}
          style={{ width: 100 }}
          options={[0, 1, 2, 3].map((d) => ({ value: dayjs().year() - d, label: String(dayjs().year() - d) }))}
        />
        <label htmlFor="dash-unit">{t('单位')}</label>
        <Select
          id="dash-unit"
          value={unit}
          onChange={setUnit}
          style={{ width: 180 }}
          disabled={me.orgUnit.kind !== 'bureau' && !me.roles.includes('admin')}
          options={units.data?.map((u) => ({ value: u.code, label: u.kind === 'bureau' ? t('全市') : u.name }))}
        />
      </Space>
      <QueryState loading={progress.isLoading} error={progress.error} onRetry={() => void progress.refetch()}>
        {p && (
          <>
            <Row gutter={12} style={{ marginBottom: 12 }}>
              <Col span={4}>
                <Card size="small">
                  <Statistic title={t('年度目标')} value={p.target ?? '—'} suffix={p.target ? t('件') : undefined} />
                </Card>
              </Col>
              <Col span={4}>
                <Card size="small" data-testid="filed">
                  <Statistic title={t('已立案')} value={p.filed} suffix={t('件')} />
                </Card>
              </Col>
              <Col span={4}>
                <Card size="small">
                  <Statistic title={t('应完成（至今）')} value={p.expectedToDate ?? '—'} />
                </Card>
              </Col>
              <Col span={4}>
                <Card size="small">
                  <Statistic
                    title={t('进度')}
                    value={p.pace === null ? '—' : fmtPercent(p.pace)}
                    valueStyle={{ color: p.onTrack === false ? '#cf1322' : '#389e0d' }}
                  />
                </Card>
              </Col>
              <Col span={5}>
                <Card size="small">
                  <Tooltip
                    title={
                      p.projectedInterval
                        ? t('95% 区间 {{low}}–{{high}}', { low: p.projectedInterval.low, high: p.projectedInterval.high })
                        : undefined
                    }
                  >
                    <Statistic
                      title={t('预计全年')}
                      value={p.projectedYearEnd ?? '—'}
                      suffix={
                        p.projectedInterval ? (
                          <span style={{ fontSize: 13 }}>
                            （{p.projectedInterval.low}–{p.projectedInterval.high}）
                          </span>
                        ) : undefined
                      }
                    />
                  </Tooltip>
                </Card>
              </Col>
              <Col span={3}>
                <Card size="small">
                  <Statistic
                    title={t('是否达标')}
                    value={p.onTrack === null ? '—' : p.onTrack ? t('达标') : t('落后')}
                    valueStyle={{ color: p.onTrack === false ? '#cf1322' : '#389e0d' }}
                  />
                </Card>
              </Col>
            </Row>
            <Typography.Paragraph type="secondary">
              {t('{{name}} · 截至 {{asOf}} · 剩余 {{remaining}} 件 · 自贸区 {{ftz}}（{{ftzShare}}）· 电商 {{ec}}（{{ecShare}}）', {
                name: p.orgUnitName,
                asOf: fmtDate(p.asOf),
                remaining: p.remaining ?? '—',
                ftz: p.ftz.filed,
                ftzShare: fmtPercent(p.ftz.share),
                ec: p.ecommerce.filed,
                ecShare: fmtPercent(p.ecommerce.share),
              })}
              {' · '}
              {p.expectation === 'seasonal' ? t('按往年季节规律测算') : t('按工作日线性测算')}
            </Typography.Paragraph>
            <Row gutter={12} style={{ marginBottom: 12 }}>
              <Col span={14}>
                <Card size="small" title={t('按月：立案与应完成累计')}>
                  {monthOption && <EChart option={monthOption} label={t('按月立案图')} />}
                </Card>
              </Col>
              <Col span={10}>
                <Card size="small" title={t('按案件类型')}>
                  {typeOption && <EChart option={typeOption} label={t('按类型图')} />}
                </Card>
              </Col>
            </Row>
            {p.byOrgUnit.length > 1 && (
              <Card size="small" title={t('按单位')} style={{ marginBottom: 12 }}>
                {unitOption && <EChart option={unitOption} height={Math.max(240, p.byOrgUnit.length * 26)} label={t('按单位图')} />}
              </Card>
            )}
          </>
        )}
      </QueryState>
      <Card
        size="small"
        title={t('KPI')}
        extra={
          <Form layout="inline">
            <Form.Item label={t('统计期间')}>
              <DatePicker.RangePicker picker="month" value={range} onChange={(v) => v?.[0] && v[1] && setRange([v[0], v[1]])} />
            </Form.Item>
          </Form>
        }
      >
        <QueryState loading={kpis.isLoading} error={kpis.error} onRetry={() => void kpis.refetch()}>
          {kpis.data && (
            <>
              <Table<Kpi>
                rowKey="key"
                size="small"
                pagination={false}
                dataSource={kpis.data.kpis}
                columns={[
                  { title: t('指标'), dataIndex: 'label', render: (v: string, k) => <Tooltip title={k.definition}>{v}</Tooltip> },
                  { title: t('数值'), render: (_, k) => <strong>{kpiValue(k)}</strong> },
                  { title: t('单位'), dataIndex: 'unit', render: (u: string) => t(KPI_UNITS[u] ?? u) },
                  {
                    title: t('来源'),
                    render: (_, k) => (k.available ? t(KPI_SOURCES[k.source] ?? k.source) : <Tag>{t('暂无数据源')}</Tag>),
                  },
                ]}
              />
              <Typography.Text type="secondary">
                {t('统计月份 {{from}} 至 {{to}}；实时状态更新于 {{at}}', {
                  from: kpis.data.months.from,
                  to: kpis.data.months.to,
                  at: fmtDateTime(kpis.data.liveStatesAsOf),
                })}
              </Typography.Text>
            </>
          )}
        </QueryState>
      </Card>
      {me.roles.includes('officer') && !me.roles.includes('supervisor') && (
        <Alert style={{ marginTop: 12 }} type="info" message={t('执法人员可查看本单位的进度和 KPI（只读）。')} />
      )}
    </>
  );
}
