import { Button, Space, Table, Typography } from 'antd';
import type { TableProps } from 'antd';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Page } from '../api/types';
import { errorMessage } from '../lib/errors';

/**
 * antd's Table over the api's cursor pages: previous / next only, page number and rows on this page — never a
 * total, which the api does not give (counting would scan). The cursors seen so far are kept so "previous" works.
 * A change of `queryKey` (filters) starts again at the first page.
 */
export function CursorTable<T extends { id: string }>({
  queryKey,
  fetchPage,
  pageSize = 20,
  columns,
  onRow,
  emptyText,
  rowClassName,
  testId,
}: {
  queryKey: readonly unknown[];
  fetchPage: (cursor: string | undefined, limit: number) => Promise<Page<T>>;
  pageSize?: number;
  columns: TableProps<T>['columns'];
  onRow?: TableProps<T>['onRow'];
  emptyText?: string;
  rowClassName?: TableProps<T>['rowClassName'];
  testId?: string;
}) {
  const { t } = useTranslation();
  const keyText = JSON.stringify(queryKey);
  const [state, setState] = useState<{ key: string; cursors: (string | undefined)[] }>({ key: keyText, cursors: [undefined] });
  const cursors = state.key === keyText ? state.cursors : [undefined];
  const setCursors = (f: (c: (string | undefined)[]) => (string | undefined)[]) => setState({ key: keyText, cursors: f(cursors) });
  const page = cursors.length - 1;
  const cursor = cursors[page];
  const q = useQuery({
    queryKey: [...queryKey, 'page', cursor, pageSize],
    queryFn: () => fetchPage(cursor, pageSize),
    placeholderData: keepPreviousData,
  });
  const next = q.data?.nextCursor ?? null;
  return (
    <div data-testid={testId}>
      <Table<T>
        rowKey="id"
        size="middle"
        columns={columns}
        dataSource={q.data?.items ?? []}
        loading={q.isFetching}
        pagination={false}
        onRow={onRow}
        rowClassName={rowClassName}
        scroll={{ x: 'max-content' }}
        locale={{
          emptyText: q.error ? <Typography.Text type="danger">{errorMessage(q.error)}</Typography.Text> : (emptyText ?? t('暂无数据')),
        }}
      />
      <Space style={{ marginTop: 12, width: '100%', justifyContent: 'flex-end' }}>
        <Typography.Text type="secondary" data-testid="page-info">
          {t('第 {{n}} 页，本页 {{count}} 条', { n: page + 1, count: q.data?.items.length ?? 0 })}
        </Typography.Text>
        <Button disabled={page === 0} onClick={() => setCursors((c) => c.slice(0, -1))}>
          {t('上一页')}
        </Button>
        <Button disabled={!next || q.isPlaceholderData} onClick={() => next && setCursors((c) => [...c, next])}>
          {t('下一页')}
        </Button>
      </Space>
    </div>
  );
}
