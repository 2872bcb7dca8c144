import { DatePicker, Form } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { defineCaseAction } from '../define';

function Fields() {
  const { t } = useTranslation();
  return (
    <Form.Item label={t('口头审理日期')} name="hearingOn" rules={[{ required: true }]} extra={t('须在通知后至少 3 个工作日')}>
      <DatePicker style={{ width: '100%' }} disabledDate={(d) => d.isBefore(dayjs(), 'day')} />
    </Form.Item>
  );
}

export default defineCaseAction({
  action: 'schedule_hearing',
  Fields,
  toPayload: (v) => ({ hearingOn: (v.hearingOn as Dayjs).format('YYYY-MM-DD') }),
});
