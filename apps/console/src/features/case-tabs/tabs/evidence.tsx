import { InboxOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { App, Button, DatePicker, Form, Image, Input, Modal, Progress, Space, Table, Tag, Typography, Upload } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { authorizedBlob, uploadWithProgress } from '../../../api/client';
import { api } from '../../../api/client';
import { useUserName } from '../../../api/hooks';
import type { Case, Evidence } from '../../../api/types';
import { QueryState } from '../../../components/QueryState';
import { downloadFile } from '../../../lib/download';
import { errorMessage } from '../../../lib/errors';
import { fmtBytes, fmtDate, fmtDateTime } from '../../../lib/format';
import { defineCaseTab } from '../define';

const contentUrl = (caseId: string, id: string) => `/api/v1/cases/${caseId}/evidence/${id}/content`;
const previewable = (e: Evidence) => e.contentType.startsWith('image/') || e.contentType === 'application/pdf';

function EvidenceTab({ caseData }: { caseData: Case }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const name = useUserName();
  const [form] = Form.useForm<{ description: string; preservedOn?: Dayjs }>();
  const [progress, setProgress] = useState<number | null>(null);
  const [preview, setPreview] = useState<{ url: string; type: string; name: string } | null>(null);
  const q = useQuery({
    queryKey: ['case', caseData.id, 'evidence'],
    queryFn: () => api.get('/api/v1/cases/{id}/evidence', { path: { id: caseData.id } }),
  });

  const upload = async (file: File) => {
    const { description, preservedOn } = await form.validateFields();
    const body = new FormData();
    body.append('description', description.trim());
    if (preservedOn) body.append('preservedOn', preservedOn.format('YYYY-MM-DD'));
    body.append('file', file);
    setProgress(0);
    try {
      const e = await uploadWithProgress<Evidence>(`/api/v1/cases/${caseData.id}/evidence`, body, setProgress);
      void message.success(t('已上传 {{name}}，sha256 {{h}}…', { name: e.fileName, h: e.sha256.slice(0, 12) }));
      form.resetFields();
      await q.refetch();
    } catch (e) {
      void message.error(errorMessage(e));
    } finally {
      setProgress(null);
    }
  };

  return (
    <>
      <Form form={form} layout="inline" style={{ marginBottom: 12, rowGap: 8 }}>
        <Form.Item label={t('证据说明')} name="description" rules={[{ required: true, whitespace: true, message: t('请先填写证据说明') }]}>
          <Input style={{ width: 320 }} maxLength={1000} />
        </Form.Item>
        <Form.Item label={t('登记保存日期')} name="preservedOn" tooltip={t('登记保存的证据须在 7 日内作出处理决定')}>
          <DatePicker />
        </Form.Item>
      </Form>
      <Upload.Dragger
        multiple={false}
        showUploadList={false}
        disabled={progress !== null}
        customRequest={({ file }) => void upload(file as File).catch(() => undefined)}
        beforeUpload={async () => {
          try {
            await form.validateFields();
            return true;
          } catch {
            void message.warning(t('请先填写证据说明'));
            return Upload.LIST_IGNORE;
          }
        }}
      >
        <p className="ant-upload-drag-icon">
          <InboxOutlined />
        </p>
        <p className="ant-upload-text">{t('点击或拖拽文件到此处上传证据')}</p>
        <p className="ant-upload-hint">{t('上传时计算 sha256，每次下载前校验')}</p>
      </Upload.Dragger>
      {progress !== null && <Progress percent={progress} style={{ marginTop: 8 }} />}
      <QueryState loading={q.isLoading} error={q.error} onRetry={() => void q.refetch()}>
        <Table
          style={{ marginTop: 16 }}
          rowKey="id"
          size="small"
          pagination={false}
          dataSource={q.data ?? []}
          locale={{ emptyText: t('暂无证据') }}
          scroll={{ x: 'max-content' }}
          columns={[
            { title: t('文件'), dataIndex: 'fileName' },
            { title: t('说明'), dataIndex: 'description' },
            { title: t('大小'), dataIndex: 'size', render: fmtBytes },
            {
              title: 'sha256',
              dataIndex: 'sha256',
              render: (h: string) => (
                <Typography.Text className="mono" copyable={{ text: h }} style={{ fontSize: 12 }} data-testid="sha256">
                  {h}
                </Typography.Text>
              ),
            },
            { title: t('上传'), render: (_, e) => `${name(e.uploadedBy)} ${fmtDateTime(e.uploadedAt)}` },
            {
              title: t('登记保存'),
              render: (_, e) =>
                e.preservation ? (
                  <Tag color={e.preservation.overdue ? 'red' : e.preservation.decision ? 'green' : 'orange'}>
                    {e.preservation.decision ? t('已决定') : `${t('决定期限')} ${fmtDate(e.preservation.decisionDue)}`}
                  </Tag>
                ) : (
                  '—'
                ),
            },
            {
              title: t('操作'),
              render: (_, e) => (
                <Space>
                  {previewable(e) && (
                    <Button
                      size="small"
                      onClick={() =>
                        void authorizedBlob(contentUrl(caseData.id, e.id))
                          .then((b) => setPreview({ url: URL.createObjectURL(b), type: e.contentType, name: e.fileName }))
                          .catch((err: unknown) => void message.error(errorMessage(err)))
                      }
                    >
                      {t('预览')}
                    </Button>
                  )}
                  <Button
                    size="small"
                    onClick={() =>
                      void downloadFile(contentUrl(caseData.id, e.id), e.fileName).catch(
                        (err: unknown) => void message.error(errorMessage(err)),
                      )
                    }
                  >
                    {t('下载')}
                  </Button>
                </Space>
              ),
            },
          ]}
        />
      </QueryState>
      <Modal
        open={!!preview}
        title={preview?.name}
        width={900}
        footer={null}
        onCancel={() => {
          if (preview) URL.revokeObjectURL(preview.url);
          setPreview(null);
        }}
      >
        {preview?.type === 'application/pdf' ? (
          <iframe title={preview.name} src={preview.url} style={{ width: '100%', height: '70vh', border: 0 }} />
        ) : preview ? (
          <Image src={preview.url} alt={preview.name} preview={false} style={{ maxWidth: '100%' }} />
        ) : null}
      </Modal>
    </>
  );
}

export default defineCaseTab({ key: 'evidence', label: '证据', order: 40, Component: EvidenceTab });
