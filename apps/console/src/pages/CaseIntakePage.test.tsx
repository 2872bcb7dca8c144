import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { App as AntApp, Form, Input } from 'antd';
import { describe, expect, it } from 'vitest';
import '../i18n';
import { ApiError } from '../api/errors';
import { PartyList } from '../components/PartyList';
import { PatentList } from '../components/PatentList';
import { applyFieldErrors } from '../lib/errors';
import { toCreateCaseBody } from './CaseIntakePage';
import dayjs from 'dayjs';

function Harness({ onForm }: { onForm?: (f: ReturnType<typeof Form.useForm>[0]) => void }) {
  const [form] = Form.useForm();
  onForm?.(form);
  return (
    <QueryClientProvider client={new QueryClient()}>
      <AntApp>
        <Form form={form} initialValues={{ respondents: [{ kind: 'organization' }], patents: [{}] }}>
          <Form.Item label="案情摘要" name="summary">
            <Input />
          </Form.Item>
          <PartyList name="respondents" title="被请求人" minOne />
          <PatentList />
        </Form>
      </AntApp>
    </QueryClientProvider>
  );
}

describe('intake form fields', () => {
  it('checks the USCC as it is typed and says what is wrong, in Chinese', async () => {
    render(<Harness />);
    const party = screen.getByTestId('respondents-0');
    const input = within(party).getByLabelText('统一社会信用代码');
    fireEvent.change(input, { target: { value: '91350100M000100Y44' } });
    await within(party).findByText('校验位应为 3');
    fireEvent.change(input, { target: { value: '91350100M000100Y43' } });
    await waitFor(() => expect(within(party).queryByText('校验位应为 3')).toBeNull());
  });

  it('switches to the resident ID check for an individual', async () => {
    render(<Harness />);
    const party = screen.getByTestId('respondents-0');
    fireEvent.mouseDown(within(party).getByLabelText('类别'));
    fireEvent.click(await screen.findByTitle('个人'));
    const id = await within(party).findByLabelText('身份证号');
    fireEvent.change(id, { target: { value: '110105194912310021' } });
    await within(party).findByText('校验位应为 X');
  });

  it('checks patent numbers and shows the normalised number and kind of a valid one', async () => {
    render(<Harness />);
    const input = screen.getByLabelText('专利号/申请号');
    fireEvent.change(input, { target: { value: 'ZL201510958772.1' } });
    await screen.findByText('校验位应为 0');
    fireEvent.change(input, { target: { value: 'ZL 2015 1 0958772.0' } });
    await screen.findByText(/201510958772\.0 · 发明 · 2015/);
  });

  it("puts a server 400's details[].field on the matching fields", async () => {
    let form!: ReturnType<typeof Form.useForm>[0];
    render(<Harness onForm={(f) => (form = f)} />);
    const err = new ApiError(400, {
      statusCode: 400,
      code: 'VALIDATION_FAILED',
      message: 'invalid',
      details: [
        { field: 'respondents.0.uscc', message: 'check character should be 3' },
        { field: 'receivedOn', message: 'must not be in the future' },
      ],
    });
    let rest: { field: string }[] = [];
    await waitFor(() => expect(form).toBeDefined());
    act(() => {
      rest = applyFieldErrors(form, err);
    });
    await within(screen.getByTestId('respondents-0')).findByText('check character should be 3');
    expect(rest.map((r) => r.field)).toEqual(['receivedOn']);
  });

  it('builds the api body: trimmed, upper-cased codes, flags, empty values left out', () => {
    const body = toCreateCaseBody({
      type: 'infringement_dispute',
      source: 'complaint',
      orgUnitCode: '120116',
      receivedOn: dayjs('2026-11-30'),
      summary: ' 摘要 ',
      requesters: [{ kind: 'organization', name: '甲公司', uscc: ' 91350100m000100y43 ', role: 'patentee' }],
      respondents: [{ kind: 'individual', name: '乙', idNumber: '11010519491231002x', address: '' }],
      patents: [{ number: ' ZL201510958772.0 ', title: '' }],
      flags: ['ftz'],
    });
    expect(body).toEqual({
      type: 'infringement_dispute',
      source: 'complaint',
      orgUnitCode: '120116',
      receivedOn: '2026-11-30',
      summary: '摘要',
      requesters: [{ kind: 'organization', name: '甲公司', uscc: '91350100M000100Y43', role: 'patentee' }],
      respondents: [{ kind: 'individual', name: '乙', idNumber: '11010519491231002X' }],
      patents: [{ number: 'ZL201510958772.0' }],
      ftz: true,
    });
  });
});
