import { Table } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Case, Party } from '../../../api/types';
import { defineCaseTab } from '../define';

function PartiesTab({ caseData }: { caseData: Case }) {
  const { t } = useTranslation();
  const rows = [
    ...caseData.requesters.map((p, i) => ({ ...p, side: t('请求人'), id: `r${i}` })),
    ...caseData.respondents.map((p, i) => ({ ...p, side: t('被请求人'), id: `s${i}` })),
  ];
  const role: Record<string, string> = { patentee: '专利权人', interested_party: '利害关系人', other: '其他' };
  return (
    <Table
      rowKey="id"
      size="small"
      pagination={false}
      dataSource={rows}
      scroll={{ x: 'max-content' }}
      columns={[
        { title: t('身份'), dataIndex: 'side' },
        { title: t('名称/姓名'), dataIndex: 'name' },
        { title: t('类别'), dataIndex: 'kind', render: (k: Party['kind']) => (k === 'organization' ? t('单位') : t('个人')) },
        { title: t('统一社会信用代码 / 身份证号'), render: (_, p) => <span className="mono">{p.uscc ?? p.idNumber ?? '—'}</span> },
        { title: t('请求人身份'), dataIndex: 'role', render: (r: string | null) => (r ? t(role[r] ?? r) : '—') },
        { title: t('法定代表人'), dataIndex: 'legalRepresentative', render: (v: string | null) => v ?? '—' },
        { title: t('地址'), dataIndex: 'address', render: (v: string | null) => v ?? '—' },
        { title: t('电话'), dataIndex: 'phone', render: (v: string | null) => v ?? '—' },
      ]}
    />
  );
}

export default defineCaseTab({ key: 'parties', label: '当事人', order: 10, Component: PartiesTab });
