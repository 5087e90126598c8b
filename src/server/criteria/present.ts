import type { CriteriaSet } from '../../domain/criteria/schema.ts';
import { isIndicatorConfirmed } from '../../domain/criteria/schema.ts';
import type { SetRegistry } from '../../domain/criteria/registry.ts';
import { completeness, setCompleteness } from '../../domain/criteria/completeness.ts';
import type { CatalogEntry, Withdrawal } from './catalog.ts';

/** A version's summary; a withdrawn one is never in force, so its end is only what its text says. */
function summaryOf(set: CriteriaSet, registry: SetRegistry, withdrawn: Withdrawal | null) {
  const summary = { ...registry.summary(set), unitLevel: set.unitLevel };
  return withdrawn ? { ...summary, effectiveTo: set.effectiveTo ?? null } : summary;
}

/** One row of the set list. */
export function presentSetSummary({ set, withdrawn }: Pick<CatalogEntry, 'set' | 'withdrawn'>, registry: SetRegistry) {
  return {
    ...summaryOf(set, registry, withdrawn),
    family: set.family,
    sample: set.sample,
    indicatorsPending: set.indicatorsPending,
    tier: set.tier,
    withdrawn,
  };
}

/** One set with every criterion and indicator, each indicator saying whether its thresholds are confirmed. */
export function presentSet(set: CriteriaSet, registry: SetRegistry, withdrawn: Withdrawal | null = null, origin: 'builtin' | 'import' = 'import') {
  return {
    ...summaryOf(set, registry, withdrawn),
    withdrawn,
    origin,
    family: set.family,
    legalSource: set.legalSource,
    amends: set.amends ?? null,
    period: set.period,
    unitTypes: set.unitTypes ?? null,
    dimension: set.dimension,
    tier: set.tier,
    requiresTier: set.requiresTier?.family ?? null,
    allowsBasicallyMet: set.allowsBasicallyMet,
    sample: set.sample,
    indicatorsPending: set.indicatorsPending,
    declaredIndicatorCount: set.declaredIndicatorCount ?? null,
    incompleteCriteria: setCompleteness(set).incompleteCriteria,
    carriedNote: set.carriedNote ?? null,
    note: set.note ?? null,
    criteria: set.criteria.map((c) => ({
      code: c.code,
      name: c.name,
      group: c.group ?? null,
      nameConfirmed: c.nameConfirmed,
      source: c.source ?? null,
      note: c.note ?? null,
      // Takes a status recorded under the criterion's code: no indicator loaded, or fewer than the decision has.
      direct: completeness(c).takesDirect,
      indicatorsIncomplete: completeness(c).incomplete,
      indicatorsLoaded: c.indicators.length,
      indicatorsDeclared: c.indicatorsDeclared ?? null,
      indicators: c.indicators.map((i) => ({
        code: i.code,
        name: i.name,
        unit: i.unit,
        kind: i.kind,
        thresholds: i.thresholds,
        confirmed: isIndicatorConfirmed(i),
        nameConfirmed: i.nameConfirmed,
        relative: i.relative ?? null,
        requiresTier: i.requiresTier?.family ?? null,
        derive: i.derive ?? null,
        source: i.source ?? null,
        note: i.note ?? null,
      })),
    })),
  };
}
