import type { Db } from '../../db/client.ts';
import { valuesForView, type ViewValues } from '../../db/repos/assessments.ts';
import { attributesAsOf, listUnitsAsOf, type UnitWithParent } from '../../db/repos/units.ts';
import type { CriteriaSet } from '../../domain/criteria/schema.ts';
import type { ValueBasis } from '../../domain/assessments/workflow.ts';
import type { SetRegistry } from '../../domain/criteria/registry.ts';
import { compiledFor, ladder, setsForYear, type UnitSets } from '../../domain/evaluation/ladder.ts';
import { summarizer } from '../../domain/evaluation/summary.ts';
import { compareVi } from '../../domain/units/names.ts';
import { getRegistry } from '../criteria/service.ts';
import { explainNoSet, formatYears, groupMissing, type Explanation } from './explanations.ts';
import { optionsFor } from './inputs.ts';

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
  /** Why the row has no figures (no set for this kind of unit or year, no commune group), or null. */
  explanation: string | null;
}

export interface Overview {
  asOf: string;
  year: number;
  /** Which stored values were counted (see ValueBasis). */
  basis: ValueBasis;
  /** The years the sets for this level cover: what the year selector offers. */
  years: number[];
  sets: string[];
  rows: OverviewRow[];
  /** Said when no row could be evaluated (e.g. a year no set covers), so an empty table is never unexplained. */
  notice: Explanation | null;
}

const LEVELS = ['province', 'district', 'commune', 'hamlet'];
function levelAndAbove(level: string): string[] {
  return LEVELS.slice(0, LEVELS.indexOf(level) + 1);
}

/** The years the sets for a level of unit cover, ascending. */
export function yearsForLevel(registry: SetRegistry, level: string): number[] {
  const years = new Set<number>();
  for (const s of registry.all()) if (s.unitLevel === level) for (let y = s.period.from; y <= s.period.to; y++) years.add(y);
  return [...years].sort((a, b) => a - b);
}

function emptyRow(u: UnitWithParent, parent: UnitWithParent | undefined, g: { value: string; sample: boolean } | undefined): OverviewRow {
  return {
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
    explanation: null,
  };
}

/**
 * Every unit of a level in force on a date, with criteria met, tier and group for one year. The date decides
 * the units; the year decides the sets. Values are read in one query and evaluated on the compiled path.
 */
export async function overview(db: Db, asOf: string, year: number, level = 'commune', basis: ValueBasis = 'approved'): Promise<Overview> {
  const registry = await getRegistry(db);
  // Only the level shown and the levels above it: the hamlets (thousands) are read only when they are shown.
  const all = (await Promise.all(levelAndAbove(level).map((l) => listUnitsAsOf(db, asOf, l)))).flat();
  const parents = new Map(all.map((u) => [u.id, u]));
  const groups = await attributesAsOf(db, 'commune-group', asOf);
  const setsByType = new Map<string, ReturnType<typeof setsForYear>>();
  const buckets = new Map<CriteriaSet, { pair: UnitSets; units: UnitWithParent[] }>();
  const rows: OverviewRow[] = [];
  const rowOf = new Map<number, OverviewRow>();
  for (const u of all.filter((x) => x.level === level)) {
    const row = emptyRow(u, u.parentId ? parents.get(u.parentId) : undefined, groups.get(u.id));
    rows.push(row);
    rowOf.set(u.id, row);
    // The sets depend on the unit's level and type only: work them out once per type.
    if (!setsByType.has(u.type)) setsByType.set(u.type, setsForYear(registry, u, year, asOf));
    const pair = setsByType.get(u.type)!;
    if ('code' in pair) row.explanation = explainNoSet(pair, u, year).message;
    else if (pair.base.dimension === 'group' && !row.group) row.explanation = groupMissing(u, pair.base, asOf).message;
    else {
      const bucket = buckets.get(pair.top) ?? { pair, units: [] };
      bucket.units.push(u);
      buckets.set(pair.top, bucket);
    }
  }
  const usedSets = new Set<string>();
  for (const { pair, units } of buckets.values()) {
    usedSets.add(pair.base.id).add(pair.top.id);
    await fillRows(db, registry, pair, units, year, rowOf, basis);
  }
  rows.sort((a, b) => compareVi(a.parentName ?? '', b.parentName ?? '') || compareVi(a.name, b.name));
  const years = yearsForLevel(registry, level);
  const notice: Explanation | null =
    rows.length > 0 && usedSets.size === 0
      ? { code: 'NO_SET_FOR_YEAR', message: `Không có bộ tiêu chí nào áp dụng cho năm ${year}; có bộ tiêu chí cho các năm ${formatYears(years)}` }
      : null;
  return { asOf, year, basis, years, sets: [...usedSets], rows, notice };
}

/** Fills the rows of units sharing a pair of sets: one query for their values, the compiled evaluator for each. */
async function fillRows(
  db: Db,
  registry: SetRegistry,
  pair: UnitSets,
  units: UnitWithParent[],
  year: number,
  rowOf: Map<number, OverviewRow>,
  basis: ValueBasis,
): Promise<void> {
  const families = ladder(registry, pair.top, year).map((s) => s.family);
  const values = await valuesForView(
    db,
    families,
    year,
    units.map((u) => u.id),
    basis,
  );
  const summarize = new Map<string, ReturnType<typeof summarizer>>();
  const none: ViewValues = { byFamily: {}, sample: false };
  for (const u of units) {
    const row = rowOf.get(u.id)!;
    const stored = values.get(u.id) ?? none;
    const opts = optionsFor(u, year, row.group ?? undefined);
    const ctx = { year, region: pair.base.dimension === 'region' ? opts.region : undefined, group: pair.base.dimension === 'group' ? opts.group : undefined };
    const key = `${ctx.region ?? ''}|${ctx.group ?? ''}`;
    let run = summarize.get(key);
    if (!run) summarize.set(key, (run = summarizer(compiledFor(registry, pair.base, ctx), compiledFor(registry, pair.top, ctx))));
    const s = run((cs) => stored.byFamily[cs.set.family] ?? {});
    Object.assign(row, { set: pair.base.id, hasValues: Object.keys(stored.byFamily).length > 0, sample: row.sample || stored.sample }, s);
  }
}
