import type { CriteriaSet } from '../../../domain/criteria/schema.ts';
import type { SetDetail, SetListItem } from '../../api/types.ts';

/**
 * The criteria set as the domain knows it, rebuilt from the API's set detail, so that the screen lists the fields
 * (`entryFields`) and evaluates the values (`compileSet`) with the very functions the server uses.
 */
export function toCriteriaSet(d: SetDetail): CriteriaSet {
  return {
    id: d.id,
    family: d.family,
    name: d.name,
    decision: d.decision,
    legalSource: d.legalSource,
    amends: d.amends ?? undefined,
    effectiveFrom: d.effectiveFrom,
    effectiveTo: d.effectiveTo,
    period: d.period,
    unitLevel: d.unitLevel,
    unitTypes: d.unitTypes ?? undefined,
    dimension: d.dimension,
    tier: d.tier,
    requiresTier: d.requiresTier ? { family: d.requiresTier } : undefined,
    allowsBasicallyMet: d.allowsBasicallyMet,
    sample: d.sample,
    indicatorsPending: d.indicatorsPending,
    declaredIndicatorCount: d.declaredIndicatorCount ?? undefined,
    carriedNote: d.carriedNote ?? undefined,
    note: d.note ?? undefined,
    criteria: d.criteria.map((c) => ({
      code: c.code,
      name: c.name,
      group: c.group ?? undefined,
      indicatorsIncomplete: c.indicatorsIncomplete,
      indicatorsDeclared: c.indicatorsDeclared ?? undefined,
      nameConfirmed: c.nameConfirmed,
      source: c.source ?? undefined,
      note: c.note ?? undefined,
      indicators: c.indicators.map((i) => ({
        code: i.code,
        name: i.name,
        unit: i.unit,
        kind: i.kind,
        thresholds: i.thresholds,
        relative: i.relative ?? undefined,
        requiresTier: i.requiresTier ? { family: i.requiresTier } : undefined,
        derive: i.derive ?? undefined,
        nameConfirmed: i.nameConfirmed,
        source: i.source ?? undefined,
        note: i.note ?? undefined,
      })),
    })),
  };
}

/** The families a set refers to (its prerequisite tier, `tier` and `min-relative` indicators). */
export function referencedFamilies(set: CriteriaSet): string[] {
  const out = new Set<string>();
  if (set.requiresTier) out.add(set.requiresTier.family);
  for (const c of set.criteria)
    for (const i of c.indicators) {
      if (i.requiresTier) out.add(i.requiresTier.family);
      if (i.relative) out.add(i.relative.family);
    }
  out.delete(set.family);
  return [...out];
}

/**
 * The version of a family used beside `set` for `year` (as the server's registry picks it): the one in force on
 * the year's reference date, else the latest started by then, else the first. Withdrawn versions never count.
 */
export function versionOf(list: readonly SetListItem[], family: string, date: string): string | undefined {
  const versions = list.filter((s) => s.family === family && !s.withdrawn).sort((a, b) => a.effectiveFrom.localeCompare(b.effectiveFrom));
  const inForce = versions.filter((s) => s.effectiveFrom <= date && (s.effectiveTo === null || s.effectiveTo >= date)).pop();
  return (inForce ?? versions.filter((s) => s.effectiveFrom <= date).pop() ?? versions[0])?.id;
}
