import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { accessTokenExpiresAt, api, hasSession, onSessionEvent, refreshSession, setTokens } from '../api/client';
import type { Me, Role, TokenPair } from '../api/types';

interface SessionState {
  me: Me | null;
  /** the session ended under an open page (refresh refused): the page stays, a login dialog appears over it */
  expired: boolean;
  loading: boolean;
  login(username: string, password: string): Promise<Me>;
  logout(): Promise<void>;
  hasRole(...roles: Role[]): boolean;
}

const SessionContext = createContext<SessionState | null>(null);

export function SessionProvider({ children }: { children: ReactNode }) {
  const [me, setMe] = useState<Me | null>(null);
  const [loading, setLoading] = useState(hasSession());
  const [expired, setExpired] = useState(false);
  const queryClient = useQueryClient();

  useEffect(() => {
    if (!hasSession()) return;
    api
      .get('/api/v1/auth/me')
      .then((r) => setMe(r.user))
      .catch(() => setTokens(null))
      .finally(() => setLoading(false));
  }, []);

  useEffect(
    () =>
      onSessionEvent((e) => {
        if (e === 'expired') setExpired(true);
      }),
    [],
  );

  // Silent refresh a minute before the access token lapses (a 401 also refreshes, this just avoids the round trip).
  useEffect(() => {
    if (!me) return;
    let timer: ReturnType<typeof setTimeout>;
    const plan = () => {
      const wait = Math.max(accessTokenExpiresAt() - Date.now() - 60_000, 5_000);
      timer = setTimeout(() => void refreshSession().then((ok) => ok && plan()), wait);
    };
    plan();
    const off = onSessionEvent((e) => {
      if (e === 'refreshed') {
        clearTimeout(timer);
        plan();
      }
    });
    return () => {
      clearTimeout(timer);
      off();
    };
  }, [me]);

  const login = useCallback(
    async (username: string, password: string) => {
      const pair: TokenPair = await api.post('/api/v1/auth/login', { username, password });
      setTokens(pair);
      setExpired(false);
      setMe((prev) => {
        // someone else signed in over an expired session: start clean
        if (prev && prev.id !== pair.user.id) queryClient.clear();
        return pair.user;
      });
      return pair.user;
    },
    [queryClient],
  );

  const logout = useCallback(async () => {
    try {
      await api.post('/api/v1/auth/logout');
    } catch {
      // the session may already be gone; leaving locally is what matters
    }
    setTokens(null);
    setMe(null);
    setExpired(false);
    queryClient.clear();
  }, [queryClient]);

  const value = useMemo<SessionState>(
    () => ({ me, expired, loading, login, logout, hasRole: (...roles) => !!me && roles.some((r) => me.roles.includes(r)) }),
    [me, expired, loading, login, logout],
  );
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): SessionState {
  const s = useContext(SessionContext);
  if (!s) throw new Error('useSession outside SessionProvider');
  return s;
}

export function useMe(): Me {
  const { me } = useSession();
  if (!me) throw new Error('no session');
  return me;
}
