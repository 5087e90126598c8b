import type { Criterion, CriteriaSet } from './schema.ts';

/**
 * How much of a criterion's official indicator table is loaded, and so how it is judged:
 * - every indicator loaded (or the decision's count unknown and nothing says otherwise): by its indicators;
 * - none loaded: by a status recorded directly under the criterion's code;
 * - some loaded, fewer than the decision has: by both. A loaded indicator that is not met fails it, but it is
 *   "met" only when the recorded status says so too: never on a partial list.
 */
export interface CriterionCompleteness {
  loaded: number;
  /** How many the decision lists, when known. */
  declared: number | null;
  incomplete: boolean;
  /** Whether a status recorded directly under the criterion's code is needed. */
  takesDirect: boolean;
}

/** The completeness of a criterion's indicator list (see `CriterionCompleteness`). */
export function completeness(c: Pick<Criterion, 'indicators' | 'indicatorsIncomplete' | 'indicatorsDeclared'>): CriterionCompleteness {
  const loaded = c.indicators.length;
  const declared = c.indicatorsDeclared ?? null;
  const incomplete = loaded === 0 || c.indicatorsIncomplete || (declared !== null && loaded < declared);
  return { loaded, declared, incomplete, takesDirect: incomplete };
}

/** Loaded and declared indicator counts of a whole set (declared as the decision states it, when known). */
export function setCompleteness(set: CriteriaSet): { loaded: number; declared: number | null; incompleteCriteria: string[] } {
  const loaded = set.criteria.reduce((n, c) => n + c.indicators.length, 0);
  return {
    loaded,
    declared: set.declaredIndicatorCount ?? null,
    incompleteCriteria: set.criteria.filter((c) => completeness(c).incomplete).map((c) => c.code),
  };
}
