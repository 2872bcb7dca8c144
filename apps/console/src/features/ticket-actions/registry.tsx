import { Form, Input, Radio, Rate, Select } from 'antd';
import type { ComponentType } from 'react';
import { useTranslation } from 'react-i18next';
import { useEnforcementUnits } from '../../api/hooks';
import { CASE_TYPES, type Ticket, type TicketAction, type TicketActionBody } from '../../api/types';
import { CASE_TYPE_LABELS, REQUESTER_ROLE_LABELS } from '../../lib/labels';

/** One ticket action's form (docs/api.md "Hotline"); an action not listed here is sent with expectedVersion only. */
export interface TicketActionDef {
  Fields?: ComponentType<{ ticket: Ticket }>;
  toPayload: (v: Record<string, unknown>) => Omit<TicketActionBody, 'expectedVersion'>;
  primary?: boolean;
}

function Text({ name, label, required = true }: { name: string; label: string; required?: boolean }) {
  const { t } = useTranslation();
  return (
    <Form.Item label={t(label)} name={name} rules={required ? [{ required: true, whitespace: true }] : []}>
      <Input.TextArea rows={3} autoFocus />
    </Form.Item>
  );
}

function UnitField({ ticket }: { ticket: Ticket }) {
  const { t } = useTranslation();
  const units = useEnforcementUnits();
  return (
    <Form.Item label={t('办理单位')} name="orgUnitCode" initialValue={ticket.orgUnitCode ?? undefined} rules={[{ required: true }]}>
      <Select showSearch optionFilterProp="label" options={units.data?.map((u) => ({ value: u.code, label: u.name }))} />
    </Form.Item>
  );
}

function ConvertFields({ ticket }: { ticket: Ticket }) {
  const { t } = useTranslation();
  return (
    <>
      <Form.Item label={t('案件类型')} name="type" rules={[{ required: true }]}>
        <Select options={CASE_TYPES.map((x) => ({ value: x, label: t(CASE_TYPE_LABELS[x]) }))} />
      </Form.Item>
      <UnitField ticket={ticket} />
      <Form.Item
        label={t('来电人身份')}
        name="requesterRole"
        extra={ticket.caller.organization ? t('来电人所在单位 {{org}} 将作为请求人', { org: ticket.caller.organization }) : undefined}
      >
        <Radio.Group optionType="button" options={Object.entries(REQUESTER_ROLE_LABELS).map(([value, l]) => ({ value, label: t(l) }))} />
      </Form.Item>
      <Form.Item label={t('案情摘要（默认取工单事项和内容）')} name="summary">
        <Input.TextArea rows={2} />
      </Form.Item>
    </>
  );
}

function CallbackFields() {
  const { t } = useTranslation();
  return (
    <>
      <Form.Item label={t('满意度（1–5）')} name="satisfaction" rules={[{ required: true, message: t('请选择满意度') }]}>
        <Rate count={5} />
      </Form.Item>
      <Form.Item label={t('回访记录')} name="note">
        <Input.TextArea rows={2} />
      </Form.Item>
    </>
  );
}

const opt = (v: unknown) => (typeof v === 'string' && v.trim() ? v.trim() : undefined);

export const TICKET_ACTION_FORMS: Partial<Record<TicketAction, TicketActionDef>> = {
  triage: { Fields: () => <Text name="note" label="分拣说明" required={false} />, toPayload: (v) => ({ note: opt(v.note) }) },
  assign: { Fields: UnitField, toPayload: (v) => ({ orgUnitCode: v.orgUnitCode as string }), primary: true },
  start: { toPayload: () => ({}) },
  respond: {
    Fields: () => <Text name="response" label="答复内容" />,
    toPayload: (v) => ({ response: (v.response as string).trim() }),
    primary: true,
  },
  close: { Fields: () => <Text name="note" label="办结说明" required={false} />, toPayload: (v) => ({ note: opt(v.note) }) },
  reopen: { Fields: () => <Text name="reason" label="重新打开原因" />, toPayload: (v) => ({ reason: (v.reason as string).trim() }) },
  convert: {
    Fields: ConvertFields,
    primary: true,
    toPayload: (v) => ({
      type: v.type as TicketActionBody['type'],
      orgUnitCode: v.orgUnitCode as string,
      summary: opt(v.summary),
      ...(v.requesterRole ? { requesterRole: v.requesterRole as TicketActionBody['requesterRole'] } : {}),
    }),
  },
  forward: {
    Fields: () => (
      <>
        <Text name="agency" label="转至机关" />
        <Text name="note" label="说明" required={false} />
      </>
    ),
    toPayload: (v) => ({ agency: (v.agency as string).trim(), note: opt(v.note) }),
  },
  callback: { Fields: CallbackFields, toPayload: (v) => ({ satisfaction: v.satisfaction as number, note: opt(v.note) }), primary: true },
};
