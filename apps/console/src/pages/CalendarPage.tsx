import { InboxOutlined } from '@ant-design/icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Form, Input, Select, Space, Statistic, Table, Tag, Typography, Upload } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../api/client';
import type { CalendarDay } from '../api/types';
import { QueryState } from '../components/QueryState';
import { applyFieldErrors, errorMessage } from '../lib/errors';
import { fmtDate, fmtDateTime } from '../lib/format';

const WEEKDAYS = ['星期日', '星期一', '星期二', '星期三', '星期四', '星期五', '星期六'];

/** Dates typed or pasted one per line, or separated by commas, spaces or 、. */
export function parseDates(text: string | undefined): string[] {
  return (text ?? '')
    .split(/[\s,，、;；]+/)
    .map((s) => s.trim())
    .filter(Boolean);
}

interface LoadForm {
  source: string;
  holidays?: string;
  workdays?: string;
}

/**
 * 工作日历: the statutory calendar every deadline is counted on (Art. 85: the law's 日 are working days). A year's
 * holidays and make-up working days with where each comes from; an admin loads a newer year's official schedule
 * (`PUT /calendar/:year`, the same as `npm run cli -- calendar:load`), and open cases' deadlines are recomputed.
 */
export default function CalendarPage() {
  const { t } = useTranslation();
  const { message, modal } = App.useApp();
  const queryClient = useQueryClient();
  const [year, setYear] = useState(dayjs().year() + 1);
  const [form] = Form.useForm<LoadForm>();
  const [saving, setSaving] = useState(false);
  const q = useQuery({
    queryKey: ['calendar', year],
    queryFn: () => api.get('/api/v1/calendar/{year}', { path: { year: String(year) } }),
  });
  const years = [
    ...new Set([...(q.data?.coveredYears ?? []), dayjs().year() - 1, dayjs().year(), dayjs().year() + 1, dayjs().year() + 2]),
  ].sort();

  const submit = (v: LoadForm) => {
    const body = { source: v.source?.trim() ?? '', holidays: parseDates(v.holidays), workdays: parseDates(v.workdays) };
    modal.confirm({
      title: t('载入 {{year}} 年的节假日安排？', { year }),
      content: t('放假 {{h}} 天、调休上班 {{w}} 天。载入后，期限落在这些日子的在办案件会重新计算期限（记入审计日志）。', {
        h: body.holidays.length,
        w: body.workdays.length,
      }),
      okText: t('载入'),
      cancelText: t('取消'),
      onOk: async () => {
        setSaving(true);
        try {
          const res = await api.put('/api/v1/calendar/{year}', body, { path: { year: String(year) } });
          void message.success(t('已载入 {{n}} 天；{{m}} 件在办案件的期限已重新计算', { n: res.days, m: res.recomputed }));
          form.resetFields();
          await queryClient.invalidateQueries({ queryKey: ['calendar', year] });
        } catch (e) {
          applyFieldErrors(form, e);
          void message.error(errorMessage(e));
        } finally {
          setSaving(false);
        }
      },
    });
  };

  const fromFile = async (file: File) => {
    try {
      const parsed = JSON.parse(await file.text()) as { source?: unknown; holidays?: unknown; workdays?: unknown };
      const list = (x: unknown) => (Array.isArray(x) ? x.map(String).join('\n') : '');
      form.setFieldsValue({
        source: typeof parsed.source === 'string' ? parsed.source : '',
        holidays: list(parsed.holidays),
        workdays: list(parsed.workdays),
      });
      void message.info(t('已读取文件，请核对后载入'));
    } catch {
      void message.error(t('不是节假日安排的 JSON 文件（{ source, holidays, workdays }）'));
    }
    return false;
  };

  return (
    <>
      <Space style={{ marginBottom: 12 }}>
        <Typography.Title level={3} style={{ margin: 0 }}>
          {t('工作日历')}
        </Typography.Title>
        <label htmlFor="calendar-year">{t('年度')}</label>
        <Select
          id="calendar-year"
          data-testid="calendar-year"
          value={year}
          onChange={setYear}
          style={{ width: 100 }}
          options={years.map((y) => ({ value: y, label: String(y) }))}
        />
      </Space>
      <QueryState loading={q.isLoading} error={q.error} onRetry={() => void q.refetch()}>
        {q.data && (
          <>
            <Card style={{ marginBottom: 12 }}>
              <Space size={48} align="start">
                <Statistic title={t('工作日')} value={q.data.workingDays} suffix={t('天')} />
                <Statistic
                  title={t('放假（工作日以外）')}
                  value={q.data.days.filter((d) => d.kind === 'holiday').length}
                  suffix={t('天')}
                />
                <Statistic title={t('调休上班')} value={q.data.days.filter((d) => d.kind === 'workday').length} suffix={t('天')} />
                <div data-testid="calendar-official">
                  {q.data.official ? (
                    <Tag color="green">{t('已有官方安排')}</Tag>
                  ) : (
                    <Alert
                      type="warning"
                      showIcon
                      message={t('尚无 {{year}} 年的官方安排', { year })}
                      description={t('期限暂按周一至周五计算，显示为“暂定”；国务院办公厅公布安排后请在下方载入。')}
                    />
                  )}
                </div>
              </Space>
            </Card>
            <Card title={t('节假日与调休')} style={{ marginBottom: 12 }}>
              <Table<CalendarDay>
                data-testid="calendar-days"
                rowKey="date"
                size="small"
                dataSource={q.data.days}
                pagination={{ pageSize: 12, showSizeChanger: false }}
                locale={{ emptyText: t('没有节假日安排（周一至周五为工作日）') }}
                columns={[
                  { title: t('日期'), dataIndex: 'date', render: fmtDate },
                  { title: t('星期'), dataIndex: 'date', key: 'weekday', render: (d: string) => t(WEEKDAYS[dayjs(d).day()]) },
                  {
                    title: t('类型'),
                    dataIndex: 'kind',
                    render: (k: string) => (k === 'holiday' ? <Tag color="red">{t('放假')}</Tag> : <Tag color="blue">{t('调休上班')}</Tag>),
                  },
                  {
                    title: t('来源'),
                    render: (_, d) => (d.origin === 'loaded' ? (d.source ?? t('管理员载入')) : t('随系统发布的法定节假日数据')),
                  },
                  { title: t('载入时间'), dataIndex: 'loadedAt', render: (v: string | null) => (v ? fmtDateTime(v) : '—') },
                ]}
              />
            </Card>
            <Card title={t('载入 {{year}} 年的官方安排', { year })}>
              <Upload.Dragger
                accept=".json,application/json"
                showUploadList={false}
                beforeUpload={(f) => fromFile(f)}
                style={{ marginBottom: 16 }}
              >
                <p className="ant-upload-drag-icon">
                  <InboxOutlined />
                </p>
                <p>{t('拖入或点击选择 JSON 文件（与命令行 calendar:load 相同的格式），或在下方填写')}</p>
              </Upload.Dragger>
              <Form form={form} layout="vertical" onFinish={submit} style={{ maxWidth: 720 }}>
                <Form.Item label={t('依据的通知')} name="source" rules={[{ required: true, message: t('请填写通知名称') }]}>
                  <Input placeholder={t('国务院办公厅关于{{year}}年部分节假日安排的通知', { year })} maxLength={200} />
                </Form.Item>
                <Form.Item label={t('放假日期')} name="holidays" extra={t('每行一个 YYYY-MM-DD，或用逗号分隔')}>
                  <Input.TextArea rows={4} placeholder={`${year}-01-01`} />
                </Form.Item>
                <Form.Item label={t('调休上班日期')} name="workdays" extra={t('周末上班的日期')}>
                  <Input.TextArea rows={2} />
                </Form.Item>
                <Button type="primary" htmlType="submit" loading={saving} data-testid="calendar-load">
                  {t('载入')}
                </Button>
              </Form>
            </Card>
          </>
        )}
      </QueryState>
    </>
  );
}
