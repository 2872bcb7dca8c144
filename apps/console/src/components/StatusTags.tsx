import { Tag, Tooltip } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Case, CaseStatus } from '../api/types';
import { fmtDate, shanghaiToday } from '../lib/format';
import { CASE_STATUS_COLORS, CASE_STATUS_LABELS } from '../lib/labels';
import { workingDaysUntil } from '../lib/working-days';

export function CaseStatusTag({ status }: { status: CaseStatus }) {
  const { t } = useTranslation();
  return <Tag color={CASE_STATUS_COLORS[status]}>{t(CASE_STATUS_LABELS[status] ?? status)}</Tag>;
}

/** The deadline that matters now: the filing decision while received, else the (extended) closing deadline. */
export function currentDeadline(c: Pick<Case, 'status' | 'deadlines' | 'closedOn'>): { label: string; due: string | null } {
  if (c.status === 'received') return { label: '立案决定期限', due: c.deadlines.filingDecisionDue };
  if (c.closedOn || c.status === 'closed' || c.status === 'not_filed' || c.status === 'transferred_out')
    return { label: '结案期限', due: null };
  return { label: '结案期限', due: c.deadlines.extendedClosingDue ?? c.deadlines.closingDue };
}

/** `还剩 3 个工作日` / `今天到期` / `超期 2 个工作日`, red when overdue. */
export function Countdown({ due, overdue, suspended }: { due: string | null; overdue?: boolean; suspended?: boolean }) {
  const { t } = useTranslation();
  if (!due) return <span>—</span>;
  if (suspended) return <Tag>{t('已中止，期限暂停')}</Tag>;
  const { days, exact } = workingDaysUntil(shanghaiToday(), due);
  const approx = exact ? '' : t('约');
  const late = overdue || days < 0;
  const text =
    days > 0
      ? t('还剩 {{a}}{{n}} 个工作日', { a: approx, n: days })
      : days === 0
        ? t('今天到期')
        : t('超期 {{a}}{{n}} 个工作日', { a: approx, n: -days });
  return (
    <Tooltip title={`${t('期限')} ${fmtDate(due)}`}>
      <span className={late ? 'overdue' : undefined} data-testid="countdown">
        {fmtDate(due)}（{text}）
      </span>
    </Tooltip>
  );
}
