import { Form, InputNumber } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Case } from '../../../api/types';
import { defineCaseAction } from '../define';
import { ReasonField } from '../reason-field';

const MAX: Record<Case['type'], number> = { infringement_dispute: 31, passing_off: 15, dispute_mediation: 31 };

function Fields({ caseData }: { caseData: Case }) {
  const { t } = useTranslation();
  return (
    <>
      <Form.Item
        label={t('延长天数')}
        name="days"
        rules={[{ required: true }]}
        extra={t('侵权纠纷、调解不超过 1 个月，假冒专利不超过 15 日')}
      >
        <InputNumber min={1} max={MAX[caseData.type] * 3} style={{ width: '100%' }} />
      </Form.Item>
      <ReasonField label="延期理由" />
    </>
  );
}

export default defineCaseAction({
  action: 'request_extension',
  Fields,
  toPayload: (v) => ({ days: v.days as number, reason: v.reason as string }),
});
