import { DatePicker, Form } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { defineCaseAction } from '../define';

function Fields() {
  const { t } = useTranslation();
  return (
    <Form.Item label={t('听证日期')} name="hearingOn" rules={[{ required: true }]} extra={t('须在举行听证 7 个工作日前通知当事人')}>
      <DatePicker style={{ width: '100%' }} disabledDate={(d) => d.isBefore(dayjs(), 'day')} />
    </Form.Item>
  );
}

export default defineCaseAction({
  action: 'schedule_penalty_hearing',
  Fields,
  toPayload: (v) => ({ hearingOn: (v.hearingOn as Dayjs).format('YYYY-MM-DD') }),
});
