import { DatePicker, Form, Input } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { defineCaseAction } from '../define';

function Fields() {
  const { t } = useTranslation();
  return (
    <>
      <Form.Item label={t('听证日期')} name="heldOn" initialValue={dayjs()} rules={[{ required: true }]}>
        <DatePicker style={{ width: '100%' }} disabledDate={(d) => d.isAfter(dayjs(), 'day')} />
      </Form.Item>
      <Form.Item label={t('听证笔录要点')} name="summary" rules={[{ required: true, whitespace: true }]}>
        <Input.TextArea rows={3} />
      </Form.Item>
    </>
  );
}

export default defineCaseAction({
  action: 'record_penalty_hearing',
  Fields,
  toPayload: (v) => ({ heldOn: (v.heldOn as Dayjs).format('YYYY-MM-DD'), summary: (v.summary as string).trim() }),
});
