import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import { apiFetch } from '../api/client.ts';
import { keys, meQuery } from '../api/queries.ts';
import type { User } from '../api/types.ts';

interface Session {
  /** undefined while the session is being checked, null when logged out. */
  user: User | null | undefined;
  login: (username: string, password: string) => Promise<User>;
  /** Ends the session on the server and forgets everything cached for this user. */
  logout: () => Promise<void>;
}

/** The session, kept in the query cache under `keys.me` so the router's guard and the screens read the same value. */
export function useAuth(): Session {
  const client = useQueryClient();
  const { data: user } = useQuery(meQuery);

  const login = useCallback(
    async (username: string, password: string) => {
      const r = await apiFetch<{ user: User }>('/api/auth/login', { method: 'POST', body: JSON.stringify({ username, password }) });
      // Another account may have used this tab: nothing cached for it may show.
      client.removeQueries({ predicate: (q) => q.queryKey[0] !== keys.me[0] });
      client.setQueryData(keys.me, r.user);
      return r.user;
    },
    [client],
  );

  const logout = useCallback(async () => {
    try {
      await apiFetch('/api/auth/logout', { method: 'POST' });
    } finally {
      client.removeQueries({ predicate: (q) => q.queryKey[0] !== keys.me[0] });
      client.setQueryData(keys.me, null);
    }
  }, [client]);

  return { user, login, logout };
}
