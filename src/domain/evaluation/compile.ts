import { DomainError } from '../errors.ts';
import type { CriteriaSet, Indicator } from '../criteria/schema.ts';
import { isIndicatorConfirmed } from '../criteria/schema.ts';
import { resolveThreshold } from '../criteria/thresholds.ts';
import { completeness } from '../criteria/completeness.ts';
import type { EvalContext, FamilyResolver } from '../criteria/context.ts';

export const K_BOOLEAN = 0;
export const K_MIN = 1;
export const K_MAX = 2;
export const K_STATUS = 3;
export const K_TIER = 4;

export type { FamilyResolver } from '../criteria/context.ts';

/**
 * A criteria set with every threshold resolved for one region/group and year, laid out in typed arrays so
 * that thousands of units can be evaluated without allocating.
 */
export interface CompiledSet {
  set: CriteriaSet;
  ctx: EvalContext;
  indicators: Indicator[];
  codes: string[];
  index: Map<string, number>;
  kinds: Uint8Array;
  threshold: Float64Array;
  basic: Float64Array;
  confirmed: Uint8Array;
  criterionOf: Uint16Array;
  /** Start offset of each criterion's indicators; criterion c owns [start[c], start[c+1]). */
  start: Uint16Array;
  criteriaCodes: string[];
  criterionIndex: Map<string, number>;
  /** 1: no indicator loaded, the status is recorded directly; 2: indicators partly loaded, a direct status is needed too. */
  direct: Uint8Array;
  allowsBasic: boolean;
  /** The compiled prerequisite (lower tier) set, if any. */
  prerequisite: CompiledSet | null;
  /** For `tier` indicators: compiled set of the family whose tier is required. */
  tierRefs: (CompiledSet | null)[];
  /** Status buffers reused when this set is evaluated as a prerequisite (evaluation is synchronous and never re-enters a set). */
  scratchInd: Uint8Array;
  scratchCrit: Uint8Array;
}

const KIND_CODE: Record<Indicator['kind'], number> = {
  boolean: K_BOOLEAN,
  min: K_MIN,
  'min-relative': K_MIN,
  max: K_MAX,
  status: K_STATUS,
  tier: K_TIER,
};

/**
 * Compiles a set for a context. Throws when the context lacks a dimension the set needs
 * (a commune group for 2026–2030 sets) or when a referenced family cannot be found.
 */
export function compileSet(set: CriteriaSet, ctx: EvalContext, resolve: FamilyResolver, depth = 0): CompiledSet {
  if (depth > 8) throw new DomainError('CRITERIA_CYCLE', `Bộ tiêu chí "${set.id}" tham chiếu vòng tròn`, { set: set.id });
  if (set.dimension === 'group' && !ctx.group)
    throw new DomainError('GROUP_REQUIRED', `Bộ tiêu chí "${set.id}" phân ngưỡng theo nhóm xã: cần chỉ rõ nhóm (1, 2 hoặc 3)`, { set: set.id });
  const indicators = set.criteria.flatMap((c) => c.indicators);
  const n = indicators.length;
  const kinds = new Uint8Array(n);
  const threshold = new Float64Array(n).fill(NaN);
  const basic = new Float64Array(n).fill(NaN);
  const confirmed = new Uint8Array(n);
  const criterionOf = new Uint16Array(n);
  const start = new Uint16Array(set.criteria.length + 1);
  const direct = new Uint8Array(set.criteria.length);
  const tierRefs: (CompiledSet | null)[] = new Array<CompiledSet | null>(n).fill(null);
  const index = new Map<string, number>();
  const compiledRefs = new Map<string, CompiledSet>();
  const refFor = (family: string): CompiledSet => {
    const cached = compiledRefs.get(family);
    if (cached) return cached;
    const target = resolve(family);
    if (!target) throw new DomainError('CRITERIA_REFERENCE', `Bộ tiêu chí "${set.id}" tham chiếu nhóm bộ "${family}" không tồn tại`, { set: set.id, family });
    const compiled = compileSet(target, ctx, resolve, depth + 1);
    compiledRefs.set(family, compiled);
    return compiled;
  };

  let i = 0;
  set.criteria.forEach((criterion, ci) => {
    start[ci] = i;
    const done = completeness(criterion);
    if (done.loaded === 0) direct[ci] = 1;
    else if (done.takesDirect) direct[ci] = 2;
    for (const ind of criterion.indicators) {
      index.set(ind.code, i);
      kinds[i] = KIND_CODE[ind.kind];
      criterionOf[i] = ci;
      confirmed[i] = isIndicatorConfirmed(ind) ? 1 : 0;
      const t = resolveThreshold(ind, ctx);
      if (ind.kind === 'min-relative' && ind.relative) {
        const ref = refFor(ind.relative.family);
        const j = ref.index.get(ind.relative.indicator);
        if (j === undefined)
          throw new DomainError('CRITERIA_REFERENCE', `Chỉ tiêu "${ind.code}" tham chiếu chỉ tiêu "${ind.relative.indicator}" không có trong "${ref.set.id}"`, {
            set: set.id,
          });
        // Rounded to 12 significant digits so that exactly 110 % of 50 is 55, not 55.00000000000001.
        threshold[i] = Number((ref.threshold[j]! * ind.relative.factor).toPrecision(12));
        confirmed[i] = confirmed[i]! & ref.confirmed[j]!;
      } else if (ind.kind === 'tier' && ind.requiresTier) {
        tierRefs[i] = refFor(ind.requiresTier.family);
      } else if (t && typeof t.value === 'number') {
        threshold[i] = t.value;
        if (t.basicallyMet !== undefined) basic[i] = t.basicallyMet;
      } else if (ind.kind === 'boolean' || ind.kind === 'status') {
        threshold[i] = 1;
      }
      if (t && ind.kind !== 'min-relative') confirmed[i] = t.confirmed ? 1 : 0;
      i++;
    }
  });
  start[set.criteria.length] = i;
  return {
    set,
    ctx,
    indicators,
    codes: indicators.map((x) => x.code),
    index,
    kinds,
    threshold,
    basic,
    confirmed,
    criterionOf,
    start,
    criteriaCodes: set.criteria.map((c) => c.code),
    criterionIndex: new Map(set.criteria.map((c, ci) => [c.code, ci])),
    direct,
    allowsBasic: set.allowsBasicallyMet,
    prerequisite: set.requiresTier ? refFor(set.requiresTier.family) : null,
    tierRefs,
    scratchInd: new Uint8Array(n),
    scratchCrit: new Uint8Array(set.criteria.length),
  };
}
