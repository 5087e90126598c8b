import { QueryClient, queryOptions } from '@tanstack/react-query';
import { apiFetch, ApiError, withQuery } from './client.ts';
import type { EvaluationResponse, OverviewResponse, SetDetail, SetsResponse, UnitResponse, User } from './types.ts';

declare module '@tanstack/react-query' {
  interface Register {
    defaultError: ApiError;
  }
}

/**
 * Query keys per resource. Keys nest so that one invalidation reaches what depends on a change: a new set
 * version invalidates `sets`, `overview` and `units` (evaluations), a new hamlet invalidates `units`.
 */
export const keys = {
  me: ['auth', 'me'] as const,
  overviews: ['overview'] as const,
  overview: (p: { asOf: string; year: number }) => ['overview', p] as const,
  sets: ['sets'] as const,
  set: (id: string) => ['sets', id] as const,
  units: ['units'] as const,
  unit: (code: string, asOf: string) => ['units', code, { asOf }] as const,
  evaluation: (code: string, p: { asOf: string; year: number; set: string | null }) => ['units', code, 'evaluation', p] as const,
};

/** The logged-in user, or null when logged out (a server that cannot be reached also reads as logged out). */
export const meQuery = queryOptions({
  queryKey: keys.me,
  queryFn: async ({ signal }): Promise<User | null> => {
    try {
      return (await apiFetch<{ user: User }>('/api/auth/me', { signal })).user;
    } catch (e) {
      if (!(e instanceof ApiError) || e.status !== 401) console.warn('Không kiểm tra được phiên đăng nhập', e);
      return null;
    }
  },
  staleTime: Infinity,
});

/** Only the date and the year make the key (a caller's extra fields must not split the cache). */
export const overviewQuery = ({ asOf, year }: { asOf: string; year: number }) =>
  queryOptions({
    queryKey: keys.overview({ asOf, year }),
    queryFn: ({ signal }) => apiFetch<OverviewResponse>(withQuery('/api/overview', { asOf, year }), { signal }),
  });

export const setsQuery = queryOptions({ queryKey: keys.sets, queryFn: ({ signal }) => apiFetch<SetsResponse>('/api/sets', { signal }) });

export const setQuery = (id: string) =>
  queryOptions({ queryKey: keys.set(id), queryFn: ({ signal }) => apiFetch<SetDetail>(`/api/sets/${encodeURIComponent(id)}`, { signal }) });

export const unitQuery = (code: string, asOf: string) =>
  queryOptions({
    queryKey: keys.unit(code, asOf),
    queryFn: ({ signal }) => apiFetch<UnitResponse>(withQuery(`/api/units/${encodeURIComponent(code)}`, { asOf }), { signal }),
  });

export const evaluationQuery = (code: string, { asOf, year, set }: { asOf: string; year: number; set: string | null }) =>
  queryOptions({
    queryKey: keys.evaluation(code, { asOf, year, set }),
    queryFn: ({ signal }) => apiFetch<EvaluationResponse>(withQuery(`/api/units/${encodeURIComponent(code)}/evaluation`, { asOf, year, set }), { signal }),
  });

/** What a change to the criteria sets makes stale: the sets themselves and every evaluation. */
export function invalidateAfterSetChange(client: QueryClient): Promise<void> {
  return Promise.all([
    client.invalidateQueries({ queryKey: keys.sets }),
    client.invalidateQueries({ queryKey: keys.overviews }),
    client.invalidateQueries({ queryKey: keys.units }),
  ]).then(() => undefined);
}

/**
 * Cached answers are reused for a minute (Back shows the previous screen at once, without asking the server
 * again); a refusal (4xx) is not retried, a network failure twice.
 */
export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: {
        staleTime: 60_000,
        gcTime: 10 * 60_000,
        refetchOnWindowFocus: false,
        retry: (count, e) => !(e.status >= 400 && e.status < 500) && count < 2,
      },
    },
  });
}
