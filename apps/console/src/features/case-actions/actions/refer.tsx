import { Form, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import type { CaseActionBody } from '../../../api/types';
import { REFER_LABELS } from '../../../lib/labels';
import { defineCaseAction } from '../define';
import { ReasonField } from '../reason-field';

function Fields() {
  const { t } = useTranslation();
  return (
    <>
      <Form.Item label={t('移交至')} name="to" rules={[{ required: true }]}>
        <Select options={Object.entries(REFER_LABELS).map(([value, l]) => ({ value, label: t(l) }))} />
      </Form.Item>
      <ReasonField label="移交理由" />
    </>
  );
}

export default defineCaseAction({
  action: 'refer',
  Fields,
  toPayload: (v) => ({ to: v.to as CaseActionBody['to'], reason: v.reason as string }),
});
