import type { Db } from '../../db/client.ts';
import { valuesFor } from '../../db/repos/assessments.ts';
import { attributesAsOf, findUnitAsOf, listChildrenAsOf, listUnitsAsOf, type UnitWithParent } from '../../db/repos/units.ts';
import { DomainError } from '../../domain/errors.ts';
import { DEFAULT_REGION, type CommuneGroup, type CriteriaSet, type RegionCode } from '../../domain/criteria/schema.ts';
import type { SetRegistry } from '../../domain/criteria/registry.ts';
import { evaluateCompiled, type EvaluationInput } from '../../domain/evaluation/explain.ts';
import { compiledFor, ladder, setsForUnit } from '../../domain/evaluation/ladder.ts';
import type { Evaluation, ValueMap } from '../../domain/evaluation/types.ts';
import { compareVi } from '../../domain/units/names.ts';
import { getRegistry } from '../criteria/service.ts';

export interface EvaluateOptions {
  year: number;
  region?: RegionCode | undefined;
  group?: CommuneGroup | undefined;
}

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

/**
 * A unit's stored values for every set of a ladder, keyed by family: an evaluation input that each set of the ladder
 * reads its own values from (see `EvaluationInput`).
 */
interface StoredInput extends EvaluationInput {
  bySet: Record<string, ValueMap>;
  sample: boolean;
}

async function inputForUnit(db: Db, sets: CriteriaSet[], unitIds: number[], year: number): Promise<Map<number, StoredInput>> {
  const out = new Map<number, StoredInput>();
  for (const id of unitIds) out.set(id, { values: {}, bySet: {}, sample: false, stored: true });
  for (const s of sets) {
    const vals = await valuesFor(db, s.family, year, unitIds);
    for (const [unitId, v] of vals) {
      const entry = out.get(unitId)!;
      entry.bySet[s.family] = v.values;
      entry.sample ||= v.sample;
    }
  }
  return out;
}

export interface UnitEvaluation {
  unit: UnitWithParent;
  asOf: string;
  group: { value: string; sample: boolean; source: string | null } | null;
  /** The requested set, or by default the base set in force (NTM: the criteria officers count). */
  evaluation: Evaluation;
  /** By default, the top of the tier ladder (e.g. model commune), which gives the highest tier reached. */
  highest: Evaluation | null;
  valuesSample: boolean;
  hasValues: boolean;
}

/**
 * Evaluates a unit in force on `asOf` for a year, with the stored values and the sets in force (or `setId`).
 * `authorizeUnit` runs as soon as the unit is known, before anything else is read about it.
 */
export async function evaluateUnit(
  db: Db,
  code: string,
  asOf: string,
  year: number,
  setId?: string,
  authorizeUnit?: (unitId: number) => void,
): Promise<UnitEvaluation> {
  const unit = await findUnitAsOf(db, code, asOf);
  if (!unit) throw new DomainError('UNIT_NOT_IN_FORCE', `Không có đơn vị hành chính mã "${code}" vào ngày ${asOf}`, { code, asOf });
  authorizeUnit?.(unit.id);
  const registry = await getRegistry(db);
  let top: CriteriaSet;
  let base: CriteriaSet;
  if (setId) {
    top = registry.get(setId);
    base = top;
  } else {
    const pair = setsForUnit(registry, unit, asOf);
    if (!pair) throw new DomainError('NO_SET_FOR_UNIT', `Không có bộ tiêu chí nào áp dụng cho ${unit.fullName} vào ngày ${asOf}`, { code, asOf });
    ({ top, base } = pair);
  }
  const groups = await attributesAsOf(db, 'commune-group', asOf);
  const group = groups.get(unit.id) ?? null;
  const sets = ladder(registry, top, year);
  const inputs = await inputForUnit(db, sets, [unit.id], year);
  const entry = inputs.get(unit.id)!;
  const derived = await deriveValues(db, registry, unit, asOf, year, sets);
  for (const [family, values] of Object.entries(derived)) entry.bySet[family] = { ...(entry.bySet[family] ?? {}), ...values };
  const opts = { year, region: (unit.region ?? DEFAULT_REGION) as RegionCode, group: (group?.value ?? undefined) as CommuneGroup | undefined };
  const evaluation = evaluateValues(registry, base.id, opts, entry);
  const highest = base === top ? null : evaluateValues(registry, top.id, opts, entry);
  return { unit, asOf, group, evaluation, highest, valuesSample: entry.sample, hasValues: Object.keys(entry.bySet).length > 0 };
}

export interface OverviewRow {
  id: number;
  code: string;
  name: string;
  fullName: string;
  type: string;
  parentCode: string | null;
  parentName: string | null;
  group: string | null;
  groupSample: boolean;
  set: string | null;
  criteriaMet: number | null;
  criteriaTotal: number | null;
  criteriaNoData: number | null;
  /** Of those, criteria lacking an official threshold (not a missing value). */
  criteriaNoThreshold: number | null;
  tier: string | null;
  sample: boolean;
  hasValues: boolean;
}

/** Every commune in force on a date with criteria met, tier and group, for one year. */
export async function overview(
  db: Db,
  asOf: string,
  year: number,
  level = 'commune',
): Promise<{ asOf: string; year: number; sets: string[]; rows: OverviewRow[] }> {
  const registry = await getRegistry(db);
  const all = await listUnitsAsOf(db, asOf);
  const unitsAsOf = all.filter((u) => u.level === level);
  const parents = new Map(all.map((u) => [u.id, u]));
  // The sets depend on the unit's level and type only: work them out once per type.
  const setsByType = new Map<string, ReturnType<typeof setsForUnit>>();
  const groups = await attributesAsOf(db, 'commune-group', asOf);
  const byTop = new Map<CriteriaSet, { base: CriteriaSet; units: UnitWithParent[] }>();
  const rows: OverviewRow[] = [];
  const rowOf = new Map<number, OverviewRow>();
  for (const u of unitsAsOf) {
    const parent = u.parentId ? parents.get(u.parentId) : undefined;
    const g = groups.get(u.id);
    const row: OverviewRow = {
      id: u.id,
      code: u.code,
      name: u.name,
      fullName: u.fullName,
      type: u.type,
      parentCode: parent?.code ?? null,
      parentName: parent?.fullName ?? null,
      group: g?.value ?? null,
      groupSample: g?.sample ?? false,
      set: null,
      criteriaMet: null,
      criteriaTotal: null,
      criteriaNoData: null,
      criteriaNoThreshold: null,
      tier: null,
      sample: u.sample,
      hasValues: false,
    };
    rows.push(row);
    rowOf.set(u.id, row);
    if (!setsByType.has(u.type)) setsByType.set(u.type, setsForUnit(registry, u, asOf));
    const pair = setsByType.get(u.type);
    if (!pair) continue;
    const bucket = byTop.get(pair.top) ?? { base: pair.base, units: [] };
    bucket.units.push(u);
    byTop.set(pair.top, bucket);
  }
  const usedSets = new Set<string>();
  for (const [top, { base, units }] of byTop) {
    usedSets.add(base.id);
    if (top !== base) usedSets.add(top.id);
    const sets = ladder(registry, top, year);
    const inputs = await inputForUnit(
      db,
      sets,
      units.map((u) => u.id),
      year,
    );
    for (const u of units) {
      const entry = inputs.get(u.id)!;
      const row = rowOf.get(u.id)!;
      const groupValue = (row.group ?? undefined) as CommuneGroup | undefined;
      row.set = base.id;
      row.hasValues = Object.keys(entry.bySet).length > 0;
      row.sample ||= entry.sample;
      if (base.dimension === 'group' && !groupValue) continue;
      const opts = { year, region: (u.region ?? DEFAULT_REGION) as RegionCode, group: groupValue };
      const b = evaluateValues(registry, base.id, opts, entry);
      const t = top === base ? b : evaluateValues(registry, top.id, opts, entry);
      row.criteriaMet = b.criteriaMet;
      row.criteriaTotal = b.criteriaTotal;
      const noData = Object.values(b.criteria).filter((c) => c.status === 'no-data');
      row.criteriaNoData = noData.length;
      const noThreshold = new Set(
        Object.values(b.indicators)
          .filter((i) => i.reason === 'no-threshold')
          .map((i) => i.criterion),
      );
      row.criteriaNoThreshold = noData.filter((c) => noThreshold.has(c.code)).length;
      row.tier = t.tier;
    }
  }
  rows.sort((a, b) => compareVi(a.parentName ?? '', b.parentName ?? '') || compareVi(a.name, b.name));
  return { asOf, year, sets: [...usedSets], rows };
}

/**
 * Fills indicators computed from other units (e.g. a district's share of communes at NTM): each child in force
 * on `asOf` of the listed types is evaluated on the referenced family, and the share reaching its tier is the value.
 */
async function deriveValues(
  db: Db,
  registry: SetRegistry,
  unit: UnitWithParent,
  asOf: string,
  year: number,
  sets: CriteriaSet[],
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
    const fams = ladder(registry, target, year);
    const inputs = await inputForUnit(
      db,
      fams,
      pool.map((c) => c.id),
      year,
    );
    let reached = 0;
    for (const c of pool) {
      if (evaluateValues(registry, target.id, { year, region: (c.region ?? DEFAULT_REGION) as RegionCode }, inputs.get(c.id)!).setTierReached) reached++;
    }
    (out[set.family] ??= {})[ind.code] = Math.round((reached / pool.length) * 10000) / 100;
  }
  return out;
}
