import type { CriteriaSet, Tier } from '../criteria/schema.ts';
import type { CompiledSet, FamilyResolver } from './compile.ts';
import { compileSet, K_MAX, K_MIN, K_TIER } from './compile.ts';
import type { EncodedInput } from './encode.ts';
import { acceptedCodes, encodeValues } from './encode.ts';
import { evaluateVector, tierOutcome } from './evaluate.ts';
import type { CriterionResult, EvalContext, Evaluation, GapItem, IndicatorResult, ValueMap } from './types.ts';
import { STATUS_NAMES } from './types.ts';

/**
 * Values for an evaluation: the map for the evaluated set, and optionally separate maps for prerequisite sets
 * keyed by set id or family. Without a separate map a prerequisite reads the same values (indicator codes are
 * shared across the tiers of one period).
 */
export interface EvaluationInput {
  values: ValueMap;
  bySet?: Record<string, ValueMap>;
}

function mapFor(cs: CompiledSet, input: EvaluationInput): ValueMap {
  return input.bySet?.[cs.set.id] ?? input.bySet?.[cs.set.family] ?? input.values;
}

/**
 * Evaluates a unit's values against a set (and, through the tier rules, its prerequisite sets): every
 * indicator's and criterion's status, the count of criteria met, the highest tier reached and the gap.
 * Throws a DomainError for values of the wrong type, unknown codes or a missing commune group.
 */
export function evaluateSet(set: CriteriaSet, ctx: EvalContext, input: EvaluationInput, resolve: FamilyResolver): Evaluation {
  return evaluateCompiled(compileSet(set, ctx, resolve), input);
}

/** Same as `evaluateSet` with a set compiled beforehand (compile once per set and context, explain many units). */
export function evaluateCompiled(cs: CompiledSet, input: EvaluationInput): Evaluation {
  const set = cs.set;
  const ctx = cs.ctx;
  const accepted = acceptedCodes(cs);
  const cache = new Map<CompiledSet, EncodedInput>();
  const inputFor = (c: CompiledSet): EncodedInput => {
    let e = cache.get(c);
    if (!e) {
      e = encodeValues(c, mapFor(c, input), accepted);
      cache.set(c, e);
    }
    return e;
  };
  const encoded = inputFor(cs);
  const indOut = new Uint8Array(cs.codes.length);
  const critOut = new Uint8Array(cs.criteriaCodes.length);
  const { criteriaMet, outcome } = evaluateVector(cs, encoded, indOut, critOut, inputFor);
  const ownMap = mapFor(cs, input);

  const indicators: Record<string, IndicatorResult> = {};
  const criteria: Record<string, CriterionResult> = {};
  const gap: GapItem[] = [];
  set.criteria.forEach((criterion, ci) => {
    const from = cs.start[ci]!;
    const to = cs.start[ci + 1]!;
    let met = 0;
    for (let i = from; i < to; i++) {
      const ind = cs.indicators[i]!;
      const status = STATUS_NAMES[indOut[i]!]!;
      if (status === 'met') met++;
      const raw = ownMap[ind.code];
      const value = raw === undefined ? null : raw;
      let derived: boolean | null = null;
      if (cs.kinds[i] === K_TIER && value === null) {
        const o = tierOutcome(cs.tierRefs[i]!, inputFor);
        derived = o !== o ? null : o >= 1;
      }
      const t = cs.threshold[i]!;
      const numeric = cs.kinds[i] === K_MIN || cs.kinds[i] === K_MAX;
      const threshold = numeric ? (t === t ? t : null) : true;
      const reason = status !== 'no-data' ? undefined : value === null && derived === null ? 'no-value' : 'no-threshold';
      const r: IndicatorResult = {
        code: ind.code,
        name: ind.name,
        criterion: criterion.code,
        kind: ind.kind,
        unit: ind.unit,
        status,
        value: value ?? derived,
        threshold,
        confirmed: cs.confirmed[i] === 1,
        source: ind.source ?? null,
      };
      const b = cs.basic[i]!;
      if (cs.allowsBasic && b === b) r.basicallyMet = b;
      if (reason) r.reason = reason;
      indicators[ind.code] = r;
      if (status !== 'met') gap.push(gapItem(r, numeric && cs.kinds[i] === K_MAX));
    }
    const status = STATUS_NAMES[critOut[ci]!]!;
    const direct = cs.direct[ci]! >= 1;
    criteria[criterion.code] = { code: criterion.code, name: criterion.name, status, indicatorsMet: met, indicatorsTotal: to - from, direct };
    if (direct && status !== 'met') {
      const raw = ownMap[criterion.code];
      gap.push({
        criterion: criterion.code,
        indicator: null,
        name: criterion.name,
        status,
        value: raw ?? null,
        threshold: true,
        difference: null,
        confirmed: false,
        ...(status === 'no-data' ? { reason: 'no-value' as const } : {}),
      });
    }
  });

  const prerequisites = ladderOf(cs).map((p) => {
    const o = tierOutcome(p, inputFor);
    return { set: p.set.id, tier: p.set.tier, reached: o !== o ? null : o >= 1 };
  });
  const reached = outcome === 1;
  let tier: Tier | null = reached ? set.tier : null;
  if (!reached)
    for (const p of prerequisites)
      if (p.reached) {
        tier = p.tier;
        break;
      }

  return {
    set: set.id,
    family: set.family,
    decision: set.decision,
    setName: set.name,
    year: ctx.year,
    region: set.dimension === 'region' ? (ctx.region ?? null) : null,
    group: set.dimension === 'group' ? (ctx.group ?? null) : null,
    tier,
    setTier: set.tier,
    setTierReached: reached,
    criteriaMet,
    criteriaTotal: set.criteria.length,
    criteria,
    indicators,
    gap,
    prerequisites,
    sample: set.sample,
    indicatorsPending: set.indicatorsPending,
  };
}

/** The prerequisite chain below a set, nearest first (advanced → NTM). */
function ladderOf(cs: CompiledSet): CompiledSet[] {
  const out: CompiledSet[] = [];
  for (let p = cs.prerequisite; p; p = p.prerequisite) out.push(p);
  return out;
}

function gapItem(r: IndicatorResult, isMax: boolean): GapItem {
  let difference: number | null = null;
  if (typeof r.value === 'number' && typeof r.threshold === 'number') {
    const d = isMax ? r.value - r.threshold : r.threshold - r.value;
    difference = Math.round(d * 1e6) / 1e6;
  }
  const g: GapItem = {
    criterion: r.criterion,
    indicator: r.code,
    name: r.name,
    status: r.status,
    value: r.value,
    threshold: r.threshold,
    difference,
    confirmed: r.confirmed,
  };
  if (r.reason) g.reason = r.reason;
  return g;
}
