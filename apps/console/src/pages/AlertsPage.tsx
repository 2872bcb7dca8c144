import { App, Button, Card, Space, Switch, Tag, Typography } from 'antd';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api } from '../api/client';
import type { Alert } from '../api/types';
import { CursorTable } from '../components/CursorTable';
import { errorMessage } from '../lib/errors';
import { fmtDateTime } from '../lib/format';

const KIND: Record<Alert['kind'], string> = { respondent: '被反映人', patent: '专利', industry: '行业' };

export default function AlertsPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [openOnly, setOpenOnly] = useState(true);
  return (
    <>
      <Typography.Title level={3} className="page-title">
        {t('专利预警')}
      </Typography.Title>
      <Card
        extra={
          <Space>
            <label htmlFor="alerts-open">{t('只看未解除')}</label>
            <Switch id="alerts-open" checked={openOnly} onChange={setOpenOnly} />
          </Space>
        }
      >
        <CursorTable<Alert>
          queryKey={['alerts', openOnly]}
          fetchPage={(cursor, limit) =>
            api.get('/api/v1/hotline/alerts', { query: { open: openOnly ? true : undefined, cursor, limit } as never })
          }
          emptyText={t('没有预警')}
          columns={[
            { title: t('类型'), dataIndex: 'kind', render: (k: Alert['kind']) => <Tag>{t(KIND[k])}</Tag> },
            { title: t('对象'), dataIndex: 'label' },
            {
              title: t('工单数'),
              render: (_, a) => t('{{n}} 件 / {{d}} 天内（阈值 {{th}}）', { n: a.ticketCount, d: a.windowDays, th: a.threshold }),
            },
            {
              title: t('相关工单'),
              render: (_, a) => (
                <Space wrap size={4}>
                  {a.tickets.slice(0, 5).map((x) => (
                    <Link key={x.id} to={`/hotline/${x.id}`}>
                      {x.ticketNo}
                    </Link>
                  ))}
                  {a.tickets.length > 5 && '…'}
                </Space>
              ),
            },
            { title: t('触发时间'), dataIndex: 'raisedAt', render: fmtDateTime },
            {
              title: t('处理'),
              render: (_, a) =>
                a.acknowledgedAt ? (
                  <Tag color="green">
                    {t('已确认')} {fmtDateTime(a.acknowledgedAt)}
                  </Tag>
                ) : (
                  <Button
                    size="small"
                    onClick={() =>
                      api
                        .post('/api/v1/hotline/alerts/{id}/acknowledge', { expectedVersion: a.version } as never, { path: { id: a.id } })
                        .then(() => queryClient.invalidateQueries({ queryKey: ['alerts'] }))
                        .catch((e: unknown) => void message.error(errorMessage(e)))
                    }
                  >
                    {t('确认')}
                  </Button>
                ),
            },
          ]}
        />
      </Card>
    </>
  );
}
