import { EyeOutlined } from '@ant-design/icons';
import { Alert, Button, Descriptions, Form, Input, Modal, Table } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../../api/client';
import type { Case, Party, PartyContact } from '../../../api/types';
import { errorMessage } from '../../../lib/errors';
import { REQUESTER_ROLE_LABELS } from '../../../lib/labels';
import { defineCaseTab } from '../define';

type Row = Party & { side: string; id: string; role2: 'requester' | 'respondent'; ordinal: number };

/**
 * A party's phone and ID number in clear (GET /cases/:id/parties/:role/:ordinal/contact?reason=): the server audits
 * the read with the reason, so the officer states it and confirms first; the values are shown here only, never cached.
 */
function UnmaskDialog({ caseId, row, onClose }: { caseId: string; row: Row; onClose: () => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ reason: string }>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [contact, setContact] = useState<PartyContact | null>(null);
  return (
    <Modal
      open
      title={t('查看 {{name}} 的联系方式', { name: row.name })}
      onCancel={onClose}
      destroyOnHidden
      okText={contact ? t('关闭') : t('确认查看')}
      okButtonProps={{ loading: busy, 'data-testid': 'unmask-ok' } as never}
      cancelButtonProps={{ style: contact ? { display: 'none' } : undefined }}
      onOk={() => (contact ? onClose() : form.submit())}
    >
      {contact ? (
        <Descriptions column={1} size="small" bordered data-testid="party-contact">
          <Descriptions.Item label={t('身份证号')}>
            <span className="mono">{contact.idNumber ?? '—'}</span>
          </Descriptions.Item>
          <Descriptions.Item label={t('电话')}>
            <span className="mono">{contact.phone ?? '—'}</span>
          </Descriptions.Item>
        </Descriptions>
      ) : (
        <>
          <Alert type="info" showIcon style={{ marginBottom: 12 }} message={t('查看明文将记入审计日志（含您填写的事由）')} />
          {error && <Alert type="error" showIcon style={{ marginBottom: 12 }} message={error} role="alert" />}
          <Form
            form={form}
            layout="vertical"
            onFinish={async ({ reason }) => {
              setBusy(true);
              setError(null);
              try {
                setContact(
                  await api.get('/api/v1/cases/{id}/parties/{role}/{ordinal}/contact', {
                    path: { id: caseId, role: row.role2, ordinal: String(row.ordinal) },
                    query: { reason: reason.trim() },
                  }),
                );
              } catch (e) {
                setError(errorMessage(e));
              } finally {
                setBusy(false);
              }
            }}
          >
            <Form.Item label={t('查看事由')} name="reason" rules={[{ required: true, whitespace: true, message: t('请填写查看事由') }]}>
              <Input maxLength={200} autoFocus placeholder={t('例如：电话通知口头审理')} />
            </Form.Item>
          </Form>
        </>
      )}
    </Modal>
  );
}

function PartiesTab({ caseData }: { caseData: Case }) {
  const { t } = useTranslation();
  const [unmask, setUnmask] = useState<Row | null>(null);
  const rows: Row[] = [
    ...caseData.requesters.map((p, i) => ({ ...p, side: t('请求人'), id: `r${i}`, role2: 'requester' as const, ordinal: i })),
    ...caseData.respondents.map((p, i) => ({ ...p, side: t('被请求人'), id: `s${i}`, role2: 'respondent' as const, ordinal: i })),
  ];
  return (
    <>
      <Table<Row>
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
          { title: t('请求人身份'), dataIndex: 'role', render: (r: string | null) => (r ? t(REQUESTER_ROLE_LABELS[r] ?? r) : '—') },
          { title: t('法定代表人'), dataIndex: 'legalRepresentative', render: (v: string | null) => v ?? '—' },
          { title: t('地址'), dataIndex: 'address', render: (v: string | null) => v ?? '—' },
          { title: t('电话'), dataIndex: 'phone', render: (v: string | null) => v ?? '—' },
          {
            title: t('明文'),
            render: (_, p) =>
              p.phone || p.idNumber ? (
                <Button size="small" icon={<EyeOutlined />} onClick={() => setUnmask(p)} data-testid={`unmask-${p.id}`}>
                  {t('查看')}
                </Button>
              ) : null,
          },
        ]}
      />
      {unmask && <UnmaskDialog caseId={caseData.id} row={unmask} onClose={() => setUnmask(null)} />}
    </>
  );
}

export default defineCaseTab({ key: 'parties', label: '当事人', order: 10, Component: PartiesTab });
