import { Table } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Case } from '../../../api/types';
import { PATENT_KIND_LABELS, label } from '../../../lib/labels';
import { defineCaseTab } from '../define';

function PatentsTab({ caseData }: { caseData: Case }) {
  const { t } = useTranslation();
  return (
    <Table
      rowKey="normalized"
      size="small"
      pagination={false}
      dataSource={caseData.patents}
      locale={{ emptyText: t('无涉案专利') }}
      columns={[
        { title: t('专利号（规范）'), dataIndex: 'normalized', render: (v: string) => <span className="mono">ZL{v}</span> },
        { title: t('填写时'), dataIndex: 'number', render: (v: string) => <span className="mono">{v}</span> },
        { title: t('类型'), dataIndex: 'kind', render: (k: string) => t(label(PATENT_KIND_LABELS, k)) },
        { title: t('专利名称'), dataIndex: 'title', render: (v: string | null) => v ?? '—' },
      ]}
    />
  );
}

export default defineCaseTab({ key: 'patents', label: '涉案专利', order: 20, Component: PatentsTab });
