import { useQueries, useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import type { CriteriaSet } from '../../../domain/criteria/schema.ts';
import { assessmentQuery, evaluationQuery, setQuery, setsQuery, type AssessmentKey } from '../../api/queries.ts';
import type { ApiError } from '../../api/client.ts';
import type { AssessmentBody } from '../../api/types.ts';
import { referencedFamilies, toCriteriaSet, versionOf } from './set.ts';

/** The date on which the assessed unit is looked at for a year: the year's end, kept inside the unit's validity. */
export function unitDate(year: number, unit: { validFrom?: string | null; validTo?: string | null }): string {
  let d = `${year}-12-31`;
  if (unit.validTo && unit.validTo < d) d = unit.validTo;
  if (unit.validFrom && unit.validFrom > d) d = unit.validFrom;
  return d;
}

export interface EntryData {
  body: AssessmentBody;
  set: CriteriaSet;
  /** Versions of the families the set refers to (prerequisite tiers, relative thresholds). */
  refs: CriteriaSet[];
  region: string | null;
  group: string | null;
  refetch: () => Promise<unknown>;
}

/**
 * Everything the entry screen needs: the assessment, its pinned set version, the sets it refers to, and the unit's
 * threshold column (region or commune group, from its evaluation).
 */
export function useEntryData(key: AssessmentKey): { data: EntryData | null; error: ApiError | null; retry: () => void } {
  const a = useQuery(assessmentQuery(key));
  const body = a.data;
  const setQ = useQuery({ ...setQuery(body?.setId ?? ''), enabled: !!body });
  const set = useMemo(() => (setQ.data ? toCriteriaSet(setQ.data) : null), [setQ.data]);
  const families = set ? referencedFamilies(set) : [];
  const list = useQuery({ ...setsQuery, enabled: families.length > 0 });
  const date = body ? unitDate(key.year, body.unit) : '';
  const refIds = list.data ? families.map((f) => versionOf(list.data.sets, f, date)).filter((x): x is string => !!x) : [];
  const refQs = useQueries({ queries: refIds.map((id) => setQuery(id)) });
  const ev = useQuery({ ...evaluationQuery(key.code, { asOf: date, year: key.year, set: body?.setId ?? null }), enabled: !!body });
  const refsReady = families.length === 0 || (list.isSuccess && refQs.every((q) => q.isSuccess));
  const refs = refQs.flatMap((q) => (q.data ? [toCriteriaSet(q.data)] : []));
  const error = a.error ?? setQ.error ?? null;
  const retry = () => void Promise.all([a.refetch(), setQ.refetch(), ev.refetch()]);
  if (!body || !set || !refsReady || ev.isPending) return { data: null, error, retry };
  return {
    data: {
      body,
      set,
      refs,
      region: ev.data?.unit.region ?? body.unit.region,
      group: ev.data?.group?.value ?? null,
      refetch: a.refetch,
    },
    error,
    retry,
  };
}
