/**
 * Factories for domain tests: each builds a small, valid object with overridable defaults, so a test states
 * only what it is about. Sets go through `criteriaSetSchema.parse`, so a factory can never hand a test an
 * object the application would reject.
 */
import { criteriaSetSchema, type CriteriaSet, type CriteriaSetInput } from '../src/domain/criteria/schema.ts';
import { SetRegistry } from '../src/domain/criteria/registry.ts';
import { evaluateSet, type EvaluationInput } from '../src/domain/evaluation/explain.ts';
import type { EvalContext, Evaluation, ValueMap } from '../src/domain/evaluation/types.ts';

export type CriterionInput = CriteriaSetInput['criteria'][number];
export type IndicatorInput = NonNullable<CriterionInput['indicators']>[number];
export type ThresholdInput = NonNullable<IndicatorInput['thresholds']>[number];

let seq = 0;
const next = () => ++seq;

/** A threshold entry; confirmed unless the value is unknown (null). */
export function buildThreshold(overrides: Partial<ThresholdInput> = {}): ThresholdInput {
  const value = overrides.value === undefined ? 50 : overrides.value;
  return { value, confirmed: value !== null, ...overrides };
}

/** An indicator; the default thresholds suit its kind (a number for min/max, `true` for boolean, none otherwise). */
export function buildIndicator(overrides: Partial<IndicatorInput> = {}): IndicatorInput {
  const n = next();
  const kind = overrides.kind ?? 'min';
  const thresholds: ThresholdInput[] = kind === 'min' || kind === 'max' ? [buildThreshold()] : kind === 'boolean' ? [buildThreshold({ value: true })] : [];
  return {
    code: `I${n}`,
    name: `Chỉ tiêu ${n}`,
    unit: kind === 'min' || kind === 'max' ? '%' : null,
    kind,
    thresholds,
    nameConfirmed: true,
    ...overrides,
  };
}

/** A criterion with one `min` indicator unless told otherwise. */
export function buildCriterion(overrides: Partial<CriterionInput> = {}): CriterionInput {
  const n = next();
  return {
    code: `C${n}`,
    name: `Tiêu chí ${n}`,
    indicators: [buildIndicator()],
    nameConfirmed: true,
    ...overrides,
  };
}

/** A complete, validated set version (commune level, no threshold dimension, tier NTM by default). */
export function buildSet(overrides: Partial<CriteriaSetInput> = {}): CriteriaSet {
  const n = next();
  return criteriaSetSchema.parse({
    id: `bo-${n}`,
    family: `ho-${n}`,
    name: `Bộ tiêu chí thử ${n}`,
    decision: `${n}/QĐ-TTg`,
    legalSource: `Quyết định ${n}/QĐ-TTg (thử nghiệm)`,
    effectiveFrom: '2022-01-01',
    period: { from: 2021, to: 2025 },
    unitLevel: 'commune',
    dimension: 'none',
    tier: 'ntm',
    criteria: [buildCriterion()],
    ...overrides,
  });
}

/** Evaluates values against `set`, resolving references among `others` (and `set` itself). */
export function evaluate(
  set: CriteriaSet,
  values: ValueMap,
  opts: { others?: CriteriaSet[]; ctx?: Partial<EvalContext>; bySet?: EvaluationInput['bySet'] } = {},
): Evaluation {
  const registry = new SetRegistry([set, ...(opts.others ?? [])]);
  const ctx: EvalContext = { year: 2023, ...opts.ctx };
  return evaluateSet(set, ctx, { values, ...(opts.bySet ? { bySet: opts.bySet } : {}) }, registry.resolverFor(set, ctx.year));
}

export interface Ladder {
  ntm: CriteriaSet;
  advanced: CriteriaSet;
  model: CriteriaSet;
  all: CriteriaSet[];
}

/**
 * Three tiers shaped like the 2021–2025 commune sets: NTM (income `INC` ≥ `income`), advanced (requires NTM,
 * income `INC` ≥ `advancedIncome`) and model (requires advanced; KM.1 = advanced reached, KM.2 = income
 * ≥ 1.1 × the advanced income threshold). Indicator codes are shared across tiers, as in the real sets.
 */
export function buildLadder(opts: { income?: number; advancedIncome?: number; dimension?: 'none' | 'region' } = {}): Ladder {
  const income = opts.income ?? 40;
  const advancedIncome = opts.advancedIncome ?? 50;
  const dimension = opts.dimension ?? 'none';
  const n = next();
  const ntm = buildSet({
    id: `ntm-${n}`,
    family: `ntm-${n}`,
    tier: 'ntm',
    dimension,
    criteria: [
      buildCriterion({ code: 'THU-NHAP', indicators: [buildIndicator({ code: 'INC', unit: 'triệu đồng', thresholds: [buildThreshold({ value: income })] })] }),
      buildCriterion({ code: 'NHA-O', indicators: [buildIndicator({ code: 'HOUSE', kind: 'boolean' })] }),
    ],
  });
  const advanced = buildSet({
    id: `nc-${n}`,
    family: `nc-${n}`,
    tier: 'nang-cao',
    dimension,
    requiresTier: { family: ntm.family },
    criteria: [
      buildCriterion({
        code: 'THU-NHAP',
        indicators: [buildIndicator({ code: 'INC', unit: 'triệu đồng', thresholds: [buildThreshold({ value: advancedIncome })] })],
      }),
      buildCriterion({ code: 'MOI-TRUONG', indicators: [buildIndicator({ code: 'GREEN', kind: 'status' })] }),
    ],
  });
  const model = buildSet({
    id: `km-${n}`,
    family: `km-${n}`,
    tier: 'kieu-mau',
    dimension,
    requiresTier: { family: advanced.family },
    criteria: [
      buildCriterion({ code: 'KM.1', indicators: [buildIndicator({ code: 'KM.1', kind: 'tier', requiresTier: { family: advanced.family } })] }),
      buildCriterion({
        code: 'KM.2',
        indicators: [buildIndicator({ code: 'KM.2', kind: 'min-relative', relative: { family: advanced.family, indicator: 'INC', factor: 1.1 } })],
      }),
    ],
  });
  return { ntm, advanced, model, all: [ntm, advanced, model] };
}
