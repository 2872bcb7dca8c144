import { useQuery } from '@tanstack/react-query';
import { Alert, App, Button, Card, Checkbox, Col, Form, Input, Radio, Row, Select, Space, Typography } from 'antd';
import { useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { api } from '../api/client';
import { useEnforcementUnits } from '../api/hooks';
import { TICKET_CATEGORIES, TICKET_CHANNELS, type CreateTicketBody, type Ticket } from '../api/types';
import { applyFieldErrors, errorMessage } from '../lib/errors';
import { parsePatentNumber, ruleOf, validateCallerPhone, validateResidentId } from '../lib/identifiers';
import { DUPLICATE_REASON_LABELS, TICKET_CATEGORY_LABELS, TICKET_CHANNEL_LABELS } from '../lib/labels';
import { useDebounced } from '../lib/use-debounced';

interface TicketValues {
  phone?: string;
  name?: string;
  category: CreateTicketBody['category'];
  channel: CreateTicketBody['channel'];
  anonymous?: boolean;
  organization?: string;
  idNumber?: string;
  subject: string;
  description: string;
  respondentName?: string;
  patents?: string;
  industry?: string;
  orgUnitCode?: string;
}

const splitPatents = (s: string | undefined) =>
  (s ?? '')
    .split(/[,，;；、\n]+/)
    .map((x) => x.trim())
    .filter(Boolean);

export function toTicketBody(v: TicketValues): CreateTicketBody {
  const anonymous = v.category === 'report' && !!v.anonymous;
  const opt = (s: string | undefined) => s?.trim() || undefined;
  return {
    channel: v.channel,
    category: v.category,
    caller: anonymous
      ? { anonymous: true }
      : { name: opt(v.name), phone: opt(v.phone), idNumber: opt(v.idNumber)?.toUpperCase(), organization: opt(v.organization) },
    subject: v.subject.trim(),
    description: v.description.trim(),
    respondentName: opt(v.respondentName),
    patentNumbers: splitPatents(v.patents).length ? splitPatents(v.patents) : undefined,
    industry: opt(v.industry),
    orgUnitCode: v.orgUnitCode || undefined,
  };
}

const patentsRule = {
  validator: (_: unknown, v: string | undefined) => {
    const bad = splitPatents(v)
      .map((p) => [p, parsePatentNumber(p)] as const)
      .find(([, r]) => !r.ok);
    return bad ? Promise.reject(new Error(`${bad[0]}：${(bad[1] as { reason: string }).reason}`)) : Promise.resolve();
  },
};

/** Earlier tickets about the same respondent or patent (GET /hotline/tickets?q=), while the call goes on. */
function usePossibleDuplicates(respondent: string | undefined, patents: string | undefined) {
  const terms = useDebounced(
    [respondent?.trim() ?? '', ...splitPatents(patents).filter((p) => parsePatentNumber(p).ok)].filter((x) => x.length >= 2).slice(0, 3),
    350,
  );
  return useQuery({
    queryKey: ['ticket-dupes', terms],
    enabled: terms.length > 0,
    queryFn: async () => {
      const pages = await Promise.all(terms.map((q) => api.get('/api/v1/hotline/tickets', { query: { q, limit: 5 } })));
      const seen = new Map<string, Ticket>();
      for (const p of pages) for (const t of p.items) seen.set(t.id, t);
      return [...seen.values()];
    },
  });
}

/**
 * 来电登记, built for a call in progress: the phone field has the focus, Tab walks the fields in the order a call
 * goes, Enter in a one-line field or Ctrl+Enter anywhere saves, and the form is cleared for the next call.
 */
export default function TicketEntryPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const [form] = Form.useForm<TicketValues>();
  const units = useEnforcementUnits();
  const [saving, setSaving] = useState(false);
  const [saved, setSaved] = useState<Ticket | null>(null);
  const [callKey, setCallKey] = useState(() => crypto.randomUUID());
  const firstField = useRef<HTMLInputElement>(null);
  const category = Form.useWatch('category', form);
  const anonymous = Form.useWatch('anonymous', form);
  const respondent = Form.useWatch('respondentName', form);
  const patents = Form.useWatch('patents', form);
  const dupes = usePossibleDuplicates(respondent, patents);
  const initial = useMemo(() => ({ category: 'consultation' as const, channel: 'phone' as const }), []);

  const submit = async (v: TicketValues) => {
    setSaving(true);
    try {
      const ticket = await api.post('/api/v1/hotline/tickets', toTicketBody(v), { headers: { 'Idempotency-Key': callKey } });
      setSaved(ticket);
      void message.success(t('已登记工单 {{no}}', { no: ticket.ticketNo }));
      form.resetFields();
      setCallKey(crypto.randomUUID());
      setTimeout(() => firstField.current?.focus(), 0);
    } catch (e) {
      applyFieldErrors(form, e, (f) =>
        f.startsWith('caller.') ? f.slice(7) : f === 'patentNumbers' || f.startsWith('patentNumbers.') ? 'patents' : f,
      );
      void message.error(errorMessage(e));
    } finally {
      setSaving(false);
    }
  };

  return (
    <>
      <Typography.Title level={3} className="page-title">
        {t('来电登记')}
      </Typography.Title>
      {saved && (
        <Alert
          type={saved.possibleDuplicates.length ? 'warning' : 'success'}
          showIcon
          closable
          onClose={() => setSaved(null)}
          style={{ marginBottom: 12 }}
          data-testid="ticket-saved"
          message={
            <span>
              {t('已登记')} <Link to={`/hotline/${saved.id}`}>{saved.ticketNo}</Link>
              {saved.possibleDuplicates.length > 0 && `，${t('可能重复')}：`}
              {saved.possibleDuplicates.map((d) => (
                <Link key={d.id} to={`/hotline/${d.id}`} style={{ marginLeft: 8 }}>
                  {d.ticketNo}（{t(DUPLICATE_REASON_LABELS[d.reason] ?? d.reason)}）
                </Link>
              ))}
            </span>
          }
        />
      )}
      <Row gutter={16}>
        <Col flex="auto">
          <Card>
            <Form<TicketValues>
              form={form}
              layout="vertical"
              initialValues={initial}
              onFinish={submit}
              onKeyDown={(e) => {
                if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
                  e.preventDefault();
                  form.submit();
                }
              }}
            >
              <Row gutter={12}>
                <Col span={8}>
                  <Form.Item label={t('来电号码')} name="phone" rules={anonymous ? [] : [ruleOf(validateCallerPhone)]}>
                    <Input
                      ref={firstField as never}
                      autoFocus
                      inputMode="tel"
                      className="mono"
                      disabled={anonymous}
                      data-testid="first-field"
                    />
                  </Form.Item>
                </Col>
                <Col span={8}>
                  <Form.Item label={t('来电人')} name="name">
                    <Input disabled={anonymous} />
                  </Form.Item>
                </Col>
                <Col span={8}>
                  <Form.Item label={t('来电人单位')} name="organization">
                    <Input disabled={anonymous} />
                  </Form.Item>
                </Col>
              </Row>
              <Row gutter={12}>
                <Col span={14}>
                  <Form.Item label={t('类别')} name="category" rules={[{ required: true }]}>
                    <Radio.Group
                      optionType="button"
                      options={TICKET_CATEGORIES.map((c) => ({ value: c, label: t(TICKET_CATEGORY_LABELS[c]) }))}
                    />
                  </Form.Item>
                </Col>
                <Col span={10}>
                  <Form.Item label={t('渠道')} name="channel" rules={[{ required: true }]}>
                    <Radio.Group
                      optionType="button"
                      options={TICKET_CHANNELS.map((c) => ({ value: c, label: t(TICKET_CHANNEL_LABELS[c]) }))}
                    />
                  </Form.Item>
                </Col>
              </Row>
              <Form.Item label={t('事项')} name="subject" rules={[{ required: true, whitespace: true, message: t('请填写事项') }]}>
                <Input maxLength={200} />
              </Form.Item>
              <Form.Item
                label={t('内容')}
                name="description"
                rules={[{ required: true, whitespace: true, message: t('请填写内容') }]}
                extra={t('Ctrl+Enter 保存')}
              >
                <Input.TextArea rows={3} maxLength={4000} />
              </Form.Item>
              <Row gutter={12}>
                <Col span={8}>
                  <Form.Item label={t('被反映人')} name="respondentName">
                    <Input />
                  </Form.Item>
                </Col>
                <Col span={8}>
                  <Form.Item label={t('专利号（可多个，逗号分隔）')} name="patents" rules={[patentsRule]}>
                    <Input className="mono" />
                  </Form.Item>
                </Col>
                <Col span={8}>
                  <Form.Item label={t('行业')} name="industry">
                    <Input />
                  </Form.Item>
                </Col>
              </Row>
              <Row gutter={12}>
                <Col span={8}>
                  <Form.Item label={t('身份证号')} name="idNumber" rules={[ruleOf(validateResidentId)]}>
                    <Input className="mono" maxLength={18} disabled={anonymous} />
                  </Form.Item>
                </Col>
                <Col span={8}>
                  <Form.Item label={t('转办单位（可选）')} name="orgUnitCode">
                    <Select
                      allowClear
                      showSearch
                      optionFilterProp="label"
                      options={units.data?.map((u) => ({ value: u.code, label: u.name }))}
                    />
                  </Form.Item>
                </Col>
                <Col span={8}>
                  <Form.Item label={t('匿名')} name="anonymous" valuePropName="checked">
                    <Checkbox disabled={category !== 'report'}>{t('匿名举报（仅举报可匿名）')}</Checkbox>
                  </Form.Item>
                </Col>
              </Row>
              <Space>
                <Button type="primary" htmlType="submit" loading={saving} data-testid="save-ticket">
                  {t('保存（Enter）')}
                </Button>
                <Button
                  onClick={() => {
                    form.resetFields();
                    firstField.current?.focus();
                  }}
                >
                  {t('清空')}
                </Button>
                <Button type="link" onClick={() => navigate('/hotline')}>
                  {t('工单队列')}
                </Button>
              </Space>
            </Form>
          </Card>
        </Col>
        <Col flex="300px">
          <Card size="small" title={t('可能重复的工单')} data-testid="dupe-hints">
            {!dupes.data?.length ? (
              <Typography.Text type="secondary">{t('填写被反映人或专利号后，这里显示 30 日内相关工单')}</Typography.Text>
            ) : (
              dupes.data.map((d) => (
                <div key={d.id} style={{ marginBottom: 6 }}>
                  <Link to={`/hotline/${d.id}`} target="_blank">
                    {d.ticketNo}
                  </Link>{' '}
                  {d.respondentName ?? d.subject}
                </div>
              ))
            )}
          </Card>
        </Col>
      </Row>
    </>
  );
}
