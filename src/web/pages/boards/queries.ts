import { queryOptions, type QueryClient } from '@tanstack/react-query';
import { apiFetch, withQuery } from '../../api/client.ts';
import type { BoardResponse, BulkAction, BulkResponse, DeadlineRow } from '../../api/types.ts';

export interface BoardParams {
  asOf: string;
  year: number;
  tab: BoardResponse['tab'];
  level: 'commune' | 'hamlet';
}

export const boardQuery = (p: BoardParams) =>
  queryOptions({
    queryKey: ['boards', p] as const,
    queryFn: ({ signal }) => apiFetch<BoardResponse>(withQuery('/api/boards', { asOf: p.asOf, year: p.year, tab: p.tab, level: p.level }), { signal }),
  });

export const deadlinesQuery = (year: number) =>
  queryOptions({
    queryKey: ['deadlines', year] as const,
    queryFn: ({ signal }) => apiFetch<{ deadlines: DeadlineRow[] }>(withQuery('/api/deadlines', { year }), { signal }),
  });

export interface BulkItem {
  unit: string;
  family: string;
  year: number;
  version: number;
}

export function bulkTransition(body: { action: BulkAction; reason?: string; items: BulkItem[] }): Promise<BulkResponse> {
  return apiFetch<BulkResponse>('/api/boards/bulk', { method: 'POST', body: JSON.stringify(body), headers: { 'X-Entry-Source': 'screen' } });
}

export type DeadlineInput = Pick<DeadlineRow, 'family' | 'level' | 'submitBy' | 'reviewBy' | 'approveBy' | 'note'>;

export function saveDeadlines(year: number, deadlines: DeadlineInput[]): Promise<{ deadlines: DeadlineRow[] }> {
  return apiFetch(`/api/deadlines/${year}`, { method: 'PUT', body: JSON.stringify({ deadlines }) });
}

/** After a bulk step: every board, and each assessment touched (the entry screen and the history read them). */
export async function invalidateAfterBulk(client: QueryClient): Promise<void> {
  await Promise.all([client.invalidateQueries({ queryKey: ['boards'] }), client.invalidateQueries({ queryKey: ['assessments'] })]);
}
