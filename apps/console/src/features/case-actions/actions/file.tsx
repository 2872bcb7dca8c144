import { DatePicker, Form } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { defineCaseAction } from '../define';

function Fields({ caseData }: { caseData: { receivedOn: string } }) {
  const { t } = useTranslation();
  return (
    <Form.Item
      label={t('立案日期')}
      name="filedOn"
      initialValue={dayjs()}
      extra={t('默认今天；补录纸质案件时可选更早日期（不早于收案日期）')}
    >
      <DatePicker
        style={{ width: '100%' }}
        disabledDate={(d) => d.isAfter(dayjs(), 'day') || d.isBefore(dayjs(caseData.receivedOn), 'day')}
      />
    </Form.Item>
  );
}

export default defineCaseAction({
  action: 'file',
  primary: true,
  Fields,
  toPayload: (v) => ({ filedOn: (v.filedOn as Dayjs | undefined)?.format('YYYY-MM-DD') }),
});
