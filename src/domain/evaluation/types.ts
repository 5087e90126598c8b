import type { CommuneGroup, RegionCode, Tier } from '../criteria/schema.ts';

export type Status = 'met' | 'basically-met' | 'not-met' | 'no-data';

/** Numeric encoding used by the compiled evaluator; order matters for comparisons (not-met < basically-met < met). */
export const S_NO_DATA = 0;
export const S_NOT_MET = 1;
export const S_BASIC = 2;
export const S_MET = 3;
export const STATUS_NAMES: readonly Status[] = ['no-data', 'not-met', 'basically-met', 'met'];

export type InputValue = number | boolean | string | null;
/** Values keyed by indicator code (or by criterion code for criteria whose indicators are not loaded). */
export type ValueMap = Record<string, InputValue | undefined>;

export type { EvalContext } from '../criteria/context.ts';

export interface IndicatorResult {
  code: string;
  name: string;
  criterion: string;
  kind: string;
  unit: string | null;
  status: Status;
  value: number | boolean | string | null;
  threshold: number | boolean | null;
  basicallyMet?: number;
  confirmed: boolean;
  source: string | null;
  /** Why the status is no-data: no value entered, or no threshold loaded yet. */
  reason?: 'no-value' | 'no-threshold';
}

/**
 * A stored value that the evaluated version cannot use: its code is not in this version (`unknown-code`), or
 * it is not the kind of value this version's indicator takes (`wrong-kind`). Listed, otherwise ignored.
 */
export interface NotInVersion {
  code: string;
  value: InputValue;
  /** The set family (or id) the value was stored under. */
  storedUnder: string;
  reason: 'unknown-code' | 'wrong-kind';
}

/** Why a status is no-data: no value entered, no threshold loaded yet, or a direct status still to be recorded. */
export type NoDataReason = 'no-value' | 'no-threshold' | 'awaiting-direct';

export interface CriterionResult {
  code: string;
  name: string;
  status: Status;
  indicatorsMet: number;
  /** Indicators loaded for this criterion (same as `indicatorsLoaded`). */
  indicatorsTotal: number;
  indicatorsLoaded: number;
  /** How many indicators the decision lists, when known. */
  indicatorsDeclared: number | null;
  /** Fewer indicators loaded than the decision has (or none): the criterion also needs a direct status. */
  indicatorsIncomplete: boolean;
  /** True when a status recorded directly under the criterion's code takes part in its result. */
  direct: boolean;
  /** The direct status is needed and not recorded: the criterion cannot be met yet. */
  awaitingDirect: boolean;
  reason?: NoDataReason;
  /**
   * A status recorded directly for this criterion before the version had indicators for it. It is not the
   * criterion's status, only shown beside it.
   */
  earlierRecord: { value: InputValue; storedUnder: string } | null;
}

export interface GapItem {
  criterion: string;
  indicator: string | null;
  name: string;
  status: Status;
  value: number | boolean | string | null;
  threshold: number | boolean | null;
  /** How far the value is from the threshold (positive = still missing), for numeric rules. */
  difference: number | null;
  confirmed: boolean;
  reason?: NoDataReason;
}

export interface Evaluation {
  set: string;
  family: string;
  decision: string;
  setName: string;
  year: number;
  region: RegionCode | null;
  group: CommuneGroup | null;
  tier: Tier | null;
  setTier: Tier;
  setTierReached: boolean;
  criteriaMet: number;
  criteriaTotal: number;
  criteria: Record<string, CriterionResult>;
  indicators: Record<string, IndicatorResult>;
  gap: GapItem[];
  /** Evaluations of the prerequisite tiers (e.g. NTM under advanced), by set id. */
  prerequisites: { set: string; tier: Tier; reached: boolean | null }[];
  sample: boolean;
  indicatorsPending: boolean;
  /** Indicators loaded in this version, and how many the decision has when known. */
  indicatorsLoaded: number;
  indicatorsDeclared: number | null;
  /** Stored values this version cannot use (only when evaluating stored values; the caller's own input is checked). */
  notInVersion: NotInVersion[];
}
