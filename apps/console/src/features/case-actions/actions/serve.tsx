import { Checkbox, DatePicker, Form, Input, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import type { CaseActionBody } from '../../../api/types';
import { SERVE_METHOD_LABELS } from '../../../lib/labels';
import { defineCaseAction } from '../define';

/** Date, method and what each method needs: a tracking number by mail, the party's consent electronically (Art. 61). */
export function ServiceFields({ dateLabel = '送达日期' }: { dateLabel?: string }) {
  const { t } = useTranslation();
  const method = Form.useWatch('method') as string | undefined;
  return (
    <>
      <Form.Item label={t(dateLabel)} name="servedOn" initialValue={dayjs()} rules={[{ required: true }]}>
        <DatePicker style={{ width: '100%' }} disabledDate={(d) => d.isAfter(dayjs(), 'day')} />
      </Form.Item>
      <Form.Item label={t('送达方式')} name="method" rules={[{ required: true }]}>
        <Select options={Object.entries(SERVE_METHOD_LABELS).map(([value, l]) => ({ value, label: t(l) }))} />
      </Form.Item>
      {method === 'mail' && (
        <Form.Item label={t('邮件号码')} name="trackingNo" rules={[{ required: true, whitespace: true }]}>
          <Input maxLength={100} />
        </Form.Item>
      )}
      {method === 'electronic' && (
        <Form.Item
          name="consent"
          valuePropName="checked"
          rules={[{ validator: (_, v) => (v ? Promise.resolve() : Promise.reject(new Error(t('电子送达须经当事人同意')))) }]}
        >
          <Checkbox>{t('当事人同意电子送达')}</Checkbox>
        </Form.Item>
      )}
      <Form.Item label={t('签收情况')} name="receiptNote">
        <Input maxLength={2000} />
      </Form.Item>
    </>
  );
}

/** The service fields as payload: only what the method uses. */
export function servicePayload(v: Record<string, unknown>) {
  const method = v.method as CaseActionBody['method'];
  return {
    servedOn: (v.servedOn as Dayjs).format('YYYY-MM-DD'),
    method,
    trackingNo: method === 'mail' ? (v.trackingNo as string).trim() : undefined,
    consent: method === 'electronic' ? true : undefined,
    receiptNote: (v.receiptNote as string | undefined)?.trim() || undefined,
  };
}

export default defineCaseAction({
  action: 'serve',
  primary: true,
  Fields: () => <ServiceFields />,
  toPayload: servicePayload,
});
