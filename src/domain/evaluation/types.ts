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

export interface CriterionResult {
  code: string;
  name: string;
  status: Status;
  indicatorsMet: number;
  indicatorsTotal: number;
  /** True when the criterion was assessed directly because its indicator table is still to be loaded. */
  direct: boolean;
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
  reason?: 'no-value' | 'no-threshold';
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
}
