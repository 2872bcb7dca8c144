import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { App as AntApp, Form } from 'antd';
import { afterEach, describe, expect, it, vi } from 'vitest';
import '../i18n';
import type { Case } from '../api/types';
import { partnerBody, PartnerFields } from '../pages/PartnersPage';
import amendTab, { toAmendBody } from './case-tabs/tabs/amend';
import { transferRequestBody } from './case-tabs/tabs/transfers';

const CASE: Case = {
  id: '00000000-0000-4000-8000-000000000001',
  receiptNo: 'SA2026-0001',
  caseNo: null,
  type: 'infringement_dispute',
  source: 'complaint',
  status: 'received',
  suspended: false,
  extensionPending: false,
  orgUnitCode: '120116',
  receivedOn: '2026-11-30',
  filedOn: null,
  closedOn: null,
  deadlines: { filingDecisionDue: '2026-12-07', closingDue: null, extendedClosingDue: null },
  overdue: false,
  pausedDays: 0,
  summary: '原摘要',
  ftz: false,
  fastTrack: false,
  reportReceived: false,
  ecommerce: null,
  assignedOfficerIds: [],
  requesters: [],
  respondents: [
    {
      kind: 'organization',
      name: '乙公司',
      role: null,
      uscc: '91350100M000100Y43',
      idNumber: null,
      legalRepresentative: null,
      address: null,
      phone: null,
    },
  ],
  patents: [{ number: 'ZL201510958772.0', normalized: '201510958772.0', kind: 'invention', title: null }],
  decision: null,
  outcome: null,
  procedure: {
    notice: null,
    statement: null,
    hearing: null,
    legalReview: null,
    legalReviewRequired: false,
    dispute: null,
    serviceDueOn: null,
    serviceRecordCount: 0,
    payment: null,
    amountOwedTodayFen: null,
    enforcement: null,
  },
  createdAt: '2026-11-30T01:00:00Z',
  updatedAt: '2026-11-30T01:00:00Z',
  version: 3,
  allowedActions: [],
};

const json = (status: number, body: unknown) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

function renderAmend(c: Case = CASE) {
  const Tab = amendTab.Component;
  return render(
    <QueryClientProvider client={new QueryClient()}>
      <AntApp>
        <Tab caseData={c} refresh={() => undefined} />
      </AntApp>
    </QueryClientProvider>,
  );
}

afterEach(() => vi.unstubAllGlobals());

describe('补正 (amend) form', () => {
  it('sends only what changed, with the expected version', async () => {
    const calls: { method: string; url: string; body: unknown }[] = [];
    vi.stubGlobal(
      'fetch',
      vi.fn(async (req: Request) => {
        calls.push({ method: req.method, url: req.url, body: await req.clone().json() });
        return json(200, { ...CASE, summary: '新摘要', version: 4 });
      }),
    );
    renderAmend();
    fireEvent.change(screen.getByLabelText('案情摘要'), { target: { value: ' 新摘要 ' } });
    fireEvent.click(screen.getByLabelText('自贸区'));
    fireEvent.click(screen.getByTestId('amend-submit'));
    await waitFor(() => expect(calls).toHaveLength(1));
    expect(calls[0].method).toBe('PATCH');
    expect(new URL(calls[0].url).pathname).toBe(`/api/v1/cases/${CASE.id}`);
    expect(calls[0].body).toEqual({ expectedVersion: 3, summary: '新摘要', ftz: true });
  });

  it("puts the server's 400 details[].field on the field", async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(async () =>
        json(400, {
          statusCode: 400,
          code: 'VALIDATION_FAILED',
          message: 'x',
          details: [{ field: 'patents.0.number', message: '校验位应为 0' }],
        }),
      ),
    );
    renderAmend();
    fireEvent.change(screen.getByLabelText('案情摘要'), { target: { value: '改了' } });
    fireEvent.click(screen.getByTestId('amend-submit'));
    await screen.findByText('校验位应为 0');
  });

  it('shows 422 CASE_NOT_AMENDABLE in Chinese', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(async () =>
        json(422, { statusCode: 422, code: 'CASE_NOT_AMENDABLE', message: 'a case that is decided can no longer be amended' }),
      ),
    );
    renderAmend();
    fireEvent.change(screen.getByLabelText('案情摘要'), { target: { value: '改了' } });
    fireEvent.click(screen.getByTestId('amend-submit'));
    expect((await screen.findByTestId('amend-error')).textContent).toContain('案件已作出决定，不能再补正');
  });

  it('says nothing changed instead of sending an empty amendment', async () => {
    const fetch = vi.fn();
    vi.stubGlobal('fetch', fetch);
    renderAmend();
    fireEvent.click(screen.getByTestId('amend-submit'));
    await screen.findByText('没有修改任何内容');
    expect(fetch).not.toHaveBeenCalled();
  });

  it('disables the form once the case is decided', () => {
    renderAmend({ ...CASE, status: 'decided' });
    expect(screen.getByText('案件已作出决定，不能再补正')).toBeTruthy();
    expect((screen.getByTestId('amend-submit') as HTMLButtonElement).disabled).toBe(true);
  });

  it('sends parties whole only when they were opened for editing, and patents when they changed', () => {
    const v = {
      summary: '原摘要',
      patents: [{ number: 'ZL201510958772.0' }, { number: ' 201410123456.7 ' }],
      respondents: [{ kind: 'organization' as const, name: '丙公司', address: '' }],
    };
    expect(toAmendBody(v, CASE, false)).toEqual({ patents: [{ number: 'ZL201510958772.0' }, { number: '201410123456.7' }] });
    expect(toAmendBody(v, CASE, true).respondents).toEqual([{ kind: 'organization', name: '丙公司' }]);
    expect(toAmendBody({ summary: '原摘要', patents: [{ number: 'ZL201510958772.0' }] }, CASE, false)).toEqual({});
  });
});

describe('transfer request and partner forms', () => {
  it('builds the transfer request: trimmed reason, one requested item per line', () => {
    expect(
      transferRequestBody({
        partnerCode: '130000',
        kind: 'assist_investigation',
        reason: ' 理由 ',
        requestedItems: '调取登记信息\n\n 询问证人 ',
      }),
    ).toEqual({
      partnerCode: '130000',
      kind: 'assist_investigation',
      reason: '理由',
      requestedItems: ['调取登记信息', '询问证人'],
    });
    expect(transferRequestBody({ partnerCode: '130000', kind: 'transfer', reason: 'x' })).not.toHaveProperty('requestedItems');
  });

  it('checks the partner code and the key id as typed and builds the PUT body', async () => {
    function H() {
      const [form] = Form.useForm();
      return (
        <AntApp>
          <Form form={form} initialValues={{ keys: [{ algorithm: 'ed25519' }] }}>
            <PartnerFields isNew />
          </Form>
        </AntApp>
      );
    }
    render(<H />);
    fireEvent.change(screen.getByLabelText('机关代码'), { target: { value: '13000' } });
    await screen.findByText('请填写 6 位行政区划代码');
    fireEvent.change(screen.getByLabelText('密钥编号'), { target: { value: 'bad id' } });
    await screen.findByText('字母、数字及 . _ : -');
    expect(
      partnerBody({
        name: ' 河北省知识产权局 ',
        endpoint: ' ',
        active: true,
        replyDueWorkingDays: 10,
        keys: [{ keyId: '130000-1', algorithm: 'sm2-sm3', publicKey: ' 04ab ' }],
      }),
    ).toEqual({
      name: '河北省知识产权局',
      endpoint: null,
      active: true,
      replyDueWorkingDays: 10,
      keys: [{ keyId: '130000-1', algorithm: 'sm2-sm3', publicKey: '04ab' }],
    });
  });
});
