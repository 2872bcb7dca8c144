import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { label, TRANSFER_STATUS_COLORS, TRANSFER_STATUS_LABELS } from '../lib/labels';

export function TransferStatusTag({ status }: { status: string }) {
  const { t } = useTranslation();
  return <Tag color={TRANSFER_STATUS_COLORS[status]}>{t(label(TRANSFER_STATUS_LABELS, status))}</Tag>;
}
