import { LockOutlined, UserOutlined } from '@ant-design/icons';
import { Alert, Button, Form, Input } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../api/errors';
import type { Me } from '../api/types';
import { useSession } from '../auth/session';
import { errorMessage } from '../lib/errors';

export function loginErrorMessage(e: unknown): string {
  if (isApiError(e)) {
    if (e.status === 401) return '用户名或密码错误';
    if (e.code === 'ACCOUNT_LOCKED') return '密码错误次数过多，账户已锁定 15 分钟，请稍后再试或联系管理员';
    if (e.code === 'RATE_LIMITED') return '登录尝试过于频繁，请一分钟后再试';
  }
  return errorMessage(e);
}

export function LoginForm({ username, onDone }: { username?: string; onDone: (me: Me) => void }) {
  const { t } = useTranslation();
  const { login } = useSession();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  return (
    <Form
      layout="vertical"
      initialValues={{ username }}
      requiredMark={false}
      onFinish={async (v: { username: string; password: string }) => {
        setBusy(true);
        setError(null);
        try {
          onDone(await login(v.username.trim(), v.password));
        } catch (e) {
          setError(t(loginErrorMessage(e)));
        } finally {
          setBusy(false);
        }
      }}
    >
      {error && <Alert type="error" showIcon message={error} style={{ marginBottom: 16 }} role="alert" data-testid="login-error" />}
      <Form.Item label={t('用户名')} name="username" rules={[{ required: true, message: t('请输入用户名') }]}>
        <Input prefix={<UserOutlined />} autoComplete="username" autoFocus={!username} />
      </Form.Item>
      <Form.Item label={t('密码')} name="password" rules={[{ required: true, message: t('请输入密码') }]}>
        <Input.Password prefix={<LockOutlined />} autoComplete="current-password" autoFocus={!!username} />
      </Form.Item>
      <Button type="primary" htmlType="submit" block loading={busy}>
        {t('登录')}
      </Button>
    </Form>
  );
}
