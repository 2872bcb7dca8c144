import { Alert, Button, Empty, Skeleton } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../lib/errors';

/** Loading, error (with retry) and empty states of one query, the same everywhere. */
export function QueryState({
  loading,
  error,
  empty,
  emptyText,
  onRetry,
  children,
}: {
  loading: boolean;
  error: unknown;
  empty?: boolean;
  emptyText?: string;
  onRetry?: () => void;
  children: ReactNode;
}) {
  const { t } = useTranslation();
  if (loading) return <Skeleton active paragraph={{ rows: 4 }} />;
  if (error)
    return (
      <Alert
        type="error"
        showIcon
        message={t('加载失败')}
        description={errorMessage(error)}
        action={onRetry ? <Button onClick={onRetry}>{t('重试')}</Button> : undefined}
      />
    );
  if (empty) return <Empty description={emptyText ?? t('暂无数据')} />;
  return <>{children}</>;
}
