import type { Db } from '../../db/client.ts';
import { valuesFor } from '../../db/repos/assessments.ts';
import { listChildrenAsOf, type UnitWithParent } from '../../db/repos/units.ts';
import { DEFAULT_REGION, type CommuneGroup, type CriteriaSet, type RegionCode } from '../../domain/criteria/schema.ts';
import type { SetRegistry } from '../../domain/criteria/registry.ts';
import { evaluateCompiled, type EvaluationInput } from '../../domain/evaluation/explain.ts';
import { compiledFor, ladder, type UnitKind } from '../../domain/evaluation/ladder.ts';
import type { ValueMap } from '../../domain/evaluation/types.ts';
import type { ValueBasis } from '../../domain/assessments/workflow.ts';

/**
 * A unit's stored values for every set of a ladder, keyed by family: an evaluation input that each set of the
 * ladder reads its own values from (see `EvaluationInput`). Stored, so values a version cannot use are listed.
 */
export interface StoredInput extends EvaluationInput {
  bySet: Record<string, ValueMap>;
  sample: boolean;
}

/** Stored inputs of several units for the sets of a ladder, one query per family. */
export async function storedInputs(
  db: Db,
  sets: CriteriaSet[],
  unitIds: number[],
  year: number,
  basis: ValueBasis = 'approved',
): Promise<Map<number, StoredInput>> {
  const out = new Map<number, StoredInput>();
  for (const id of unitIds) out.set(id, { values: {}, bySet: {}, sample: false, stored: true });
  for (const s of sets) {
    const vals = await valuesFor(db, s.family, year, unitIds, basis);
    for (const [unitId, v] of vals) {
      const entry = out.get(unitId)!;
      entry.bySet[s.family] = v.values;
      entry.sample ||= v.sample;
    }
  }
  return out;
}

/**
 * Fills indicators computed from other units (e.g. a district's share of communes at NTM): each child in force
 * on `asOf` of the listed types is evaluated on the referenced family, and the share reaching its tier is the value.
 */
export async function deriveValues(
  db: Db,
  registry: SetRegistry,
  unit: UnitWithParent,
  asOf: string,
  year: number,
  sets: CriteriaSet[],
  basis: ValueBasis = 'approved',
): Promise<Record<string, ValueMap>> {
  const out: Record<string, ValueMap> = {};
  const wanted = sets.flatMap((s) => s.criteria.flatMap((c) => c.indicators.filter((i) => i.derive).map((i) => ({ set: s, ind: i }))));
  if (wanted.length === 0) return out;
  const children = await listChildrenAsOf(db, unit.id, asOf);
  for (const { set, ind } of wanted) {
    const d = ind.derive!;
    const target = registry.inForce(d.family, registry.referenceDate(set, year));
    if (!target) continue;
    const pool = children.filter((c) => !d.childTypes || d.childTypes.includes(c.type));
    if (pool.length === 0) continue;
    const inputs = await storedInputs(
      db,
      ladder(registry, target, year),
      pool.map((c) => c.id),
      year,
      basis,
    );
    let reached = 0;
    for (const c of pool) {
      const ctx = { year, region: target.dimension === 'region' ? ((c.region ?? DEFAULT_REGION) as RegionCode) : undefined };
      if (target.dimension !== 'group' && evaluateCompiled(compiledFor(registry, target, ctx), inputs.get(c.id)!).setTierReached) reached++;
    }
    (out[set.family] ??= {})[ind.code] = Math.round((reached / pool.length) * 10000) / 100;
  }
  return out;
}

export interface EvaluateOptions {
  year: number;
  region?: RegionCode | undefined;
  group?: CommuneGroup | undefined;
}

/** The threshold column of a unit: its region (2021–2025 sets) and commune group (2026–2030). */
export function optionsFor(unit: UnitKind & { region: string | null }, year: number, group: string | undefined): EvaluateOptions {
  return { year, region: (unit.region ?? DEFAULT_REGION) as RegionCode, group: group as CommuneGroup | undefined };
}
