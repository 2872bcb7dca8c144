import { Card, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useOrgUnits } from '../api/hooks';
import type { OrgUnit } from '../api/types';
import { QueryState } from '../components/QueryState';

const KIND: Record<OrgUnit['kind'], string> = { bureau: '市局', district: '区局', hotline_center: '12330 中心', partner: '协作省份' };

export default function OrgUnitsPage() {
  const { t } = useTranslation();
  const q = useOrgUnits();
  return (
    <>
      <Typography.Title level={3} className="page-title">
        {t('机构')}
      </Typography.Title>
      <Card>
        <QueryState loading={q.isLoading} error={q.error} onRetry={() => void q.refetch()}>
          <Table<OrgUnit>
            rowKey="code"
            size="small"
            dataSource={q.data}
            pagination={{ pageSize: 15, showSizeChanger: false }}
            columns={[
              { title: t('代码'), dataIndex: 'code', render: (v: string) => <span className="mono">{v}</span> },
              { title: t('名称'), dataIndex: 'name' },
              { title: t('简称'), dataIndex: 'abbr' },
              { title: t('类型'), dataIndex: 'kind', render: (k: OrgUnit['kind']) => <Tag>{t(KIND[k])}</Tag> },
              { title: t('上级'), dataIndex: 'parentCode', render: (v: string | null) => v ?? '—' },
              { title: t('统一社会信用代码'), dataIndex: 'uscc', render: (v: string | null) => <span className="mono">{v ?? '—'}</span> },
            ]}
          />
        </QueryState>
      </Card>
    </>
  );
}
