import { Descriptions } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Case } from '../../../api/types';
import { fmtYuan } from '../../../lib/format';
import { DECISION_KIND_LABELS, label } from '../../../lib/labels';
import { defineCaseAction } from '../define';

function Fields({ caseData }: { caseData: Case }) {
  const { t } = useTranslation();
  const d = (caseData.decision ?? {}) as Record<string, unknown>;
  return (
    <Descriptions column={1} size="small" bordered>
      <Descriptions.Item label={t('决定类型')}>{t(label(DECISION_KIND_LABELS, d.kind as string))}</Descriptions.Item>
      <Descriptions.Item label={t('决定摘要')}>{String(d.summary ?? '—')}</Descriptions.Item>
      <Descriptions.Item label={t('法律依据')}>{String(d.legalBasis ?? '—')}</Descriptions.Item>
      {d.fineFen !== undefined && <Descriptions.Item label={t('罚款')}>{fmtYuan(d.fineFen as number)}</Descriptions.Item>}
    </Descriptions>
  );
}

export default defineCaseAction({ action: 'approve_decision', primary: true, Fields, toPayload: () => ({}) });
