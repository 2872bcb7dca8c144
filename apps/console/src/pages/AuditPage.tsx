import { SafetyOutlined } from '@ant-design/icons';
import { Alert, Button, Card, DatePicker, Form, Input, Modal, Select, Space, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../api/client';
import { useUserName } from '../api/hooks';
import type { AuditEntry, AuditVerify } from '../api/types';
import { CursorTable } from '../components/CursorTable';
import { errorMessage } from '../lib/errors';
import { fmtDateTime } from '../lib/format';
import { AUDIT_ENTITY_LABELS, AUDIT_ENTITY_TYPES, label } from '../lib/labels';

interface Filter {
  entityType?: string;
  entityId?: string;
  actorId?: string;
  action?: string;
  from?: string;
  to?: string;
}

export default function AuditPage() {
  const { t } = useTranslation();
  const name = useUserName();
  const [filter, setFilter] = useState<Filter>({});
  const [verify, setVerify] = useState<{ busy: boolean; result?: AuditVerify; error?: string }>({ busy: false });
  const [detail, setDetail] = useState<AuditEntry | null>(null);
  return (
    <>
      <Space style={{ marginBottom: 12 }}>
        <Typography.Title level={3} style={{ margin: 0 }}>
          {t('审计日志')}
        </Typography.Title>
        <Button
          icon={<SafetyOutlined />}
          loading={verify.busy}
          data-testid="verify"
          onClick={() => {
            setVerify({ busy: true });
            api
              .get('/api/v1/audit/verify')
              .then((result) => setVerify({ busy: false, result }))
              .catch((e: unknown) => setVerify({ busy: false, error: errorMessage(e) }));
          }}
        >
          {t('校验哈希链')}
        </Button>
      </Space>
      {verify.result && (
        <Alert
          data-testid="verify-result"
          style={{ marginBottom: 12 }}
          type={verify.result.ok ? 'success' : 'error'}
          showIcon
          message={
            verify.result.ok
              ? t('哈希链完整：已校验 {{n}} 条，链头序号 {{seq}}', { n: verify.result.checked, seq: verify.result.headSeq ?? '—' })
              : t('哈希链断裂：第一个断点序号 {{seq}}', { seq: verify.result.firstBrokenSeq ?? '—' })
          }
          description={
            <span className="mono">
              {t('链头哈希')} {verify.result.headHash ?? '—'}
              {verify.result.unsealed ? ` · ${t('未封存')} ${verify.result.unsealed}` : ''}
              {verify.result.problem ? ` · ${verify.result.problem}` : ''}
            </span>
          }
        />
      )}
      {verify.error && <Alert type="error" showIcon message={verify.error} style={{ marginBottom: 12 }} />}
      <Card>
        <Form
          layout="inline"
          style={{ marginBottom: 12, rowGap: 8 }}
          onFinish={(v: Filter & { range?: [Dayjs, Dayjs] }) =>
            setFilter({
              entityType: v.entityType || undefined,
              entityId: v.entityId?.trim() || undefined,
              actorId: v.actorId?.trim() || undefined,
              action: v.action?.trim() || undefined,
              from: v.range?.[0]?.startOf('day').toISOString(),
              to: v.range?.[1]?.endOf('day').toISOString(),
            })
          }
        >
          <Form.Item label={t('对象类型')} name="entityType">
            <Select
              allowClear
              style={{ width: 120 }}
              options={AUDIT_ENTITY_TYPES.map((e) => ({ value: e, label: t(label(AUDIT_ENTITY_LABELS, e)) }))}
            />
          </Form.Item>
          <Form.Item label={t('对象 ID')} name="entityId">
            <Input style={{ width: 200 }} />
          </Form.Item>
          <Form.Item label={t('操作人 ID')} name="actorId">
            <Input style={{ width: 200 }} />
          </Form.Item>
          <Form.Item label={t('动作')} name="action">
            <Input style={{ width: 160 }} placeholder="case.filed" />
          </Form.Item>
          <Form.Item label={t('时间')} name="range">
            <DatePicker.RangePicker />
          </Form.Item>
          <Button type="primary" htmlType="submit">
            {t('查询')}
          </Button>
        </Form>
        <CursorTable<AuditEntry>
          queryKey={['audit', filter]}
          fetchPage={(cursor, limit) => api.get('/api/v1/audit', { query: { ...filter, cursor, limit } as never })}
          onRow={(r) => ({ onClick: () => setDetail(r), style: { cursor: 'pointer' } })}
          emptyText={t('没有符合条件的审计记录')}
          columns={[
            { title: t('序号'), dataIndex: 'seq', render: (v: string | null) => v ?? t('未封存') },
            { title: t('时间'), dataIndex: 'at', render: fmtDateTime },
            { title: t('操作人'), dataIndex: 'actorId', render: (v: string | null) => name(v) },
            { title: t('动作'), dataIndex: 'action' },
            { title: t('对象'), render: (_, r) => `${t(label(AUDIT_ENTITY_LABELS, r.entityType))} ${r.entityId.slice(0, 8)}…` },
            { title: 'IP', dataIndex: 'ip' },
            {
              title: t('哈希'),
              dataIndex: 'hash',
              render: (v: string | null) => <span className="mono">{v ? `${v.slice(0, 16)}…` : '—'}</span>,
            },
          ]}
        />
      </Card>
      <Modal open={!!detail} title={t('审计记录')} footer={null} width={760} onCancel={() => setDetail(null)}>
        <pre style={{ maxHeight: '60vh', overflow: 'auto', fontSize: 12 }}>{JSON.stringify(detail, null, 2)}</pre>
      </Modal>
    </>
  );
}
