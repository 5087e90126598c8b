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

/** The date that decides which version applies to `year` when viewed on `asOf`: `asOf`, kept inside the year. */
export function yearReferenceDate(year: number, asOf: string): string {
  const from = `${year}-01-01`;
  const to = `${year}-12-31`;
  return asOf < from ? from : asOf > to ? to : asOf;
}

/**
 * The version of a family that applies to `year` viewed on `asOf`: the one in force on the year's reference
 * date; when none is (the year began before the first version took effect, or between two), the latest version
 * started by then that was still in force during the year, else the first one to take effect during the year.
 */
export function versionForYear(registry: SetRegistry, family: string, year: number, asOf: string): CriteriaSet | undefined {
  const ref = yearReferenceDate(year, asOf);
  const hit = registry.inForce(family, ref);
  if (hit) return hit;
  const inYear = registry.versions(family).filter((s) => {
    const to = registry.effectiveTo(s);
    return s.effectiveFrom <= `${year}-12-31` && (to === null || to >= `${year}-01-01`);
  });
  return inYear.filter((s) => s.effectiveFrom <= ref).pop() ?? inYear[0];
}

/** Why no set applies: none is meant for this kind of unit at all, or none covers the year. */
export type NoSetReason = { code: 'NO_SET_FOR_UNIT' | 'NO_SET_FOR_YEAR'; years: number[] };

/** The years that the sets for a kind of unit cover (their periods), ascending. */
export function offeredYears(registry: SetRegistry, unit: UnitKind): number[] {
  const years = new Set<number>();
  for (const s of registry.all()) if (appliesTo(s, unit)) for (let y = s.period.from; y <= s.period.to; y++) years.add(y);
  return [...years].sort((a, b) => a - b);
}

/**
 * The sets for a unit and a year, viewed on `asOf`: the year decides which set (its period) and which version
 * (see `versionForYear`); the date decides only which units exist. Never throws: when nothing applies it says why.
 */
export function setsForYear(registry: SetRegistry, unit: UnitKind, year: number, asOf: string): UnitSets | NoSetReason {
  const families = new Set(
    registry
      .all()
      .filter((s) => appliesTo(s, unit) && s.period.from <= year && year <= s.period.to)
      .map((s) => s.family),
  );
  const candidates: CriteriaSet[] = [];
  for (const f of families) {
    const v = versionForYear(registry, f, year, asOf);
    if (v && appliesTo(v, unit) && v.period.from <= year && year <= v.period.to) candidates.push(v);
  }
  const pair = baseAndTop(registry, candidates, year);
  if (pair) return pair;
  const years = offeredYears(registry, unit);
  return { code: years.length === 0 ? 'NO_SET_FOR_UNIT' : 'NO_SET_FOR_YEAR', years };
}
