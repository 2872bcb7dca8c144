import { useQueryClient } from '@tanstack/react-query';
import { Button, Form, Input, Space, Typography } from 'antd';
import { useState, type ComponentType } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import type { Transfer, TransferAction } from '../../api/types';
import { ActionModal } from '../../components/ActionModal';
import { TRANSFER_ACTION_LABELS } from '../../lib/labels';
import { ReasonField } from '../case-actions/reason-field';

/** The forms of a transfer's actions (POST /transfers/:id/actions/:action, with expectedVersion). */
interface TransferActionDef {
  Fields?: ComponentType<{ transfer: Transfer }>;
  toPayload: (v: Record<string, unknown>) => { reason?: string; result?: string };
  primary?: boolean;
  danger?: boolean;
}

const Note = ({ text }: { text: string }) => {
  const { t } = useTranslation();
  return <Typography.Paragraph>{t(text)}</Typography.Paragraph>;
};

export const TRANSFER_ACTION_FORMS: Record<TransferAction, TransferActionDef> = {
  approve: {
    primary: true,
    Fields: () => <Note text="批准后系统将签名并发送给对方机关，发送失败会自动重试。" />,
    toPayload: () => ({}),
  },
  return: { danger: true, Fields: () => <ReasonField label="退回理由" />, toPayload: (v) => ({ reason: v.reason as string }) },
  retry: { primary: true, Fields: () => <Note text="重新发送给对方机关。" />, toPayload: () => ({}) },
  accept: {
    primary: true,
    Fields: () => <Note text="接收后将核对证据文件的 sha256 并在本单位立一个收案（来源：外地移送）。" />,
    toPayload: () => ({}),
  },
  decline: { danger: true, Fields: () => <ReasonField label="拒绝理由" />, toPayload: (v) => ({ reason: v.reason as string }) },
  answer: {
    primary: true,
    Fields: function AnswerFields() {
      const { t } = useTranslation();
      return (
        <Form.Item label={t('答复内容')} name="result" rules={[{ required: true, whitespace: true, message: t('请填写答复内容') }]}>
          <Input.TextArea rows={5} maxLength={20000} autoFocus />
        </Form.Item>
      );
    },
    toPayload: (v) => ({ result: (v.result as string).trim() }),
  },
};

/** The actions allowed now as buttons, each opening its form; `onDone` gets the updated transfer. */
export function TransferActionButtons({
  transfer,
  onDone,
  onRefresh,
  size,
}: {
  transfer: Pick<Transfer, 'id' | 'version' | 'allowedActions'> & Partial<Transfer>;
  onDone?: (t: Transfer) => void;
  onRefresh: () => void;
  size?: 'small' | 'middle';
}) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [open, setOpen] = useState<TransferAction | null>(null);
  const def = open ? TRANSFER_ACTION_FORMS[open] : null;
  return (
    <>
      <Space wrap onClick={(e) => e.stopPropagation()}>
        {transfer.allowedActions.map((a) => (
          <Button
            key={a}
            size={size}
            data-transfer-action={a}
            type={TRANSFER_ACTION_FORMS[a].primary ? 'primary' : 'default'}
            danger={TRANSFER_ACTION_FORMS[a].danger}
            onClick={() => setOpen(a)}
          >
            {t(TRANSFER_ACTION_LABELS[a])}
          </Button>
        ))}
      </Space>
      {def && open && (
        <ActionModal
          open
          title={t(TRANSFER_ACTION_LABELS[open])}
          danger={def.danger}
          onClose={() => setOpen(null)}
          onRefresh={onRefresh}
          onSubmit={async (values) => {
            const updated = await api.post(
              '/api/v1/transfers/{id}/actions/{action}',
              { expectedVersion: transfer.version, ...def.toPayload(values) },
              { path: { id: transfer.id, action: open } },
            );
            queryClient.setQueryData(['transfer', transfer.id], updated);
            void queryClient.invalidateQueries({ queryKey: ['transfers'] });
            onDone?.(updated);
          }}
        >
          {def.Fields && <def.Fields transfer={transfer as Transfer} />}
        </ActionModal>
      )}
    </>
  );
}
