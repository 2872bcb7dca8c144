import { useQuery } from '@tanstack/react-query';
import { useSession } from '../auth/session';
import { api } from './client';
import type { User } from './types';

export function useOrgUnits() {
  return useQuery({ queryKey: ['org-units'], queryFn: () => api.get('/api/v1/org-units'), staleTime: 600_000 });
}

export function useOrgUnitName(): (code: string | null | undefined) => string {
  const { data } = useOrgUnits();
  return (code) => (code ? (data?.find((u) => u.code === code)?.name ?? code) : '—');
}

/** Enforcement units (bureau and districts): where a case can be taken in or a ticket sent. */
export function useEnforcementUnits() {
  const q = useOrgUnits();
  return { ...q, data: q.data?.filter((u) => u.kind === 'bureau' || u.kind === 'district') };
}

/**
 * The users the caller may see (GET /users: admins all; officers and supervisors their scope), walked to the end —
 * a unit has tens of people. Operators may not list users; they get an empty list and ids are shown as they are.
 */
export function useScopeUsers() {
  const { me } = useSession();
  const allowed = !!me && me.roles.some((r) => r === 'admin' || r === 'supervisor' || r === 'officer');
  return useQuery({
    queryKey: ['users', 'scope'],
    enabled: allowed,
    staleTime: 300_000,
    queryFn: async () => {
      const all: User[] = [];
      let cursor: string | undefined;
      for (let i = 0; i < 20; i++) {
        const page = await api.get('/api/v1/users', { query: { limit: 200, cursor } });
        all.push(...page.items);
        if (!page.nextCursor) break;
        cursor = page.nextCursor;
      }
      return all;
    },
  });
}

export function useUserName(): (id: string | null | undefined) => string {
  const { data } = useScopeUsers();
  return (id) => {
    if (!id) return '系统';
    const u = data?.find((x) => x.id === id);
    return u ? u.displayName : `${id.slice(0, 8)}…`;
  };
}

/** Partner offices (GET /partners: officers, supervisors, admins), for names instead of codes. */
export function usePartners() {
  const { me } = useSession();
  const allowed = !!me && me.roles.some((r) => r === 'admin' || r === 'supervisor' || r === 'officer');
  return useQuery({ queryKey: ['partners'], enabled: allowed, staleTime: 300_000, queryFn: () => api.get('/api/v1/partners') });
}

export function usePartnerName(): (code: string | null | undefined) => string {
  const { data } = usePartners();
  const units = useOrgUnits();
  return (code) => {
    if (!code) return '—';
    return data?.find((p) => p.code === code)?.name ?? units.data?.find((u) => u.code === code)?.name ?? code;
  };
}
