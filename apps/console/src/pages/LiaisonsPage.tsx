import { Card, Select, Space, Switch, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../api/client';
import { useOrgUnitName } from '../api/hooks';
import type { Liaison } from '../api/types';
import { CaseLink } from '../components/CaseLink';
import { CursorTable } from '../components/CursorTable';
import { fmtDate } from '../lib/format';
import { label, LIAISON_CHANNEL_LABELS, LIAISON_KIND_LABELS, LIAISON_STATUS_LABELS } from '../lib/labels';

/** 电商与海关协查: liaison requests of every case in scope (GET /liaisons), open or overdue ones for follow-up. */
export default function LiaisonsPage() {
  const { t } = useTranslation();
  const unitName = useOrgUnitName();
  const [open, setOpen] = useState(true);
  const [overdue, setOverdue] = useState(false);
  const [channel, setChannel] = useState<Liaison['channel'] | undefined>();
  return (
    <>
      <Typography.Title level={3} className="page-title">
        {t('电商与海关协查')}
      </Typography.Title>
      <Card>
        <Space wrap style={{ marginBottom: 12 }}>
          <label htmlFor="li-open">{t('只看待回复')}</label>
          <Switch id="li-open" checked={open} onChange={setOpen} />
          <label htmlFor="li-overdue">{t('只看逾期')}</label>
          <Switch id="li-overdue" checked={overdue} onChange={setOverdue} />
          <label htmlFor="li-channel">{t('渠道')}</label>
          <Select
            id="li-channel"
            allowClear
            placeholder={t('全部')}
            style={{ width: 120 }}
            value={channel}
            onChange={setChannel}
            options={Object.entries(LIAISON_CHANNEL_LABELS).map(([value, l]) => ({ value, label: t(l) }))}
          />
        </Space>
        <CursorTable<Liaison>
          testId="liaisons"
          queryKey={['liaisons', open, overdue, channel]}
          fetchPage={(cursor, limit) =>
            api.get('/api/v1/liaisons', { query: { open: open || undefined, overdue: overdue || undefined, channel, cursor, limit } })
          }
          rowClassName={(r) => (r.overdue ? 'row-overdue' : '')}
          emptyText={t('没有协查记录')}
          columns={[
            { title: t('案件'), render: (_, r) => <CaseLink id={r.caseId} /> },
            { title: t('单位'), render: (_, r) => unitName(r.orgUnitCode) },
            { title: t('渠道'), dataIndex: 'channel', render: (v: string) => t(label(LIAISON_CHANNEL_LABELS, v)) },
            { title: t('事项'), dataIndex: 'kind', render: (v: string) => t(label(LIAISON_KIND_LABELS, v)) },
            { title: t('对象'), render: (_, r) => [r.platform, r.storeName, r.port].filter(Boolean).join(' · ') || '—' },
            { title: t('发出日期'), dataIndex: 'sentOn', render: fmtDate },
            {
              title: t('回复期限'),
              render: (_, r) => <span className={r.overdue ? 'overdue' : undefined}>{fmtDate(r.replyDue)}</span>,
            },
            {
              title: t('状态'),
              render: (_, r) => <Tag color={r.overdue ? 'red' : undefined}>{t(label(LIAISON_STATUS_LABELS, r.status))}</Tag>,
            },
            { title: t('回复'), dataIndex: 'reply', ellipsis: true, width: 220, render: (v: string | null) => v ?? '—' },
          ]}
        />
      </Card>
    </>
  );
}
