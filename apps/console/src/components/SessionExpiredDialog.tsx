import { Modal, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { useSession } from '../auth/session';
import { LoginForm } from './LoginForm';

/**
 * The session ended (refresh refused, e.g. after the 14-day limit or a logout elsewhere): log in again over the page,
 * so a half-filled form is still there to save afterwards.
 */
export function SessionExpiredDialog() {
  const { t } = useTranslation();
  const { expired, me } = useSession();
  const navigate = useNavigate();
  return (
    <Modal open={expired} title={t('登录已过期')} footer={null} closable={false} maskClosable={false} destroyOnHidden>
      <Typography.Paragraph type="secondary">{t('请重新登录；当前页面填写的内容会保留。')}</Typography.Paragraph>
      <LoginForm
        username={me?.username}
        onDone={(user) => {
          if (me && user.id !== me.id) navigate('/');
        }}
      />
    </Modal>
  );
}
