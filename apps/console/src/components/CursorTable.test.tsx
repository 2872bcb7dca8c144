import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import '../i18n';
import { CursorTable } from './CursorTable';

const rows = Array.from({ length: 5 }, (_, i) => ({ id: `r${i}`, name: `第${i + 1}行` }));

/** An api-like cursor list: two per page, the cursor is the index of the next row. */
const fetchPage = vi.fn(async (cursor: string | undefined, limit: number) => {
  const from = cursor ? Number(cursor) : 0;
  return { items: rows.slice(from, from + limit), nextCursor: from + limit < rows.length ? String(from + limit) : null };
});

function renderTable() {
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  return render(
    <QueryClientProvider client={client}>
      <CursorTable queryKey={['test']} pageSize={2} fetchPage={fetchPage} columns={[{ title: '名称', dataIndex: 'name' }]} />
    </QueryClientProvider>,
  );
}

describe('CursorTable', () => {
  it('walks the cursor pages forward and back with no total, and stops at the last page', async () => {
    renderTable();
    const user = userEvent.setup();
    await screen.findByText('第1行');
    expect(screen.getByTestId('page-info').textContent).toBe('第 1 页，本页 2 条');
    expect(screen.getByRole('button', { name: '上一页' })).toHaveProperty('disabled', true);
    await user.click(screen.getByRole('button', { name: '下一页' }));
    await screen.findByText('第3行');
    expect(screen.queryByText('第1行')).toBeNull();
    await user.click(screen.getByRole('button', { name: '下一页' }));
    await screen.findByText('第5行');
    expect(screen.getByTestId('page-info').textContent).toBe('第 3 页，本页 1 条');
    await waitFor(() => expect(screen.getByRole('button', { name: '下一页' })).toHaveProperty('disabled', true));
    await user.click(screen.getByRole('button', { name: '上一页' }));
    await screen.findByText('第3行');
    expect(fetchPage).toHaveBeenCalledWith('2', 2);
    expect(fetchPage).toHaveBeenCalledWith('4', 2);
    expect(screen.queryByText(/共/)).toBeNull();
  });
});
