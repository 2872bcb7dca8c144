import { useQuery } from '@tanstack/react-query';
import { Alert, App, Button, Card, Checkbox, Col, DatePicker, Form, Input, Row, Select, Space, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { api } from '../api/client';
import { useEnforcementUnits } from '../api/hooks';
import { CASE_SOURCES, CASE_TYPES, type Case, type CreateCaseBody, type PartyBody } from '../api/types';
import { useMe } from '../auth/session';
import { PartyList } from '../components/PartyList';
import { PatentList } from '../components/PatentList';
import { useDebounced } from '../lib/use-debounced';
import { applyFieldErrors, errorMessage } from '../lib/errors';
import { CASE_SOURCE_LABELS, CASE_TYPE_LABELS } from '../lib/labels';

interface IntakeValues {
  type: CreateCaseBody['type'];
  source: CreateCaseBody['source'];
  orgUnitCode: string;
  receivedOn: Dayjs;
  summary: string;
  requesters?: Partial<PartyBody>[];
  respondents?: Partial<PartyBody>[];
  patents?: { number: string; title?: string }[];
  flags?: ('ftz' | 'fastTrack' | 'reportReceived')[];
  ecommerce?: { platform?: string; storeName?: string; listingUrl?: string };
}

const clean = <T extends object>(o: T): T =>
  Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined && v !== null && v !== '')) as T;

export function toCreateCaseBody(v: IntakeValues): CreateCaseBody {
  const party = (p: Partial<PartyBody>): PartyBody =>
    clean({ ...p, uscc: p.uscc?.trim().toUpperCase(), idNumber: p.idNumber?.trim().toUpperCase() }) as PartyBody;
  const flags = new Set(v.flags ?? []);
  return clean({
    type: v.type,
    source: v.source,
    orgUnitCode: v.orgUnitCode,
    receivedOn: v.receivedOn.format('YYYY-MM-DD'),
    summary: v.summary.trim(),
    requesters: (v.requesters ?? []).map(party),
    respondents: (v.respondents ?? []).map(party),
    patents: (v.patents ?? []).map((p) => clean({ number: p.number.trim(), title: p.title?.trim() })),
    ftz: flags.has('ftz') || undefined,
    fastTrack: flags.has('fastTrack') || undefined,
    reportReceived: flags.has('reportReceived') || undefined,
    ecommerce: v.source === 'ecommerce' && v.ecommerce?.platform ? (clean(v.ecommerce) as CreateCaseBody['ecommerce']) : undefined,
  });
}

/** Earlier cases with the same respondent name or code, while the form is being filled in (GET /cases?q=). */
function DuplicateHints({ terms }: { terms: string[] }) {
  const { t } = useTranslation();
  const debounced = useDebounced(terms.filter((x) => x.length >= 2).slice(0, 3), 400);
  const q = useQuery({
    queryKey: ['case-dupes', debounced],
    enabled: debounced.length > 0,
    queryFn: async () => {
      const pages = await Promise.all(debounced.map((term) => api.get('/api/v1/cases', { query: { q: term, limit: 5 } })));
      const seen = new Map<string, Case>();
      for (const p of pages) for (const c of p.items) seen.set(c.id, c);
      return [...seen.values()];
    },
  });
  if (!q.data?.length) return null;
  return (
    <Alert
      type="warning"
      showIcon
      style={{ marginBottom: 16 }}
      message={t('可能重复：已有涉及相同当事人的案件')}
      description={
        <Space wrap>
          {q.data.map((c) => (
            <Link key={c.id} to={`/cases/${c.id}`} target="_blank">
              {c.caseNo ?? c.receiptNo}（{c.respondents.map((r) => r.name).join('、')}）
            </Link>
          ))}
        </Space>
      }
    />
  );
}

export default function CaseIntakePage() {
  const { t } = useTranslation();
  const me = useMe();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const [form] = Form.useForm<IntakeValues>();
  const units = useEnforcementUnits();
  const [saving, setSaving] = useState(false);
  const [unplaced, setUnplaced] = useState<{ field: string; message: string }[]>([]);
  const idempotencyKey = useMemo(() => crypto.randomUUID(), []);
  const respondents = Form.useWatch('respondents', form) as Partial<PartyBody>[] | undefined;
  const source = Form.useWatch('source', form);
  const terms = (respondents ?? []).flatMap((r) => [r?.name?.trim() ?? '', r?.uscc?.trim() ?? '']).filter(Boolean);

  const submit = async (v: IntakeValues) => {
    setSaving(true);
    setUnplaced([]);
    try {
      const created = await api.post('/api/v1/cases', toCreateCaseBody(v), { headers: { 'Idempotency-Key': idempotencyKey } });
      void message.success(t('已收案：{{no}}', { no: created.receiptNo }));
      navigate(`/cases/${created.id}`);
    } catch (e) {
      const rest = applyFieldErrors(form, e);
      setUnplaced(rest);
      void message.error(errorMessage(e));
    } finally {
      setSaving(false);
    }
  };

  return (
    <>
      <Typography.Title level={3} className="page-title">
        {t('收案')}
      </Typography.Title>
      <Form<IntakeValues>
        form={form}
        layout="vertical"
        onFinish={submit}
        scrollToFirstError
        initialValues={{
          orgUnitCode: me.orgUnit.code,
          receivedOn: dayjs(),
          source: 'complaint',
          requesters: [{ kind: 'organization' }],
          respondents: [{ kind: 'organization' }],
          patents: [{}],
        }}
      >
        <Card size="small" title={t('基本信息')} style={{ marginBottom: 16 }}>
          <Row gutter={12}>
            <Col span={6}>
              <Form.Item label={t('案件类型')} name="type" rules={[{ required: true, message: t('请选择案件类型') }]}>
                <Select options={CASE_TYPES.map((x) => ({ value: x, label: t(CASE_TYPE_LABELS[x]) }))} />
              </Form.Item>
            </Col>
            <Col span={5}>
              <Form.Item label={t('案件来源')} name="source" rules={[{ required: true }]}>
                <Select options={CASE_SOURCES.map((x) => ({ value: x, label: t(CASE_SOURCE_LABELS[x]) }))} />
              </Form.Item>
            </Col>
            <Col span={6}>
              <Form.Item label={t('办案单位')} name="orgUnitCode" rules={[{ required: true }]}>
                <Select showSearch optionFilterProp="label" options={units.data?.map((u) => ({ value: u.code, label: u.name }))} />
              </Form.Item>
            </Col>
            <Col span={4}>
              <Form.Item label={t('收案日期')} name="receivedOn" rules={[{ required: true }]}>
                <DatePicker style={{ width: '100%' }} disabledDate={(d) => d.isAfter(dayjs(), 'day')} />
              </Form.Item>
            </Col>
          </Row>
          <Form.Item label={t('案情摘要')} name="summary" rules={[{ required: true, message: t('请填写案情摘要') }]}>
            <Input.TextArea rows={3} maxLength={4000} showCount />
          </Form.Item>
          <Form.Item label={t('标记')} name="flags">
            <Checkbox.Group
              options={[
                { value: 'ftz', label: t('自贸区案件') },
                { value: 'fastTrack', label: t('快速协同保护') },
                { value: 'reportReceived', label: t('收到举报') },
              ]}
            />
          </Form.Item>
          {source === 'ecommerce' && (
            <Row gutter={12}>
              <Col span={6}>
                <Form.Item label={t('电商平台')} name={['ecommerce', 'platform']} rules={[{ required: true }]}>
                  <Input />
                </Form.Item>
              </Col>
              <Col span={6}>
                <Form.Item label={t('店铺名称')} name={['ecommerce', 'storeName']}>
                  <Input />
                </Form.Item>
              </Col>
              <Col span={12}>
                <Form.Item label={t('商品链接')} name={['ecommerce', 'listingUrl']}>
                  <Input />
                </Form.Item>
              </Col>
            </Row>
          )}
        </Card>
        <PartyList name="requesters" title="请求人" withRole />
        <DuplicateHints terms={terms} />
        <PartyList name="respondents" title="被请求人" minOne />
        <PatentList />
        {unplaced.length > 0 && (
          <Alert type="error" showIcon style={{ marginBottom: 16 }} message={unplaced.map((u) => `${u.field}: ${u.message}`).join('；')} />
        )}
        <Space>
          <Button type="primary" htmlType="submit" loading={saving}>
            {t('保存收案')}
          </Button>
          <Button onClick={() => navigate(-1)}>{t('取消')}</Button>
        </Space>
      </Form>
    </>
  );
}
