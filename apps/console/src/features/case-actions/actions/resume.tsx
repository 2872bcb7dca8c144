import { Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { defineCaseAction } from '../define';

function Fields() {
  const { t } = useTranslation();
  return <Typography.Paragraph>{t('恢复办理后，期限按中止的天数顺延。')}</Typography.Paragraph>;
}

export default defineCaseAction({ action: 'resume', Fields, toPayload: () => ({}) });
