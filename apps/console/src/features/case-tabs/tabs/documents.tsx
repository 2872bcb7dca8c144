import { useQuery } from '@tanstack/react-query';
import { App, Button, Form, Modal, Select, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, authorizedBlob } from '../../../api/client';
import { useUserName } from '../../../api/hooks';
import { DOCUMENT_KINDS, type Case, type CaseDocument, type DocumentKind } from '../../../api/types';
import { ActionModal } from '../../../components/ActionModal';
import { QueryState } from '../../../components/QueryState';
import { downloadNamed } from '../../../lib/download';
import { errorMessage } from '../../../lib/errors';
import { DOCUMENT_KIND_LABELS, label } from '../../../lib/labels';
import { defineCaseTab } from '../define';

const contentUrl = (d: CaseDocument, format: 'pdf' | 'docx') => `/api/v1/cases/${d.caseId}/documents/${d.id}/content?format=${format}`;

/** One row per kind (its latest version); the older versions are its children, collapsed. */
type Row = CaseDocument & { latest: boolean; children?: Row[] };

export function groupDocuments(docs: readonly CaseDocument[]): Row[] {
  const byKind = new Map<string, CaseDocument[]>();
  for (const d of docs) byKind.set(d.kind, [...(byKind.get(d.kind) ?? []), d]);
  const order = (k: string) => {
    const i = DOCUMENT_KINDS.indexOf(k as DocumentKind);
    return i < 0 ? DOCUMENT_KINDS.length : i;
  };
  return [...byKind.entries()]
    .sort(([a], [b]) => order(a) - order(b))
    .map(([, list]) => {
      const [latest, ...older] = [...list].sort((a, b) => b.version - a.version);
      return {
        ...latest!,
        latest: true,
        ...(older.length ? { children: older.map((d) => ({ ...d, latest: false })) } : {}),
      };
    });
}

function DocumentsTab({ caseData, refresh }: { caseData: Case; refresh: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const userName = useUserName();
  const [generating, setGenerating] = useState(false);
  const [preview, setPreview] = useState<{ url: string; title: string } | null>(null);
  const q = useQuery({
    queryKey: ['case', caseData.id, 'documents'],
    queryFn: () => api.get('/api/v1/cases/{id}/documents', { path: { id: caseData.id } }),
  });
  const rows = groupDocuments(q.data ?? []);
  const kindName = (d: CaseDocument) => t(label(DOCUMENT_KIND_LABELS, d.kind));
  const fail = (err: unknown) => void message.error(errorMessage(err));

  const openPreview = (d: CaseDocument) =>
    void authorizedBlob(contentUrl(d, 'pdf'))
      .then((b) =>
        setPreview({
          url: URL.createObjectURL(new Blob([b], { type: 'application/pdf' })),
          title: `${kindName(d)} v${d.version}${d.documentNo ? ` ${d.documentNo}` : ''}`,
        }),
      )
      .catch(fail);
  const download = (d: CaseDocument, format: 'pdf' | 'docx') =>
    void downloadNamed(contentUrl(d, format), `${d.kind}-v${d.version}.${format}`).catch(fail);

  return (
    <>
      <Space style={{ marginBottom: 12 }} wrap>
        <Button type="primary" onClick={() => setGenerating(true)} data-testid="generate-document">
          {t('生成文书')}
        </Button>
        <Typography.Text type="secondary">{t('再次生成同一种文书会产生新版本，旧版本保留')}</Typography.Text>
      </Space>
      <QueryState loading={q.isLoading} error={q.error} onRetry={() => void q.refetch()}>
        <Table<Row>
          data-testid="case-documents"
          rowKey="id"
          size="small"
          pagination={false}
          dataSource={rows}
          locale={{ emptyText: t('本案尚未生成文书') }}
          scroll={{ x: 'max-content' }}
          expandable={{ indentSize: 12 }}
          rowClassName={(r) => (r.latest ? '' : 'superseded')}
          columns={[
            {
              title: t('文书'),
              key: 'name',
              render: (_, d) => <span data-testid="document-name">{kindName(d)}</span>,
            },
            {
              title: t('文书编号'),
              dataIndex: 'documentNo',
              render: (no: string | null | undefined) => (no ? <span data-testid="document-no">{no}</span> : '—'),
            },
            {
              title: t('版本'),
              dataIndex: 'version',
              render: (v: number, d) => (
                <Space size={4}>
                  <Tag
                    color={d.latest ? 'blue' : undefined}
                    data-testid="document-version"
                    title={d.templateVersion === 0 ? t('默认模板') : t('模板 v{{v}}', { v: d.templateVersion })}
                  >
                    v{v}
                  </Tag>
                  {!d.latest && <Typography.Text type="secondary">{t('已被取代')}</Typography.Text>}
                </Space>
              ),
            },
            { title: t('生成人'), key: 'by', render: (_, d) => d.generatedBy.name ?? userName(d.generatedBy.id) },
            { title: t('生成时间'), dataIndex: 'generatedAtShanghai' },
            {
              title: 'sha256 (PDF)',
              key: 'sha',
              render: (_, d) => (
                <Typography.Text className="mono" copyable={{ text: d.pdf.sha256 }} style={{ fontSize: 12 }} data-testid="sha256">
                  {d.pdf.sha256.slice(0, 8)}…
                </Typography.Text>
              ),
            },
            {
              title: t('操作'),
              key: 'actions',
              render: (_, d) => (
                <Space size={4}>
                  <Button size="small" onClick={() => openPreview(d)} data-testid="document-preview">
                    {t('预览')}
                  </Button>
                  <Button size="small" onClick={() => download(d, 'pdf')} data-testid="document-pdf">
                    {t('下载 PDF')}
                  </Button>
                  <Button size="small" onClick={() => download(d, 'docx')} data-testid="document-docx">
                    {t('下载 DOCX')}
                  </Button>
                </Space>
              ),
            },
          ]}
        />
      </QueryState>
      {generating && (
        <ActionModal
          open
          title={t('生成文书')}
          okText={t('生成')}
          testId="generate-document-form"
          onClose={() => setGenerating(false)}
          onRefresh={refresh}
          onSubmit={async (values) => {
            const kind = values.kind as DocumentKind;
            await api.post('/api/v1/cases/{id}/documents', { kind, expectedVersion: caseData.version }, { path: { id: caseData.id } });
            refresh(); // the case's timeline has the generate_document event; the list refetches with it
          }}
        >
          <Form.Item label={t('文书种类')} name="kind" rules={[{ required: true, message: t('请选择文书种类') }]}>
            <Select
              showSearch
              optionFilterProp="label"
              options={DOCUMENT_KINDS.map((k) => ({ value: k, label: t(DOCUMENT_KIND_LABELS[k]!) }))}
            />
          </Form.Item>
          <Typography.Text type="secondary">{t('不适用于本案当前状态的文书，生成时会说明原因')}</Typography.Text>
        </ActionModal>
      )}
      <Modal
        open={!!preview}
        title={preview?.title}
        width={960}
        style={{ top: 24 }}
        footer={null}
        destroyOnHidden
        onCancel={() => {
          if (preview) URL.revokeObjectURL(preview.url);
          setPreview(null);
        }}
      >
        {preview && (
          <iframe
            title={preview.title}
            src={preview.url}
            data-testid="document-preview-frame"
            style={{ width: '100%', height: '72vh', border: 0 }}
          />
        )}
      </Modal>
    </>
  );
}

export default defineCaseTab({ key: 'documents', label: '文书', order: 55, Component: DocumentsTab });
