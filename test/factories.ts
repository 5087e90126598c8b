/**
 * Factories for domain tests: each builds a small, valid object with overridable defaults, so a test states
 * only what it is about. Sets go through `criteriaSetSchema.parse`, so a factory can never hand a test an
 * object the application would reject.
 */
import argon2 from 'argon2';
import type { Db } from '../src/db/client.ts';
import { putAssessment } from '../src/db/repos/assessments.ts';
import { findUnitById, insertUnit, type UnitWithParent } from '../src/db/repos/units.ts';
import { insertUser } from '../src/db/repos/users.ts';
import type { Role } from '../src/server/auth/access.ts';
import { nameKey } from '../src/domain/units/names.ts';
import { criteriaSetSchema, type CriteriaSet, type CriteriaSetInput } from '../src/domain/criteria/schema.ts';
import { SetRegistry } from '../src/domain/criteria/registry.ts';
import { evaluateSet, type EvaluationInput } from '../src/domain/evaluation/explain.ts';
import type { EvalContext, Evaluation, InputValue, ValueMap } from '../src/domain/evaluation/types.ts';

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

// Database factories ----------------------------------------------------------------------------------------
// Each writes one row (and what it needs) through the repositories and returns it, so a database test builds
// its own units, accounts and values instead of depending on the demo's codes and counts.

const TYPE_OF_LEVEL = { province: 'Tỉnh', district: 'Huyện', commune: 'Xã', hamlet: 'Xóm' } as const;

export interface UnitOverrides {
  level?: keyof typeof TYPE_OF_LEVEL;
  code?: string;
  name?: string;
  type?: string;
  parent?: { id: number } | null;
  region?: string | null;
  validFrom?: string | null;
  validTo?: string | null;
  sample?: boolean;
}

/** A unit (a commune in force from 1/7/2025, without parent, unless told otherwise). */
export async function buildUnit(db: Db, overrides: UnitOverrides = {}): Promise<UnitWithParent> {
  const n = next();
  const level = overrides.level ?? 'commune';
  const type = overrides.type ?? TYPE_OF_LEVEL[level];
  const name = overrides.name ?? `Thử Nghiệm ${n}`;
  const id = await insertUnit(db, {
    code: overrides.code ?? `T${String(n).padStart(5, '0')}`,
    name,
    fullName: `${type} ${name}`,
    nameKey: nameKey(`${type} ${name}`),
    type,
    level,
    parentId: overrides.parent?.id ?? null,
    region: overrides.region === undefined ? 'TDMNPB' : overrides.region,
    validFrom: overrides.validFrom === undefined ? '2025-07-01' : overrides.validFrom,
    validTo: overrides.validTo ?? null,
    legalBasis: 'Quyết định thử nghiệm',
    sample: overrides.sample ?? false,
  });
  return (await findUnitById(db, id))!;
}

export const TEST_PASSWORD = 'mat-khau-thu-nghiem';
let testPasswordHash: Promise<string> | undefined;

/** An active account with `TEST_PASSWORD` (hashed once per run: argon2 is slow on purpose). */
export async function buildUser(
  db: Db,
  overrides: { role?: Role; unit?: { id: number } | null; username?: string; active?: boolean } = {},
): Promise<{ id: number; username: string; password: string; role: Role }> {
  const n = next();
  const username = overrides.username ?? `nguoi-thu-${n}-${Math.random().toString(36).slice(2, 8)}`;
  const role = overrides.role ?? 'province';
  testPasswordHash ??= argon2.hash(TEST_PASSWORD, { type: argon2.argon2id });
  const id = await insertUser(db, {
    username,
    fullName: `Người thử ${n}`,
    passwordHash: await testPasswordHash,
    role,
    unitId: overrides.unit?.id ?? null,
    active: overrides.active ?? true,
  });
  return { id, username, password: TEST_PASSWORD, role };
}

/** A unit's stored values for one set family and year (replacing any it had). */
export async function buildAssessment(
  db: Db,
  a: { unit: { id: number }; family: string; year: number; values: Record<string, InputValue>; status?: string; sample?: boolean },
): Promise<number> {
  return putAssessment(db, { unitId: a.unit.id, family: a.family, year: a.year, sample: a.sample ?? false, status: a.status ?? 'draft' }, a.values);
}
