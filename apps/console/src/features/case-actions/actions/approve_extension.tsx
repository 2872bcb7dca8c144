import { Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { defineCaseAction } from '../define';

function Fields() {
  const { t } = useTranslation();
  return <Typography.Paragraph>{t('批准后结案期限按申请的天数延长。')}</Typography.Paragraph>;
}

export default defineCaseAction({ action: 'approve_extension', primary: true, Fields, toPayload: () => ({}) });
