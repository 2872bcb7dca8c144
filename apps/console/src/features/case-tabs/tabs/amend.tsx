import { useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Checkbox, Form, Input, Space, Switch, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../../api/client';
import { isApiError } from '../../../api/errors';
import type { AmendCaseBody, Case, Party, PartyBody } from '../../../api/types';
import { PartyList } from '../../../components/PartyList';
import { PatentList } from '../../../components/PatentList';
import { applyFieldErrors, errorMessage } from '../../../lib/errors';
import { defineCaseTab } from '../define';

export const AMENDABLE: readonly Case['status'][] = ['received', 'filed', 'investigating', 'hearing', 'pending_decision'];

export interface AmendValues {
  summary: string;
  flags?: ('ftz' | 'fastTrack')[];
  patents?: { number: string; title?: string }[];
  requesters?: Partial<PartyBody>[];
  respondents?: Partial<PartyBody>[];
}

const clean = <T extends object>(o: T): T =>
  Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined && v !== null && v !== '')) as T;

const party = (p: Partial<PartyBody>): PartyBody =>
  clean({ ...p, uscc: p.uscc?.trim().toUpperCase(), idNumber: p.idNumber?.trim().toUpperCase() }) as PartyBody;

const patentKey = (list: { number: string }[]) => JSON.stringify(list.map((p) => p.number.replace(/[\s.]/g, '').toUpperCase()).sort());

/**
 * What changed, as PATCH /cases/:id wants it: only the fields with a new value (the server refuses a body that
 * changes nothing). Parties are sent whole, and only when they were opened for editing (their contacts unmasked).
 */
export function toAmendBody(v: AmendValues, c: Case, editParties: boolean): Omit<AmendCaseBody, 'expectedVersion'> {
  const body: Omit<AmendCaseBody, 'expectedVersion'> = {};
  const summary = v.summary.trim();
  if (summary !== c.summary) body.summary = summary;
  const flags = new Set(v.flags ?? []);
  if (flags.has('ftz') !== c.ftz) body.ftz = flags.has('ftz');
  if (flags.has('fastTrack') !== c.fastTrack) body.fastTrack = flags.has('fastTrack');
  const patents = (v.patents ?? []).filter((p) => p.number?.trim());
  const before = c.patents.map((p) => ({ number: p.number, title: p.title ?? undefined }));
  if (
    patentKey(patents) !== patentKey(before) ||
    JSON.stringify(patents.map((p) => p.title ?? '')) !== JSON.stringify(before.map((p) => p.title ?? ''))
  )
    body.patents = patents.map((p) => clean({ number: p.number.trim(), title: p.title?.trim() }));
  if (editParties) {
    body.requesters = (v.requesters ?? []).map(party);
    body.respondents = (v.respondents ?? []).map(party);
  }
  return body;
}

const asForm = (p: Party): Partial<PartyBody> =>
  clean({
    kind: p.kind,
    name: p.name,
    role: p.role ?? undefined,
    uscc: p.uscc ?? undefined,
    legalRepresentative: p.legalRepresentative ?? undefined,
    address: p.address ?? undefined,
  }) as Partial<PartyBody>;

/** 补正: corrects summary, flags, patents and parties until a decision is taken (PATCH /cases/:id). */
function AmendTab({ caseData: c }: { caseData: Case }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<AmendValues>();
  const [editParties, setEditParties] = useState(false);
  const [loadingParties, setLoadingParties] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [conflict, setConflict] = useState(false);
  const amendable = AMENDABLE.includes(c.status);

  /** Parties are replaced whole, so their masked ID numbers and phones are read in clear first (audited, with the reason). */
  const openParties = async () => {
    setLoadingParties(true);
    setError(null);
    try {
      const load = (role: 'requester' | 'respondent', list: Party[]) =>
        Promise.all(
          list.map(async (p, i) => {
            const f = asForm(p);
            if (!p.phone && !p.idNumber) return f;
            const contact = await api.get('/api/v1/cases/{id}/parties/{role}/{ordinal}/contact', {
              path: { id: c.id, role, ordinal: String(i) },
              query: { reason: '补正当事人信息' },
            });
            return clean({ ...f, phone: contact.phone ?? undefined, idNumber: contact.idNumber ?? undefined });
          }),
        );
      const [requesters, respondents] = await Promise.all([load('requester', c.requesters), load('respondent', c.respondents)]);
      form.setFieldsValue({ requesters, respondents });
      setEditParties(true);
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setLoadingParties(false);
    }
  };

  return (
    <div data-testid="amend-tab">
      {!amendable && <Alert type="info" showIcon style={{ marginBottom: 12 }} message={t('案件已作出决定，不能再补正')} />}
      {conflict && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 12 }}
          message={t('已被他人修改，请刷新')}
          data-testid="version-conflict"
          action={
            <Button
              size="small"
              onClick={() => void queryClient.invalidateQueries({ queryKey: ['case', c.id] }).then(() => setConflict(false))}
            >
              {t('刷新')}
            </Button>
          }
        />
      )}
      {error && <Alert type="error" showIcon style={{ marginBottom: 12 }} message={error} role="alert" data-testid="amend-error" />}
      <Form<AmendValues>
        key={c.version}
        form={form}
        layout="vertical"
        disabled={!amendable}
        initialValues={{
          summary: c.summary,
          flags: [...(c.ftz ? ['ftz' as const] : []), ...(c.fastTrack ? ['fastTrack' as const] : [])],
          patents: c.patents.map((p) => ({ number: p.number, title: p.title ?? undefined })),
        }}
        onFinish={async (v) => {
          setError(null);
          const body = toAmendBody(v, c, editParties);
          if (!Object.keys(body).length) {
            setError(t('没有修改任何内容'));
            return;
          }
          setBusy(true);
          try {
            const updated = await api.patch('/api/v1/cases/{id}', { expectedVersion: c.version, ...body }, { path: { id: c.id } });
            queryClient.setQueryData(['case', c.id], updated);
            void queryClient.invalidateQueries({ queryKey: ['cases'] });
            setEditParties(false);
            void message.success(t('已补正'));
          } catch (e) {
            if (isApiError(e) && e.status === 409 && e.code === 'VERSION_CONFLICT') setConflict(true);
            else {
              const rest = applyFieldErrors(form, e);
              setError(rest.length ? `${errorMessage(e)}：${rest.map((r) => `${r.field} ${r.message}`).join('；')}` : errorMessage(e));
            }
          } finally {
            setBusy(false);
          }
        }}
      >
        <Form.Item label={t('案情摘要')} name="summary" rules={[{ required: true, whitespace: true, message: t('请填写案情摘要') }]}>
          <Input.TextArea rows={3} maxLength={5000} />
        </Form.Item>
        <Form.Item label={t('标记')} name="flags">
          <Checkbox.Group
            options={[
              { value: 'ftz', label: t('自贸区') },
              { value: 'fastTrack', label: t('快速协同') },
            ]}
          />
        </Form.Item>
        <PatentList />
        <Card size="small" style={{ marginBottom: 16 }}>
          <Space>
            <Switch
              id="edit-parties"
              checked={editParties}
              loading={loadingParties}
              onChange={(on) => (on ? void openParties() : setEditParties(false))}
            />
            <label htmlFor="edit-parties">{t('修改当事人')}</label>
            <Typography.Text type="secondary">{t('当事人整体替换；打开时读取身份证号和电话明文（记入审计日志）')}</Typography.Text>
          </Space>
        </Card>
        {editParties && (
          <>
            <PartyList name="requesters" title="请求人" withRole />
            <PartyList name="respondents" title="被请求人" minOne />
          </>
        )}
        <Button type="primary" htmlType="submit" loading={busy} data-testid="amend-submit">
          {t('提交补正')}
        </Button>
      </Form>
    </div>
  );
}

export default defineCaseTab({ key: 'amend', label: '补正', order: 70, Component: AmendTab });
