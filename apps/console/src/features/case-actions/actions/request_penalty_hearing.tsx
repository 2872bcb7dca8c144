import { DatePicker, Form } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { defineCaseAction } from '../define';

function Fields() {
  const { t } = useTranslation();
  return (
    <Form.Item label={t('收到听证申请日期')} name="receivedOn" initialValue={dayjs()} rules={[{ required: true }]}>
      <DatePicker style={{ width: '100%' }} disabledDate={(d) => d.isAfter(dayjs(), 'day')} />
    </Form.Item>
  );
}

export default defineCaseAction({
  action: 'request_penalty_hearing',
  Fields,
  toPayload: (v) => ({ receivedOn: (v.receivedOn as Dayjs).format('YYYY-MM-DD') }),
});
