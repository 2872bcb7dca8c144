import { useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Form, InputNumber, Select, Space, Table, Typography } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../api/client';
import { useEnforcementUnits } from '../api/hooks';
import { QueryState } from '../components/QueryState';
import { applyFieldErrors, errorMessage } from '../lib/errors';
import { fmtDateTime } from '../lib/format';

/** PUT /metrics/targets/:year (the city bureau's supervisor and admins; a district supervisor gets 403). */
export default function TargetsPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [year, setYear] = useState(dayjs().year());
  const [form] = Form.useForm();
  const units = useEnforcementUnits();
  const queryClient = useQueryClient();
  const [saving, setSaving] = useState(false);
  const q = useQuery({
    queryKey: ['targets', year],
    queryFn: () => api.get('/api/v1/metrics/targets/{year}', { path: { year: String(year) } }),
  });
  const current = new Map(q.data?.targets.map((x) => [x.orgUnitCode, x.target]));
  return (
    <>
      <Space style={{ marginBottom: 12 }}>
        <Typography.Title level={3} style={{ margin: 0 }}>
          {t('年度目标设置')}
        </Typography.Title>
        <label htmlFor="targets-year">{t('年度')}</label>
        <Select
          id="targets-year"
          value={year}
          onChange={setYear}
          style={{ width: 100 }}
          options={[-1, 0, 1].map((d) => ({ value: dayjs().year() + d, label: String(dayjs().year() + d) }))}
        />
      </Space>
      <QueryState loading={q.isLoading || units.isLoading} error={q.error ?? units.error} onRetry={() => void q.refetch()}>
        <Card title={t('各单位立案目标（件）')}>
          <Form
            form={form}
            key={`${year}-${q.dataUpdatedAt}`}
            layout="horizontal"
            labelCol={{ span: 8 }}
            onFinish={async (v: Record<string, number | null>) => {
              const targets = Object.entries(v)
                .filter(([code, n]) => n !== null && n !== undefined && n !== current.get(code))
                .map(([orgUnitCode, target]) => ({ orgUnitCode, target: target as number }));
              if (!targets.length) {
                void message.info(t('没有改动'));
                return;
              }
              setSaving(true);
              try {
                await api.put('/api/v1/metrics/targets/{year}', { targets }, { path: { year: String(year) } });
                void message.success(t('已保存 {{n}} 个单位的目标', { n: targets.length }));
                await queryClient.invalidateQueries({ queryKey: ['targets', year] });
              } catch (e) {
                applyFieldErrors(form, e);
                void message.error(errorMessage(e));
              } finally {
                setSaving(false);
              }
            }}
          >
            <div style={{ display: 'grid', gridTemplateColumns: 'repeat(3, 1fr)', columnGap: 16 }}>
              {units.data?.map((u) => (
                <Form.Item key={u.code} label={u.name} name={u.code} initialValue={current.get(u.code)} style={{ marginBottom: 10 }}>
                  <InputNumber min={0} max={100000} style={{ width: 120 }} />
                </Form.Item>
              ))}
            </div>
            <Button type="primary" htmlType="submit" loading={saving}>
              {t('保存')}
            </Button>
          </Form>
        </Card>
        <Card title={t('修改记录')} style={{ marginTop: 12 }}>
          <Table
            rowKey={(r) => `${r.orgUnitCode}-${r.setAt}`}
            size="small"
            dataSource={q.data?.history}
            pagination={{ pageSize: 10 }}
            columns={[
              { title: t('单位'), dataIndex: 'orgUnitCode', render: (c: string) => units.data?.find((u) => u.code === c)?.name ?? c },
              { title: t('目标'), dataIndex: 'target' },
              { title: t('设置时间'), dataIndex: 'setAt', render: fmtDateTime },
            ]}
          />
        </Card>
      </QueryState>
    </>
  );
}
