import { DeleteOutlined, DownloadOutlined, SaveOutlined } from '@ant-design/icons';
import { App, Button, Card, DatePicker, Form, Input, Popconfirm, Select, Space, Tag, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { api } from '../api/client';
import { useEnforcementUnits } from '../api/hooks';
import { CASE_STATUSES, CASE_TYPES, type Case } from '../api/types';
import { useMe } from '../auth/session';
import { CursorTable } from '../components/CursorTable';
import { CaseStatusTag, Countdown, currentDeadline } from '../components/StatusTags';
import { downloadFile, queryString } from '../lib/download';
import { errorMessage } from '../lib/errors';
import { fmtDate } from '../lib/format';
import { CASE_STATUS_LABELS, CASE_TYPE_LABELS } from '../lib/labels';
import { loadFilters, saveFilters, type SavedFilter } from '../lib/saved-filters';

export interface CaseFilter {
  status?: string;
  type?: string;
  orgUnitCode?: string;
  overdue?: 'true' | 'false';
  q?: string;
  filedFrom?: string;
  filedTo?: string;
}

const FILTER_KEYS: (keyof CaseFilter)[] = ['status', 'type', 'orgUnitCode', 'overdue', 'q', 'filedFrom', 'filedTo'];

/** The filters live in the URL (shareable, back button works); saved ones in localStorage. */
export default function CaseListPage() {
  const { t } = useTranslation();
  const me = useMe();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const filter: CaseFilter = Object.fromEntries(FILTER_KEYS.map((k) => [k, params.get(k) ?? undefined]).filter(([, v]) => v)) as CaseFilter;
  const [form] = Form.useForm();
  const units = useEnforcementUnits();
  const [saved, setSaved] = useState(() => loadFilters<CaseFilter>('cases', me.id));
  const [saveName, setSaveName] = useState('');
  const [exporting, setExporting] = useState(false);
  const cityWide = me.orgUnit.kind === 'bureau';

  const apply = (f: CaseFilter) => {
    const next = new URLSearchParams();
    for (const k of FILTER_KEYS) if (f[k]) next.set(k, String(f[k]));
    setParams(next);
  };
  const fromForm = (): CaseFilter => {
    const v = form.getFieldsValue() as Record<string, unknown>;
    const range = v.filed as [Dayjs, Dayjs] | undefined;
    return {
      status: (v.status as string) || undefined,
      type: (v.type as string) || undefined,
      orgUnitCode: (v.orgUnitCode as string) || undefined,
      overdue: (v.overdue as CaseFilter['overdue']) || undefined,
      q: ((v.q as string) ?? '').trim() || undefined,
      filedFrom: range?.[0]?.format('YYYY-MM-DD'),
      filedTo: range?.[1]?.format('YYYY-MM-DD'),
    };
  };
  const formValues = {
    ...filter,
    filed: filter.filedFrom && filter.filedTo ? [dayjs(filter.filedFrom), dayjs(filter.filedTo)] : undefined,
  };
  const query = { ...filter, overdue: filter.overdue ? filter.overdue === 'true' : undefined } as Record<string, unknown>;

  return (
    <>
      <Typography.Title level={3} className="page-title">
        {t('案件')}
      </Typography.Title>
      <Card style={{ marginBottom: 16 }}>
        <Form
          form={form}
          layout="inline"
          key={params.toString()}
          initialValues={formValues}
          onFinish={() => {
            const f = fromForm();
            if (f.q && f.q.length < 2) {
              form.setFields([{ name: 'q', errors: [t('搜索词至少 2 个字')] }]);
              return;
            }
            apply(f);
          }}
          style={{ rowGap: 12 }}
        >
          <Form.Item label={t('搜索')} name="q">
            <Input allowClear placeholder={t('案号、收案号、当事人、信用代码、专利号')} style={{ width: 280 }} />
          </Form.Item>
          <Form.Item label={t('状态')} name="status">
            <Select allowClear style={{ width: 130 }} options={CASE_STATUSES.map((s) => ({ value: s, label: t(CASE_STATUS_LABELS[s]) }))} />
          </Form.Item>
          <Form.Item label={t('类型')} name="type">
            <Select allowClear style={{ width: 170 }} options={CASE_TYPES.map((s) => ({ value: s, label: t(CASE_TYPE_LABELS[s]) }))} />
          </Form.Item>
          {cityWide && (
            <Form.Item label={t('单位')} name="orgUnitCode">
              <Select allowClear style={{ width: 160 }} options={units.data?.map((u) => ({ value: u.code, label: u.name }))} />
            </Form.Item>
          )}
          <Form.Item label={t('超期')} name="overdue">
            <Select
              allowClear
              style={{ width: 100 }}
              options={[
                { value: 'true', label: t('超期') },
                { value: 'false', label: t('未超期') },
              ]}
            />
          </Form.Item>
          <Form.Item label={t('立案日期')} name="filed">
            <DatePicker.RangePicker />
          </Form.Item>
          <Space>
            <Button type="primary" htmlType="submit">
              {t('查询')}
            </Button>
            <Button onClick={() => apply({})}>{t('重置')}</Button>
          </Space>
        </Form>
        <Space wrap style={{ marginTop: 12 }}>
          <Typography.Text type="secondary">{t('常用筛选')}：</Typography.Text>
          {saved.length === 0 && <Typography.Text type="secondary">{t('无')}</Typography.Text>}
          {saved.map((s: SavedFilter<CaseFilter>) => (
            <Tag key={s.name} color="blue" style={{ cursor: 'pointer' }} onClick={() => apply(s.filter)}>
              {s.name}
              <Popconfirm
                title={t('删除这个常用筛选？')}
                onConfirm={() => {
                  const next = saved.filter((x) => x.name !== s.name);
                  setSaved(next);
                  saveFilters('cases', me.id, next);
                }}
              >
                <DeleteOutlined style={{ marginLeft: 6 }} onClick={(e) => e.stopPropagation()} aria-label={t('删除')} />
              </Popconfirm>
            </Tag>
          ))}
          <Input
            size="small"
            aria-label={t('常用筛选名称')}
            placeholder={t('名称')}
            value={saveName}
            onChange={(e) => setSaveName(e.target.value)}
            style={{ width: 120 }}
          />
          <Button
            size="small"
            icon={<SaveOutlined />}
            disabled={!saveName.trim()}
            onClick={() => {
              const next = [...saved.filter((x) => x.name !== saveName.trim()), { name: saveName.trim(), filter }];
              setSaved(next);
              saveFilters('cases', me.id, next);
              setSaveName('');
            }}
          >
            {t('保存当前筛选')}
          </Button>
          <Button
            size="small"
            icon={<DownloadOutlined />}
            loading={exporting}
            onClick={() => {
              setExporting(true);
              downloadFile(`/api/v1/cases/export?${queryString({ ...filter, format: 'xlsx' })}`, `案件-${dayjs().format('YYYYMMDD')}.xlsx`)
                .catch((e: unknown) => void message.error(errorMessage(e)))
                .finally(() => setExporting(false));
            }}
          >
            {t('导出 XLSX')}
          </Button>
        </Space>
      </Card>
      <Card>
        <CursorTable<Case>
          testId="cases-table"
          queryKey={['cases', filter]}
          fetchPage={(cursor, limit) => api.get('/api/v1/cases', { query: { ...query, cursor, limit } as never })}
          onRow={(r) => ({ onClick: () => navigate(`/cases/${r.id}`), style: { cursor: 'pointer' } })}
          rowClassName={(r) => (r.overdue ? 'row-overdue' : '')}
          emptyText={t('没有符合条件的案件')}
          columns={[
            { title: t('收案号'), dataIndex: 'receiptNo', render: (v: string, r) => <Link to={`/cases/${r.id}`}>{v}</Link> },
            { title: t('案号'), dataIndex: 'caseNo', render: (v: string | null) => v ?? '—' },
            { title: t('类型'), dataIndex: 'type', render: (v: Case['type']) => t(CASE_TYPE_LABELS[v]) },
            { title: t('状态'), dataIndex: 'status', render: (v: Case['status']) => <CaseStatusTag status={v} /> },
            { title: t('被请求人/当事人'), render: (_, r) => r.respondents.map((p) => p.name).join('、') || '—' },
            { title: t('收案日期'), dataIndex: 'receivedOn', render: fmtDate },
            { title: t('立案日期'), dataIndex: 'filedOn', render: fmtDate },
            { title: t('期限'), render: (_, r) => <Countdown due={currentDeadline(r).due} overdue={r.overdue} suspended={r.suspended} /> },
          ]}
        />
      </Card>
    </>
  );
}
