import { queryOptions } from '@tanstack/react-query';
import type { CommuneMapResponse } from '../../../server/maps/schema.ts';
import type { z } from 'zod';
import type { planResponse } from '../../../server/plans/schema.ts';
import { apiFetch } from '../../api/client.ts';

export type PlanResponse = z.infer<typeof planResponse>;
export type { CommuneMapResponse };

/** The province's plan whose commune targets the tier chart is set against (Plan 2452/KH-UBND, shipped as id 1). */
export const PROVINCE_PLAN_ID = 1;

/** Commune boundaries: the same for everyone and for every date, kept for the session. */
export const communeMapQuery = queryOptions({
  queryKey: ['maps', 'communes'] as const,
  queryFn: ({ signal }) => apiFetch<CommuneMapResponse>('/api/maps/communes', { signal }),
  staleTime: Infinity,
});

export const planQuery = (id: number) =>
  queryOptions({ queryKey: ['plans', id] as const, queryFn: ({ signal }) => apiFetch<PlanResponse>(`/api/plans/${id}`, { signal }) });
