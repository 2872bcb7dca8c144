import { Card, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Navigate, useNavigate } from 'react-router';
import { useSession } from '../auth/session';
import { LoginForm } from '../components/LoginForm';
import { setLang } from '../i18n';
import { homeFor } from '../routes';

export function LoginPage() {
  const { t, i18n } = useTranslation();
  const { me } = useSession();
  const navigate = useNavigate();
  if (me) return <Navigate to={homeFor(me.roles)} replace />;
  return (
    <div style={{ minHeight: '100%', display: 'flex', alignItems: 'center', justifyContent: 'center', background: '#f0f2f5' }}>
      <Card style={{ width: 380 }}>
        <Typography.Title level={3} style={{ textAlign: 'center', marginTop: 0 }}>
          {t('专利行政执法办案平台')}
        </Typography.Title>
        <Typography.Paragraph type="secondary" style={{ textAlign: 'center' }}>
          {t('天津市知识产权局')}
        </Typography.Paragraph>
        <LoginForm onDone={(user) => navigate(homeFor(user.roles), { replace: true })} />
        <div style={{ textAlign: 'center', marginTop: 16 }}>
          <Typography.Link onClick={() => setLang(i18n.language === 'en' ? 'zh-CN' : 'en')}>
            {i18n.language === 'en' ? '中文' : 'English'}
          </Typography.Link>
        </div>
      </Card>
    </div>
  );
}
