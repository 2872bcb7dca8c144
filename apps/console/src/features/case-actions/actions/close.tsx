import { Form, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Case, CaseActionBody } from '../../../api/types';
import { ENFORCEMENT_LABELS } from '../../../lib/labels';
import { defineCaseAction } from '../define';
import { ReasonField } from '../reason-field';

const isPenalty = (c: Case) => (c.decision as { kind?: string } | null)?.kind === 'penalty';

function Fields({ caseData }: { caseData: Case }) {
  const { t } = useTranslation();
  return (
    <>
      {isPenalty(caseData) && (
        <Form.Item label={t('执行情况')} name="enforcement" rules={[{ required: true }]}>
          <Select options={Object.entries(ENFORCEMENT_LABELS).map(([value, l]) => ({ value, label: t(l) }))} />
        </Form.Item>
      )}
      <ReasonField label="结案说明（可记录罚款缴纳或执行情况）" name="note" required={false} />
    </>
  );
}

export default defineCaseAction({
  action: 'close',
  primary: true,
  Fields,
  toPayload: (v, c) => ({
    note: (v.note as string | undefined)?.trim() || undefined,
    enforcement: isPenalty(c) ? (v.enforcement as CaseActionBody['enforcement']) : undefined,
  }),
});
