import { queryOptions, type QueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type { planListResponse, planResponse, progressResponse, savedPlanResponse } from '../../../server/plans/schema.ts';
import type { PlanDocument, Target, TargetKind } from '../../../domain/plans/targets.ts';
import { RECOGNITION_TIERS } from '../../../domain/recognition/steps.ts';
import { apiFetch, withQuery } from '../../api/client.ts';

export type PlanList = z.infer<typeof planListResponse>;
export type PlanSummary = PlanList['plans'][number];
export type PlanBody = z.infer<typeof planResponse>;
export type PlanProgress = z.infer<typeof progressResponse>;
export type TargetProgress = PlanProgress['targets'][number];
export type SavedPlan = z.infer<typeof savedPlanResponse>;
export type { PlanDocument, Target, TargetKind };
/** The kinds of target (the domain's list, kept here so the page does not load the schemas). */
export const KINDS = [
  'units-reach-tier',
  'unit-reaches-tier',
  'share-reaches-tier',
  'min-criteria',
  'indicator-factor',
] as const satisfies readonly TargetKind[];
export const TIERS = RECOGNITION_TIERS;

export const planKeys = {
  all: ['plans'] as const,
  list: ['plans', 'list'] as const,
  plan: (id: number) => ['plans', id] as const,
  progress: (id: number, asOf: string) => ['plans', id, 'progress', { asOf }] as const,
};

export const plansQuery = queryOptions({ queryKey: planKeys.list, queryFn: ({ signal }) => apiFetch<PlanList>('/api/plans', { signal }) });

export const planQuery = (id: number) =>
  queryOptions({ queryKey: planKeys.plan(id), queryFn: ({ signal }) => apiFetch<PlanBody>(`/api/plans/${id}`, { signal }) });

export const progressQuery = (id: number, asOf: string) =>
  queryOptions({
    queryKey: planKeys.progress(id, asOf),
    queryFn: ({ signal }) => apiFetch<PlanProgress>(withQuery(`/api/plans/${id}/progress`, { asOf }), { signal }),
  });

/** After a plan is saved: the list, the plan and its progress. */
export async function invalidateAfterPlanChange(client: QueryClient): Promise<void> {
  await client.invalidateQueries({ queryKey: planKeys.all });
}
