import { DatePicker, Form, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import type { CaseActionBody } from '../../../api/types';
import { SERVE_METHOD_LABELS } from '../../../lib/labels';
import { defineCaseAction } from '../define';

function Fields() {
  const { t } = useTranslation();
  return (
    <>
      <Form.Item label={t('送达日期')} name="servedOn" initialValue={dayjs()} rules={[{ required: true }]}>
        <DatePicker style={{ width: '100%' }} disabledDate={(d) => d.isAfter(dayjs(), 'day')} />
      </Form.Item>
      <Form.Item label={t('送达方式')} name="method" rules={[{ required: true }]}>
        <Select options={Object.entries(SERVE_METHOD_LABELS).map(([value, l]) => ({ value, label: t(l) }))} />
      </Form.Item>
    </>
  );
}

export default defineCaseAction({
  action: 'serve',
  primary: true,
  Fields,
  toPayload: (v) => ({ servedOn: (v.servedOn as Dayjs).format('YYYY-MM-DD'), method: v.method as CaseActionBody['method'] }),
});
