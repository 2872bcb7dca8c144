import {
  AimOutlined,
  AlertOutlined,
  AuditOutlined,
  ApiOutlined,
  BankOutlined,
  BranchesOutlined,
  CalendarOutlined,
  CheckSquareOutlined,
  ClockCircleOutlined,
  DashboardOutlined,
  FileAddOutlined,
  FileWordOutlined,
  FolderOpenOutlined,
  GlobalOutlined,
  LogoutOutlined,
  PhoneOutlined,
  ProfileOutlined,
  SafetyCertificateOutlined,
  ShareAltOutlined,
  ShopOutlined,
  TeamOutlined,
  UnorderedListOutlined,
} from '@ant-design/icons';
import { Button, Layout, Menu, Space, Tag, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { matchPath, useLocation, useNavigate } from 'react-router';
import { useMe, useSession } from '../auth/session';
import { setLang } from '../i18n';
import { ROLE_LABELS } from '../lib/labels';
import { ROUTES } from '../routes';
import { SessionExpiredDialog } from './SessionExpiredDialog';

const ICONS: Record<string, ReactNode> = {
  work: <ProfileOutlined />,
  cases: <FolderOpenOutlined />,
  intake: <FileAddOutlined />,
  phone: <PhoneOutlined />,
  queue: <UnorderedListOutlined />,
  approve: <CheckSquareOutlined />,
  dashboard: <DashboardOutlined />,
  overdue: <ClockCircleOutlined />,
  credit: <SafetyCertificateOutlined />,
  alert: <AlertOutlined />,
  audit: <AuditOutlined />,
  users: <TeamOutlined />,
  org: <BankOutlined />,
  transfer: <ShareAltOutlined />,
  liaison: <ShopOutlined />,
  referral: <BranchesOutlined />,
  partner: <ApiOutlined />,
  target: <AimOutlined />,
  calendar: <CalendarOutlined />,
  templates: <FileWordOutlined />,
};

export function AppLayout({ children }: { children: ReactNode }) {
  const me = useMe();
  const { logout } = useSession();
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const location = useLocation();
  const mine = ROUTES.filter((r) => r.menu && r.roles.some((role) => me.roles.includes(role)));
  const groups = [...new Set(mine.map((r) => r.menu!.group))];
  const items = groups.map((g) => ({
    type: 'group' as const,
    key: g,
    label: t(g),
    children: mine.filter((r) => r.menu!.group === g).map((r) => ({ key: r.path, icon: ICONS[r.menu!.icon], label: t(r.menu!.label) })),
  }));
  const selected = mine
    .filter((r) => matchPath({ path: r.path, end: false }, location.pathname))
    .sort((a, b) => b.path.length - a.path.length)[0]?.path;

  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Layout.Sider width={200} theme="light" breakpoint="lg" collapsedWidth={64} style={{ borderRight: '1px solid #f0f0f0' }}>
        <div style={{ padding: '16px 16px 8px', fontWeight: 600, color: '#1d39c4', whiteSpace: 'nowrap', overflow: 'hidden' }}>
          {t('专利行政执法办案平台')}
        </div>
        <Menu
          mode="inline"
          items={items}
          selectedKeys={selected ? [selected] : []}
          onClick={(e) => navigate(e.key)}
          style={{ borderInlineEnd: 0 }}
        />
      </Layout.Sider>
      <Layout>
        <Layout.Header
          style={{
            background: '#fff',
            padding: '0 24px',
            display: 'flex',
            justifyContent: 'flex-end',
            alignItems: 'center',
            borderBottom: '1px solid #f0f0f0',
            height: 56,
          }}
        >
          <Space size="middle">
            <Typography.Text strong data-testid="me-name">
              {me.displayName}
            </Typography.Text>
            {me.roles.map((r) => (
              <Tag color="blue" key={r} data-testid="me-role">
                {t(ROLE_LABELS[r])}
              </Tag>
            ))}
            <Typography.Text type="secondary" data-testid="me-unit">
              {me.orgUnit.name}
            </Typography.Text>
            <Button
              size="small"
              icon={<GlobalOutlined />}
              onClick={() => setLang(i18n.language === 'en' ? 'zh-CN' : 'en')}
              aria-label={t('切换语言')}
            >
              {i18n.language === 'en' ? '中文' : 'English'}
            </Button>
            <Button
              size="small"
              icon={<LogoutOutlined />}
              onClick={() => {
                void logout().then(() => navigate('/login'));
              }}
            >
              {t('退出')}
            </Button>
          </Space>
        </Layout.Header>
        <Layout.Content style={{ padding: 20, minWidth: 0 }}>{children}</Layout.Content>
      </Layout>
      <SessionExpiredDialog />
    </Layout>
  );
}
