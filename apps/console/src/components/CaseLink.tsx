import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { api } from '../api/client';

/** A case by the number people know it by (案号, or 收案号 before filing), read once and cached with the case page. */
export function CaseLink({ id }: { id: string | null | undefined }) {
  const q = useQuery({
    queryKey: ['case', id],
    enabled: !!id,
    staleTime: 60_000,
    queryFn: () => api.get('/api/v1/cases/{id}', { path: { id: id! } }),
  });
  if (!id) return <span>—</span>;
  return <Link to={`/cases/${id}`}>{q.data ? (q.data.caseNo ?? q.data.receiptNo) : q.isError ? '—' : '…'}</Link>;
}
