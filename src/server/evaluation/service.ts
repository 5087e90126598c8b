import type { Db } from '../../db/client.ts';
import { attributesAsOf, findUnitAsOf, type UnitWithParent } from '../../db/repos/units.ts';
import { DomainError } from '../../domain/errors.ts';
import { DEFAULT_REGION } from '../../domain/criteria/schema.ts';
import type { SetRegistry } from '../../domain/criteria/registry.ts';
import { evaluateCompiled, type EvaluationInput } from '../../domain/evaluation/explain.ts';
import { compiledFor, ladder, offeredYears, setsForYear } from '../../domain/evaluation/ladder.ts';
import type { Evaluation } from '../../domain/evaluation/types.ts';
import type { ValueBasis } from '../../domain/assessments/workflow.ts';
import { getRegistry } from '../criteria/service.ts';
import { deriveValues, optionsFor, storedInputs } from './inputs.ts';
import { explainNoSet, groupMissing, type Explanation } from './explanations.ts';

import type { EvaluateOptions } from './inputs.ts';

export type { EvaluateOptions };

/** Evaluates given values against a set version: the CLI's `evaluate` and the API's POST /api/evaluate. */
export function evaluateValues(registry: SetRegistry, setId: string, opts: EvaluateOptions, input: EvaluationInput): Evaluation {
  const set = registry.get(setId);
  if (opts.year < set.period.from || opts.year > set.period.to)
    throw new DomainError('YEAR_OUT_OF_PERIOD', `Năm ${opts.year} nằm ngoài giai đoạn ${set.period.from}–${set.period.to} của bộ tiêu chí "${set.id}"`, {
      set: set.id,
      year: opts.year,
    });
  const ctx = {
    year: opts.year,
    region: set.dimension === 'region' ? (opts.region ?? DEFAULT_REGION) : undefined,
    group: set.dimension === 'group' ? opts.group : undefined,
  };
  return evaluateCompiled(compiledFor(registry, set, ctx), input);
}

export interface UnitEvaluation {
  unit: UnitWithParent;
  asOf: string;
  year: number;
  /** The years some set for this kind of unit covers (what a year selector offers). */
  years: number[];
  group: { value: string; sample: boolean; source: string | null } | null;
  /** The requested set, or by default the base set for the year (NTM: the criteria officers count). */
  evaluation: Evaluation | null;
  /** By default, the top of the tier ladder (e.g. model commune), which gives the highest tier reached. */
  highest: Evaluation | null;
  /** Why there is no evaluation (no set for this unit or year, no commune group), in Vietnamese. */
  explanation: Explanation | null;
  valuesSample: boolean;
  hasValues: boolean;
}

/**
 * Evaluates a unit in force on `asOf` for a year, with its stored values: the sets of that year (the year picks
 * the set and version, the date only the unit), or `setId`. Without `setId` it never fails for want of a set or a
 * group: `explanation` says why there is no evaluation. `authorizeUnit` runs as soon as the unit is known.
 */
export async function evaluateUnit(
  db: Db,
  code: string,
  asOf: string,
  year: number,
  setId?: string,
  authorizeUnit?: (unitId: number) => void,
  basis: ValueBasis = 'approved',
): Promise<UnitEvaluation> {
  const unit = await findUnitAsOf(db, code, asOf);
  if (!unit) throw new DomainError('UNIT_NOT_IN_FORCE', `Không có đơn vị hành chính mã "${code}" vào ngày ${asOf}`, { code, asOf });
  authorizeUnit?.(unit.id);
  const registry = await getRegistry(db);
  const group = (await attributesAsOf(db, 'commune-group', asOf)).get(unit.id) ?? null;
  const empty: UnitEvaluation = {
    unit,
    asOf,
    year,
    years: offeredYears(registry, unit),
    group,
    evaluation: null,
    highest: null,
    explanation: null,
    valuesSample: false,
    hasValues: false,
  };
  const pair = setId ? { base: registry.get(setId), top: registry.get(setId) } : setsForYear(registry, unit, year, asOf);
  if ('code' in pair) return { ...empty, explanation: explainNoSet(pair, unit, year) };
  const { base, top } = pair;
  if (!setId && base.dimension === 'group' && !group) return { ...empty, explanation: groupMissing(unit, base, asOf) };
  const sets = ladder(registry, top, year);
  const entry = (await storedInputs(db, sets, [unit.id], year, basis)).get(unit.id)!;
  const derived = await deriveValues(db, registry, unit, asOf, year, sets, basis);
  for (const [family, values] of Object.entries(derived)) entry.bySet[family] = { ...(entry.bySet[family] ?? {}), ...values };
  const opts = optionsFor(unit, year, group?.value);
  const evaluation = evaluateValues(registry, base.id, opts, entry);
  const highest = base === top ? null : evaluateValues(registry, top.id, opts, entry);
  return { ...empty, evaluation, highest, valuesSample: entry.sample, hasValues: Object.keys(entry.bySet).length > 0 };
}

export { overview, type Overview, type OverviewRow } from './overview.ts';
