import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { App as AntApp, ConfigProvider } from 'antd';
import enUS from 'antd/locale/en_US';
import zhCN from 'antd/locale/zh_CN';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import { Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { BrowserRouter, Navigate, Route, Routes } from 'react-router';
import { isApiError } from './api/errors';
import { SessionProvider, useSession } from './auth/session';
import { AppLayout } from './components/AppLayout';
import { PageLoading } from './components/PageLoading';
import { LoginPage } from './pages/LoginPage';
import { homeFor, ROUTES } from './routes';

const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      staleTime: 15_000,
      refetchOnWindowFocus: false,
      retry: (n, e) => !(isApiError(e) && e.status < 500) && n < 2,
    },
  },
});

function Guarded() {
  const { me, loading } = useSession();
  if (loading) return <PageLoading />;
  if (!me) return <Navigate to="/login" replace />;
  return (
    <AppLayout>
      <Suspense fallback={<PageLoading />}>
        <Routes>
          <Route path="/" element={<Navigate to={homeFor(me.roles)} replace />} />
          {ROUTES.filter((r) => r.roles.some((role) => me.roles.includes(role))).map((r) => (
            <Route key={r.path} path={r.path} element={<r.Component />} />
          ))}
          <Route path="*" element={<Navigate to={homeFor(me.roles)} replace />} />
        </Routes>
      </Suspense>
    </AppLayout>
  );
}

function Localized() {
  const { i18n } = useTranslation();
  const en = i18n.language === 'en';
  dayjs.locale(en ? 'en' : 'zh-cn');
  return (
    <ConfigProvider locale={en ? enUS : zhCN} theme={{ token: { colorPrimary: '#1d39c4', borderRadius: 4 } }}>
      <AntApp>
        <BrowserRouter>
          <Routes>
            <Route path="/login" element={<LoginPage />} />
            <Route path="/*" element={<Guarded />} />
          </Routes>
        </BrowserRouter>
      </AntApp>
    </ConfigProvider>
  );
}

export function App() {
  return (
    <QueryClientProvider client={queryClient}>
      <SessionProvider>
        <Localized />
      </SessionProvider>
    </QueryClientProvider>
  );
}
