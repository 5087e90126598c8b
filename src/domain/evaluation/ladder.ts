import type { EvalContext } from '../criteria/context.ts';
import type { SetRegistry } from '../criteria/registry.ts';
import type { CriteriaSet } from '../criteria/schema.ts';
import { compileSet, type CompiledSet } from './compile.ts';

/** What decides whether a set applies to a unit: its level and its type (Xã, Phường, Thành phố…). */
export interface UnitKind {
  level: string;
  type: string;
}

const compiledCaches = new WeakMap<SetRegistry, Map<string, CompiledSet>>();

/**
 * A set compiled for a context, with prerequisites from the same time. Cached per registry: a registry never
 * changes (an import builds a new one), so the cache goes with it.
 */
export function compiledFor(registry: SetRegistry, set: CriteriaSet, ctx: EvalContext): CompiledSet {
  let cache = compiledCaches.get(registry);
  if (!cache) compiledCaches.set(registry, (cache = new Map<string, CompiledSet>()));
  const key = `${set.id}|${ctx.region ?? ''}|${ctx.group ?? ''}|${ctx.year}`;
  let cs = cache.get(key);
  if (!cs) {
    cs = compileSet(set, ctx, registry.resolverFor(set, ctx.year));
    cache.set(key, cs);
  }
  return cs;
}

/** The families a set refers to: its prerequisite tier and those of its `tier` and `min-relative` indicators. */
function referencedFamilies(s: CriteriaSet): (string | undefined)[] {
  return [s.requiresTier?.family, ...s.criteria.flatMap((c) => c.indicators.flatMap((i) => [i.requiresTier?.family, i.relative?.family]))];
}

/**
 * The ladder of a set: itself, then every family it refers to (directly or through another), each in the version
 * used for an evaluation of `set` in `year`. Each family appears once.
 */
export function ladder(registry: SetRegistry, set: CriteriaSet, year: number): CriteriaSet[] {
  const resolve = registry.resolverFor(set, year);
  const out = [set];
  const seen = new Set([set.family]);
  const visit = (s: CriteriaSet): void => {
    for (const f of referencedFamilies(s)) {
      if (!f || seen.has(f)) continue;
      seen.add(f);
      const r = resolve(f);
      if (r) {
        out.push(r);
        visit(r);
      }
    }
  };
  visit(set);
  return out;
}

/** Whether a set is meant for a unit: same level, and the unit's type among the set's types when it lists any. */
export function appliesTo(set: CriteriaSet, unit: UnitKind): boolean {
  return set.unitLevel === unit.level && (!set.unitTypes || set.unitTypes.includes(unit.type));
}

/** The base set of a unit (tier NTM, no prerequisite) and the top of its ladder (the longest ladder over it). */
export interface UnitSets {
  base: CriteriaSet;
  top: CriteriaSet;
}

/** Picks base and top among the sets that apply to a unit; undefined when none of them is a base set. */
export function baseAndTop(registry: SetRegistry, candidates: CriteriaSet[], year: number): UnitSets | undefined {
  const base = candidates.find((s) => s.tier === 'ntm' && !s.requiresTier);
  if (!base) return undefined;
  let top = base;
  let topLength = 1;
  for (const s of candidates) {
    const chain = ladder(registry, s, year);
    if (chain.length > topLength && chain.some((x) => x.family === base.family)) [top, topLength] = [s, chain.length];
  }
  return { base, top };
}

/** The sets in force for a unit on a date: the base set (tier NTM) and the top of its ladder. */
export function setsForUnit(registry: SetRegistry, unit: UnitKind, date: string): UnitSets | undefined {
  const candidates = registry.all().filter((s) => appliesTo(s, unit) && registry.inForce(s.family, date) === s);
  return baseAndTop(registry, candidates, Number(date.slice(0, 4)));
}
