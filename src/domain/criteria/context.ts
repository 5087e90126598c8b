import type { CriteriaSet } from './schema.ts';
import type { ThresholdContext } from './thresholds.ts';

/**
 * What a set is evaluated for: the threshold column (region or commune group) and the year. The registry and
 * the evaluator both speak of it, so it lives with the criteria rather than in either of them.
 */
export type EvalContext = ThresholdContext;

/** Finds the version of a set family to use for prerequisites and relative thresholds. */
export type FamilyResolver = (family: string) => CriteriaSet | undefined;
