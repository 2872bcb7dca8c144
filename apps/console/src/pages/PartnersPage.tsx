import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Button, Card, Col, Form, Input, InputNumber, Row, Select, Space, Switch, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../api/client';
import type { Partner, PartnerKey, PutPartnerBody } from '../api/types';
import { ActionModal } from '../components/ActionModal';
import { QueryState } from '../components/QueryState';

const ALGORITHMS = [
  { value: 'ed25519', label: 'Ed25519' },
  { value: 'sm2-sm3', label: 'SM2 / SM3' },
];

/** The fields of one partner (PUT /partners/:code): name, endpoint, keys (up to 4, to rotate), active, reply days. */
export function PartnerFields({ isNew }: { isNew: boolean }) {
  const { t } = useTranslation();
  return (
    <>
      <Row gutter={12}>
        <Col span={8}>
          <Form.Item
            label={t('机关代码')}
            name="code"
            rules={[{ required: true, pattern: /^\d{6}$/, message: t('请填写 6 位行政区划代码') }]}
          >
            <Input maxLength={6} disabled={!isNew} className="mono" />
          </Form.Item>
        </Col>
        <Col span={16}>
          <Form.Item label={t('名称')} name="name" rules={[{ required: true, whitespace: true, message: t('请填写名称') }]}>
            <Input maxLength={200} />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item
        label={t('交换接口地址')}
        name="endpoint"
        rules={[{ type: 'url', message: t('请填写完整的 https:// 地址') }]}
        extra={t('启用的协作机关须有接口地址和至少一个公钥')}
      >
        <Input placeholder="https://" />
      </Form.Item>
      <Row gutter={12}>
        <Col span={12}>
          <Form.Item
            label={t('答复期限（工作日）')}
            name="replyDueWorkingDays"
            rules={[{ type: 'integer', min: 1, max: 120, message: t('1–120 个工作日') }]}
          >
            <InputNumber min={1} max={120} style={{ width: '100%' }} />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item label={t('启用')} name="active" valuePropName="checked">
            <Switch />
          </Form.Item>
        </Col>
      </Row>
      <Form.List
        name="keys"
        rules={[
          { validator: async (_, v: unknown[]) => ((v?.length ?? 0) > 4 ? Promise.reject(new Error(t('最多 4 个公钥'))) : undefined) },
        ]}
      >
        {(fields, { add, remove }, { errors }) => (
          <Card
            size="small"
            title={t('验签公钥')}
            extra={
              <Button size="small" icon={<PlusOutlined />} onClick={() => add({ algorithm: 'ed25519' })} disabled={fields.length >= 4}>
                {t('添加公钥')}
              </Button>
            }
          >
            {fields.length === 0 && <Typography.Text type="secondary">{t('还没有公钥')}</Typography.Text>}
            {fields.map((f) => (
              <Row gutter={8} key={f.key} align="top">
                <Col span={6}>
                  <Form.Item
                    label={t('密钥编号')}
                    name={[f.name, 'keyId']}
                    rules={[{ required: true, pattern: /^[A-Za-z0-9._:-]{1,100}$/, message: t('字母、数字及 . _ : -') }]}
                  >
                    <Input className="mono" />
                  </Form.Item>
                </Col>
                <Col span={6}>
                  <Form.Item
                    label={t('算法')}
                    name={[f.name, 'algorithm']}
                    initialValue="ed25519"
                    rules={[{ required: true, message: t('请选择算法') }]}
                  >
                    <Select options={ALGORITHMS} />
                  </Form.Item>
                </Col>
                <Col span={11}>
                  <Form.Item
                    label={t('公钥')}
                    name={[f.name, 'publicKey']}
                    rules={[{ required: true, whitespace: true, message: t('请填写公钥') }]}
                  >
                    <Input.TextArea rows={1} autoSize={{ minRows: 1, maxRows: 3 }} className="mono" maxLength={500} />
                  </Form.Item>
                </Col>
                <Col span={1} style={{ paddingTop: 30 }}>
                  <Button type="text" danger icon={<DeleteOutlined />} onClick={() => remove(f.name)} aria-label={t('删除')} />
                </Col>
              </Row>
            ))}
            <Form.ErrorList errors={errors} />
          </Card>
        )}
      </Form.List>
    </>
  );
}

export function partnerBody(v: Record<string, unknown>): PutPartnerBody {
  const endpoint = typeof v.endpoint === 'string' && v.endpoint.trim() ? v.endpoint.trim() : null;
  return {
    name: (v.name as string).trim(),
    endpoint,
    keys: ((v.keys as PartnerKey[] | undefined) ?? []).map((k) => ({
      keyId: k.keyId.trim(),
      algorithm: k.algorithm,
      publicKey: k.publicKey.trim(),
    })),
    active: !!v.active,
    ...(typeof v.replyDueWorkingDays === 'number' ? { replyDueWorkingDays: v.replyDueWorkingDays } : {}),
  } as PutPartnerBody;
}

/** 协作机关: the partner offices transfers go to and come from, with the keys their signatures are checked with. */
export default function PartnersPage() {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const q = useQuery({ queryKey: ['partners'], queryFn: () => api.get('/api/v1/partners') });
  const [editing, setEditing] = useState<Partner | 'new' | null>(null);
  return (
    <>
      <Space style={{ marginBottom: 12 }}>
        <Typography.Title level={3} style={{ margin: 0 }}>
          {t('协作机关')}
        </Typography.Title>
        <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')} data-testid="new-partner">
          {t('添加协作机关')}
        </Button>
      </Space>
      <Card>
        <QueryState loading={q.isLoading} error={q.error} onRetry={() => void q.refetch()}>
          <Table<Partner>
            data-testid="partners-table"
            rowKey="code"
            size="middle"
            dataSource={q.data ?? []}
            pagination={{ pageSize: 15, showSizeChanger: false }}
            onRow={(r) => ({ onClick: () => setEditing(r), style: { cursor: 'pointer' } })}
            locale={{ emptyText: t('还没有协作机关') }}
            scroll={{ x: 'max-content' }}
            columns={[
              { title: t('机关代码'), dataIndex: 'code', render: (v: string) => <span className="mono">{v}</span> },
              { title: t('名称'), dataIndex: 'name' },
              { title: t('接口地址'), dataIndex: 'endpoint', render: (v: string | null) => v ?? '—', ellipsis: true, width: 260 },
              {
                title: t('公钥'),
                render: (_, p) =>
                  p.keys.length
                    ? p.keys.map((k) => (
                        <Tag key={k.keyId}>
                          {k.keyId} · {k.algorithm}
                        </Tag>
                      ))
                    : '—',
              },
              { title: t('答复期限'), render: (_, p) => t('{{n}} 个工作日', { n: p.replyDueWorkingDays }) },
              { title: t('状态'), render: (_, p) => (p.active ? <Tag color="green">{t('启用')}</Tag> : <Tag>{t('停用')}</Tag>) },
            ]}
          />
        </QueryState>
      </Card>
      {editing && (
        <ActionModal
          open
          width={820}
          testId="partner-form"
          title={editing === 'new' ? t('添加协作机关') : t('编辑协作机关 {{name}}', { name: editing.name })}
          onClose={() => setEditing(null)}
          onRefresh={() => void q.refetch()}
          initialValues={
            editing === 'new'
              ? { active: false, replyDueWorkingDays: 10, keys: [] }
              : { ...editing, endpoint: editing.endpoint ?? undefined }
          }
          onSubmit={async (v) => {
            const code = editing === 'new' ? (v.code as string) : editing.code;
            await api.put('/api/v1/partners/{code}', partnerBody(v), { path: { code } });
            void queryClient.invalidateQueries({ queryKey: ['partners'] });
          }}
        >
          <PartnerFields isNew={editing === 'new'} />
        </ActionModal>
      )}
    </>
  );
}
