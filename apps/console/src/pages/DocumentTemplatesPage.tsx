import { UploadOutlined } from '@ant-design/icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Space, Table, Tag, Typography, Upload } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, uploadWithProgress } from '../api/client';
import { isApiError } from '../api/errors';
import type { DocumentTemplate } from '../api/types';
import { QueryState } from '../components/QueryState';
import { downloadNamed } from '../lib/download';
import { errorMessage } from '../lib/errors';
import { DOCUMENT_KIND_LABELS, label } from '../lib/labels';

/** What a refused upload says: the server's complaint about the file (400 `file`), the unknown tags in Chinese. */
export function templateProblem(e: unknown): string {
  if (isApiError(e) && e.code === 'VALIDATION_FAILED') {
    const msgs = e.fieldErrors.map((f) => f.message);
    if (msgs.length)
      return msgs
        .map((m) => {
          const unknown = /does not know:\s*(.+)$/.exec(m);
          return unknown ? `模板使用了该文书不认识的标签：${unknown[1]}` : `模板文件有误：${m}`;
        })
        .join('；');
  }
  return errorMessage(e);
}

/**
 * 文书模板: the DOCX template in force for each kind of document (the default set, or an admin's upload); download
 * it, edit it in Word, upload the replacement. Every upload is kept with a version; documents record theirs.
 */
export default function DocumentTemplatesPage() {
  const { t } = useTranslation();
  const { message, modal } = App.useApp();
  const queryClient = useQueryClient();
  const [busy, setBusy] = useState<string | null>(null);
  const [problem, setProblem] = useState<{ kind: string; text: string } | null>(null);
  const q = useQuery({ queryKey: ['document-templates'], queryFn: () => api.get('/api/v1/document-templates') });
  const name = (r: DocumentTemplate) => t(label(DOCUMENT_KIND_LABELS, r.kind));

  const replace = (r: DocumentTemplate, file: File) => {
    modal.confirm({
      title: t('替换“{{name}}”的模板？', { name: name(r) }),
      content: t('上传 {{file}}；此后生成的{{name}}使用新模板（版本 {{v}}），已生成的文书不变，旧模板保留。', {
        file: file.name,
        name: name(r),
        v: r.source === 'default' ? 1 : r.version + 1,
      }),
      okText: t('上传'),
      cancelText: t('取消'),
      onOk: async () => {
        setBusy(r.kind);
        setProblem(null);
        const body = new FormData();
        body.append('file', file);
        try {
          const saved = await uploadWithProgress<DocumentTemplate>(`/api/v1/document-templates/${r.kind}`, body, () => undefined, 'PUT');
          void message.success(t('已替换{{name}}的模板，版本 {{v}}', { name: name(r), v: saved.version }));
          await queryClient.invalidateQueries({ queryKey: ['document-templates'] });
        } catch (e) {
          setProblem({ kind: r.kind, text: templateProblem(e) });
        } finally {
          setBusy(null);
        }
      },
    });
  };

  return (
    <Card title={t('文书模板')} size="small">
      <Typography.Paragraph type="secondary" style={{ marginBottom: 12 }}>
        {t('每种文书按其模板（DOCX，含 {caseNo} 等标签）生成。下载当前模板，在 Word 中修改后上传替换；标签须是该文书认识的。')}
      </Typography.Paragraph>
      {problem && (
        <Alert
          type="error"
          showIcon
          closable
          onClose={() => setProblem(null)}
          style={{ marginBottom: 12 }}
          role="alert"
          data-testid="template-problem"
          message={t('{{name}}的模板未被接受', { name: t(label(DOCUMENT_KIND_LABELS, problem.kind)) })}
          description={problem.text}
        />
      )}
      <QueryState loading={q.isLoading} error={q.error} onRetry={() => void q.refetch()}>
        <Table<DocumentTemplate>
          data-testid="document-templates"
          rowKey="kind"
          size="small"
          pagination={false}
          dataSource={q.data ?? []}
          scroll={{ x: 'max-content' }}
          columns={[
            { title: t('文书'), key: 'name', render: (_, r) => name(r) },
            {
              title: t('模板'),
              key: 'source',
              render: (_, r) => (r.source === 'default' ? <Tag>{t('系统默认')}</Tag> : <Tag color="blue">{t('自定义')}</Tag>),
            },
            { title: t('版本'), dataIndex: 'version', render: (v: number) => (v === 0 ? '—' : `v${v}`) },
            { title: t('文件名'), dataIndex: 'fileName', render: (f: string | null | undefined) => f ?? '—' },
            { title: t('上传人'), key: 'by', render: (_, r) => r.uploadedBy?.name ?? '—' },
            { title: t('上传时间'), dataIndex: 'uploadedAtShanghai', render: (s: string | null | undefined) => s ?? '—' },
            {
              title: 'sha256',
              dataIndex: 'sha256',
              render: (h: string) => (
                <Typography.Text className="mono" copyable={{ text: h }} style={{ fontSize: 12 }}>
                  {h.slice(0, 12)}…
                </Typography.Text>
              ),
            },
            {
              title: t('操作'),
              key: 'actions',
              render: (_, r) => (
                <Space size={4}>
                  <Button
                    size="small"
                    data-testid={`template-download-${r.kind}`}
                    onClick={() =>
                      void downloadNamed(`/api/v1/document-templates/${r.kind}/content`, `${r.kind}-v${r.version}.docx`).catch(
                        (e: unknown) => void message.error(errorMessage(e)),
                      )
                    }
                  >
                    {t('下载模板')}
                  </Button>
                  <Upload
                    accept=".docx,application/vnd.openxmlformats-officedocument.wordprocessingml.document"
                    showUploadList={false}
                    disabled={busy !== null}
                    beforeUpload={(file) => {
                      if (!/\.docx$/i.test(file.name)) {
                        setProblem({ kind: r.kind, text: t('请选择 .docx 文件') });
                        return Upload.LIST_IGNORE;
                      }
                      replace(r, file);
                      return false;
                    }}
                  >
                    <Button size="small" icon={<UploadOutlined />} loading={busy === r.kind} data-testid={`template-upload-${r.kind}`}>
                      {t('上传替换')}
                    </Button>
                  </Upload>
                </Space>
              ),
            },
          ]}
        />
      </QueryState>
    </Card>
  );
}
