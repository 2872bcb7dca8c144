import { Form, Input } from 'antd';
import { useTranslation } from 'react-i18next';

/** The reason most actions ask for. */
export function ReasonField({ label, name = 'reason', required = true }: { label: string; name?: string; required?: boolean }) {
  const { t } = useTranslation();
  return (
    <Form.Item
      label={t(label)}
      name={name}
      rules={required ? [{ required: true, whitespace: true, message: t('请填写{{x}}', { x: t(label) }) }] : []}
    >
      <Input.TextArea rows={3} maxLength={2000} autoFocus />
    </Form.Item>
  );
}
