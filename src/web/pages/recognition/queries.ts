import { queryOptions, type QueryClient } from '@tanstack/react-query';
import type { DisagreementsResponse, DossierBody, RegisterResponse, UnitRecognitionResponse } from '../../../server/recognition/schema.ts';
import { tierRank } from '../../../domain/recognition/rules.ts';
import { RECOGNITION_TIERS, STEP_KINDS, type RecognitionTier, type StepKind } from '../../../domain/recognition/steps.ts';
import { apiFetch, withQuery } from '../../api/client.ts';

export type { DisagreementsResponse, DossierBody, RegisterResponse, RecognitionTier, StepKind, UnitRecognitionResponse };

/** Tiers, and the steps in the order of the procedure ('create' is the opening of the dossier). */
export const TIERS = RECOGNITION_TIERS;
export const STEPS: readonly (StepKind | 'create')[] = ['create', ...STEP_KINDS];

export const recognitionKeys = {
  all: ['recognitions'] as const,
  register: (p: { year?: number | undefined; tier?: string | undefined }) => ['recognitions', 'register', p] as const,
  dossier: (id: number) => ['recognitions', 'dossier', id] as const,
  disagreements: (p: { asOf: string; year: number }) => ['recognitions', 'disagreements', p] as const,
  /** Under the unit's key: a change to the unit refreshes it too. */
  unit: (code: string, asOf: string) => ['units', code, 'recognition', { asOf }] as const,
};

export const registerQuery = (p: { year?: number | undefined; tier?: string | undefined }) =>
  queryOptions({
    queryKey: recognitionKeys.register(p),
    queryFn: ({ signal }) => apiFetch<RegisterResponse>(withQuery('/api/recognitions', { year: p.year, tier: p.tier }), { signal }),
  });

export const dossierQuery = (id: number) =>
  queryOptions({ queryKey: recognitionKeys.dossier(id), queryFn: ({ signal }) => apiFetch<DossierBody>(`/api/recognitions/${id}`, { signal }) });

export const disagreementsQuery = (p: { asOf: string; year: number }) =>
  queryOptions({
    queryKey: recognitionKeys.disagreements(p),
    queryFn: ({ signal }) => apiFetch<DisagreementsResponse>(withQuery('/api/recognitions/disagreements', p), { signal }),
  });

export const unitRecognitionQuery = (code: string, asOf: string) =>
  queryOptions({
    queryKey: recognitionKeys.unit(code, asOf),
    queryFn: ({ signal }) => apiFetch<UnitRecognitionResponse>(withQuery(`/api/units/${encodeURIComponent(code)}/recognition`, { asOf }), { signal }),
  });

/** After a dossier changes: the register, the dossier, every unit's recognition and change log. */
export async function invalidateAfterRecognitionChange(client: QueryClient, dossier?: DossierBody): Promise<void> {
  if (dossier) client.setQueryData(recognitionKeys.dossier(dossier.id), dossier);
  await Promise.all([client.invalidateQueries({ queryKey: recognitionKeys.all }), client.invalidateQueries({ queryKey: ['units'] })]);
}

/** The step a dossier has reached: its last recorded step ('create' when only opened). */
export function currentStep(d: DossierBody): StepKind | 'create' {
  return d.steps.at(-1)?.kind ?? 'create';
}

export { tierRank };
