import { queryOptions } from '@tanstack/react-query';
import type { HistoryItem, HistoryResponse } from '../../../server/audit/schema.ts';
import { apiFetch, withQuery } from '../../api/client.ts';

export type { HistoryItem, HistoryResponse };

export const PAGE_SIZE = 50;

export interface UnitHistoryParams {
  asOf?: string | undefined;
  from?: string | undefined;
  to?: string | undefined;
  family?: string | undefined;
  year?: number | undefined;
  field?: string | undefined;
  page: number;
}

/** A unit's changes, one page (under the unit's key, so a change that refreshes the unit refreshes this too). */
export const unitHistoryQuery = (code: string, p: UnitHistoryParams) =>
  queryOptions({
    queryKey: ['units', code, 'history', p] as const,
    queryFn: ({ signal }) =>
      apiFetch<HistoryResponse>(
        withQuery(`/api/units/${encodeURIComponent(code)}/history`, {
          asOf: p.asOf,
          from: p.from,
          to: p.to,
          family: p.family,
          year: p.year,
          field: p.field,
          limit: PAGE_SIZE,
          offset: (p.page - 1) * PAGE_SIZE,
        }),
        { signal },
      ),
  });

/** One change of an assessment as its history route gives it (oldest first). */
export interface AssessmentChange {
  at: string;
  /** Username, and the person's name. */
  user: string | null;
  userName?: string | null;
  action: string;
  code?: string | null;
  before?: unknown;
  after?: unknown;
  reason?: string | null;
  source: string;
  sourceRef?: string | null;
}

function changesOf(body: unknown): AssessmentChange[] {
  if (Array.isArray(body)) return body as AssessmentChange[];
  const o = body as Record<string, unknown>;
  const list = o.history ?? o.items ?? o.events ?? o.changes ?? [];
  return Array.isArray(list) ? (list as AssessmentChange[]) : [];
}

/** Every change of one assessment (the assessment's own history route); the caller picks one code's changes. */
export const assessmentHistoryQuery = (unitCode: string, family: string, year: number) =>
  queryOptions({
    queryKey: ['assessments', unitCode, family, year, 'history'] as const,
    queryFn: async ({ signal }) =>
      changesOf(await apiFetch<unknown>(`/api/assessments/${encodeURIComponent(unitCode)}/${encodeURIComponent(family)}/${year}/history`, { signal })),
  });
