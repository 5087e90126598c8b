import { QueryClient, queryOptions } from '@tanstack/react-query';
import type { ValueBasis } from '../../domain/assessments/workflow.ts';
import { apiFetch, ApiError, withQuery } from './client.ts';
import type {
  AssessmentBody,
  AssessmentSaved,
  AssessmentTransitioned,
  EvaluationResponse,
  OverviewResponse,
  SetDetail,
  SetsResponse,
  TransitionAction,
  Unit,
  UnitResponse,
  User,
} from './types.ts';

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
  overview: (p: { asOf: string; year: number; basis: ValueBasis | null }) => ['overview', p] as const,
  sets: ['sets'] as const,
  set: (id: string) => ['sets', id] as const,
  units: ['units'] as const,
  unit: (code: string, asOf: string) => ['units', code, { asOf }] as const,
  evaluation: (code: string, p: { asOf: string; year: number; set: string | null; basis: ValueBasis | null }) => ['units', code, 'evaluation', p] as const,
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

/**
 * Only the date, the year and the basis make the key (a caller's extra fields must not split the cache). Without a
 * basis the server picks its default for the user (approved values; a commune officer's own drafts too) and says
 * which in the answer's `basis`.
 */
export const overviewQuery = ({ asOf, year, basis }: { asOf: string; year: number; basis?: ValueBasis | undefined }) =>
  queryOptions({
    queryKey: keys.overview({ asOf, year, basis: basis ?? null }),
    queryFn: ({ signal }) => apiFetch<OverviewResponse>(withQuery('/api/overview', { asOf, year, basis }), { signal }),
  });

export const setsQuery = queryOptions({ queryKey: keys.sets, queryFn: ({ signal }) => apiFetch<SetsResponse>('/api/sets', { signal }) });

export const setQuery = (id: string) =>
  queryOptions({ queryKey: keys.set(id), queryFn: ({ signal }) => apiFetch<SetDetail>(`/api/sets/${encodeURIComponent(id)}`, { signal }) });

export const unitQuery = (code: string, asOf: string) =>
  queryOptions({
    queryKey: keys.unit(code, asOf),
    queryFn: ({ signal }) => apiFetch<UnitResponse>(withQuery(`/api/units/${encodeURIComponent(code)}`, { asOf }), { signal }),
  });

export const evaluationQuery = (code: string, { asOf, year, set, basis }: { asOf: string; year: number; set: string | null; basis?: ValueBasis | undefined }) =>
  queryOptions({
    queryKey: keys.evaluation(code, { asOf, year, set, basis: basis ?? null }),
    queryFn: ({ signal }) =>
      apiFetch<EvaluationResponse>(withQuery(`/api/units/${encodeURIComponent(code)}/evaluation`, { asOf, year, set, basis }), { signal }),
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

// assessments

/** One assessment: a unit, a set family and a year (values entered for that year's pinned set version). */
export interface AssessmentKey {
  code: string;
  family: string;
  year: number;
}

function assessmentPath(k: AssessmentKey): string {
  return `/api/assessments/${encodeURIComponent(k.code)}/${encodeURIComponent(k.family)}/${k.year}`;
}

export const assessmentKeys = {
  all: ['assessments'] as const,
  one: (k: AssessmentKey) => ['assessments', k.code, k.family, k.year] as const,
};

/** Not cached between visits: the screen must start from what is stored now (a stale base only leads to a conflict). */
export const assessmentQuery = (k: AssessmentKey) =>
  queryOptions({
    queryKey: assessmentKeys.one(k),
    queryFn: ({ signal }) => apiFetch<AssessmentBody>(assessmentPath(k), { signal }),
    staleTime: 0,
  });

export interface AssessmentWrite {
  version: number;
  values: Record<string, number | boolean | string | null>;
  criteria: Record<string, string | null>;
  notes: Record<string, string | null>;
}

/** Saves a draft; the history records the entry screen as its source. */
export function saveAssessment(k: AssessmentKey, body: AssessmentWrite): Promise<AssessmentSaved> {
  return apiFetch(assessmentPath(k), { method: 'PUT', body: JSON.stringify(body), headers: { 'X-Entry-Source': 'screen' } });
}

export function transitionAssessment(k: AssessmentKey, body: { action: TransitionAction; reason?: string; version: number }): Promise<AssessmentTransitioned> {
  return apiFetch(`${assessmentPath(k)}/transitions`, { method: 'POST', body: JSON.stringify(body) });
}

/** What a saved value or a transition makes stale: the assessment, every evaluation and the overview. */
export function invalidateAfterAssessmentChange(client: QueryClient, k: AssessmentKey): Promise<void> {
  return Promise.all([
    client.invalidateQueries({ queryKey: assessmentKeys.one(k) }),
    client.invalidateQueries({ queryKey: keys.overviews }),
    client.invalidateQueries({ queryKey: keys.units }),
  ]).then(() => undefined);
}

/** Units in force on a date whose name contains `q` (the entry screen's unit picker). */
export const unitSearchQuery = (p: { q: string; asOf: string; level?: string }) =>
  queryOptions({
    queryKey: ['units', 'search', p] as const,
    queryFn: ({ signal }) => apiFetch<{ asOf: string; units: Unit[] }>(withQuery('/api/units', p), { signal }),
    enabled: p.q.trim().length >= 2,
  });
