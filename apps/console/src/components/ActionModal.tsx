import { Alert, App, Button, Form, Modal } from 'antd';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../api/errors';
import { applyFieldErrors, errorMessage } from '../lib/errors';

/**
 * The dialog every lifecycle action opens: its fields, submit with the record's expectedVersion (added by the
 * caller), 400 field errors put on the fields, 409 shown as "已被他人修改，请刷新" with a refresh button.
 */
export function ActionModal({
  open,
  title,
  danger,
  width,
  children,
  onSubmit,
  onClose,
  onRefresh,
  okText,
  alias,
  initialValues,
  testId,
}: {
  open: boolean;
  title: string;
  danger?: boolean;
  width?: number;
  children?: ReactNode;
  onSubmit: (values: Record<string, unknown>) => Promise<void>;
  onClose: () => void;
  onRefresh: () => void;
  okText?: string;
  alias?: (field: string) => string;
  initialValues?: Record<string, unknown>;
  testId?: string;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm();
  const [busy, setBusy] = useState(false);
  const [conflict, setConflict] = useState(false);
  const [error, setError] = useState<string | null>(null);
  return (
    <Modal
      open={open}
      title={title}
      width={width ?? 560}
      onCancel={onClose}
      destroyOnHidden
      okText={okText ?? t('确定')}
      okButtonProps={{ danger, loading: busy, disabled: conflict, 'data-testid': 'action-ok' } as never}
      onOk={() => form.submit()}
    >
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
              onClick={() => {
                setConflict(false);
                onRefresh();
              }}
            >
              {t('刷新')}
            </Button>
          }
        />
      )}
      {error && <Alert type="error" showIcon style={{ marginBottom: 12 }} message={error} role="alert" />}
      <Form
        form={form}
        layout="vertical"
        preserve={false}
        initialValues={initialValues}
        data-testid={testId}
        onFinish={async (values: Record<string, unknown>) => {
          setBusy(true);
          setError(null);
          try {
            await onSubmit(values);
            void message.success(t('已完成'));
            onClose();
          } catch (e) {
            if (isApiError(e) && e.status === 409 && e.code === 'VERSION_CONFLICT') setConflict(true);
            else {
              const rest = applyFieldErrors(form, e, alias);
              setError(rest.length ? `${errorMessage(e)}：${rest.map((r) => `${r.field} ${r.message}`).join('；')}` : errorMessage(e));
            }
          } finally {
            setBusy(false);
          }
        }}
      >
        {children}
      </Form>
    </Modal>
  );
}
