import { Checkbox, DatePicker, Form, Input } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { defineCaseAction } from '../define';

function Fields() {
  const { t } = useTranslation();
  const waived = Form.useWatch('waived') as boolean | undefined;
  return (
    <>
      <Form.Item label={t('收到日期')} name="receivedOn" initialValue={dayjs()} rules={[{ required: true }]}>
        <DatePicker style={{ width: '100%' }} disabledDate={(d) => d.isAfter(dayjs(), 'day')} />
      </Form.Item>
      <Form.Item name="waived" valuePropName="checked">
        <Checkbox>{t('当事人放弃陈述、申辩和听证')}</Checkbox>
      </Form.Item>
      <Form.Item label={t('陈述申辩要点')} name="summary" rules={waived ? [] : [{ required: true, whitespace: true }]}>
        <Input.TextArea rows={3} />
      </Form.Item>
    </>
  );
}

export default defineCaseAction({
  action: 'record_statement',
  Fields,
  toPayload: (v) => ({
    receivedOn: (v.receivedOn as Dayjs).format('YYYY-MM-DD'),
    waived: Boolean(v.waived),
    summary: (v.summary as string | undefined)?.trim() || undefined,
  }),
});
