import { Descriptions, Empty } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Case } from '../../../api/types';
import { fmtDate, fmtYuan } from '../../../lib/format';
import { DECISION_KIND_LABELS, label } from '../../../lib/labels';
import { defineCaseTab } from '../define';

const FEN_KEYS = new Set(['fineFen', 'illegalGainsFen', 'confiscatedFen']);
const NAMES: Record<string, string> = {
  kind: '决定类型',
  summary: '摘要',
  facts: '违法事实',
  legalBasis: '法律依据',
  fineFen: '罚款',
  illegalGainsFen: '违法所得',
  confiscatedFen: '没收违法所得',
  documentNo: '文书编号',
  decidedOn: '决定日期',
  actDate: '违法行为日期',
  warning: '警告',
};

function show(k: string, v: unknown): string {
  if (FEN_KEYS.has(k) && typeof v === 'number') return fmtYuan(v);
  if (k === 'kind') return label(DECISION_KIND_LABELS, String(v));
  if (typeof v === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(v)) return fmtDate(v);
  if (typeof v === 'boolean') return v ? '是' : '否';
  return typeof v === 'object' ? JSON.stringify(v) : String(v);
}

function DecisionTab({ caseData }: { caseData: Case }) {
  const { t } = useTranslation();
  const blocks = [
    ['处理决定', caseData.decision],
    ['结案情况', caseData.outcome],
  ] as const;
  if (!caseData.decision && !caseData.outcome) return <Empty description={t('尚无处理决定')} />;
  return (
    <>
      {blocks.map(([title, data]) =>
        data ? (
          <Descriptions key={title} title={t(title)} column={2} size="small" bordered style={{ marginBottom: 16 }}>
            {Object.entries(data).map(([k, v]) => (
              <Descriptions.Item key={k} label={t(NAMES[k] ?? k)}>
                {t(show(k, v))}
              </Descriptions.Item>
            ))}
          </Descriptions>
        ) : null,
      )}
    </>
  );
}

export default defineCaseTab({ key: 'decision', label: '处理决定', order: 50, Component: DecisionTab });
