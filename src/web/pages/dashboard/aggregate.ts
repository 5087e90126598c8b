// What the dashboard's charts, tables and map show, worked out from the overview's rows (pure functions).
import type { OverviewRow } from '../../api/types.ts';
import { compareVi } from '../../../domain/units/names.ts';
import { districtOf, tierKey, type TierKey } from '../overview/filter.ts';
import type { PlanResponse } from './queries.ts';
import type { Shown } from './search.ts';

/** The tiers the charts count, lowest first; a commune at "nâng cao" is also counted as reaching NTM. */
export const CHART_TIERS = ['none', 'ntm', 'nang-cao', 'kieu-mau'] as const;
export type ChartTier = (typeof CHART_TIERS)[number];
const RANK: Record<TierKey, number> = { na: -2, 'no-data': -1, none: 0, ntm: 1, 'hoan-thanh': 1, 'nang-cao': 2, 'kieu-mau': 3, 'hien-dai': 4 };

/** The rows under a unit: every row for the province, a former district's communes, or one commune. */
export function rowsUnder(rows: OverviewRow[], unit: string): OverviewRow[] {
  if (unit.length <= 2) return rows;
  if (unit.length === 3) return rows.filter((r) => r.parentCode === unit);
  return rows.filter((r) => r.code === unit);
}

/** Rows with an evaluation on stored values (the ones the charts count). */
export const evaluated = (rows: OverviewRow[]) => rows.filter((r) => r.criteriaMet !== null && r.hasValues);

/** How many communes meet 0, 1, … criteria (up to the largest criteria count among the rows, 19 for 2021–2025). */
export function histogram(rows: OverviewRow[]): { met: number; count: number }[] {
  const ev = evaluated(rows);
  const top = Math.max(19, ...ev.map((r) => r.criteriaTotal ?? 0));
  const out = Array.from({ length: top + 1 }, (_, met) => ({ met, count: 0 }));
  for (const r of ev) out[r.criteriaMet!]!.count++;
  return out;
}

/** Communes reaching at least each tier ("chưa đạt": none reached), and those without values. */
export function tierCounts(rows: OverviewRow[]): { tier: ChartTier; count: number }[] {
  return CHART_TIERS.map((tier) => ({ tier, count: rows.filter((r) => matchesTier(r, tier)).length }));
}

export function matchesTier(r: OverviewRow, tier: string): boolean {
  const k = tierKey(r);
  if (tier === 'none' || tier === 'no-data' || tier === 'na') return k === tier;
  return RANK[k] >= (RANK[tier as TierKey] ?? Infinity);
}

/** The rows behind a figure (see Shown). */
export function rowsShown(rows: OverviewRow[], show: Shown): OverviewRow[] {
  if (show.startsWith('met-')) {
    const n = Number(show.slice(4));
    return evaluated(rows).filter((r) => r.criteriaMet === n);
  }
  return rows.filter((r) => matchesTier(r, show.slice(5)));
}

/** The commune targets of the plan by tier (units-reach-tier on communes), with the plan's sentence. */
export function tierTargets(plan: PlanResponse | undefined): Partial<Record<ChartTier, { count: number; sentence: string; deadline: string }>> {
  const out: Partial<Record<ChartTier, { count: number; sentence: string; deadline: string }>> = {};
  for (const t of plan?.document.targets ?? []) {
    if (t.kind === 'units-reach-tier' && t.level === 'commune' && (t.tier === 'ntm' || t.tier === 'nang-cao' || t.tier === 'kieu-mau'))
      out[t.tier] = { count: t.count, sentence: t.sentence, deadline: t.deadline };
  }
  return out;
}

export interface DistrictSummary {
  code: string;
  name: string;
  communes: number;
  evaluated: number;
  ntm: number;
  meanMet: number | null;
}

/** The former districts of the rows (before 1/7/2025), with their communes' figures, in Vietnamese order. */
export function districts(rows: OverviewRow[]): DistrictSummary[] {
  const by = new Map<string, OverviewRow[]>();
  for (const r of rows) if (districtOf(r) && r.parentCode) by.set(r.parentCode, [...(by.get(r.parentCode) ?? []), r]);
  return [...by.entries()]
    .map(([code, rs]) => {
      const ev = evaluated(rs);
      return {
        code,
        name: rs[0]!.parentName!,
        communes: rs.length,
        evaluated: ev.length,
        ntm: rs.filter((r) => matchesTier(r, 'ntm')).length,
        meanMet: ev.length ? ev.reduce((s, r) => s + r.criteriaMet!, 0) / ev.length : null,
      };
    })
    .sort((a, b) => compareVi(a.name, b.name));
}

export interface MapValue {
  code: string;
  name: string;
  /** Criteria met: the commune's own, or the mean of the former communes it was formed from. */
  met: number | null;
  /** Tier rank (0 none … 3 model): the commune's own, or the lowest of its former communes that have values. */
  tier: number | null;
  /** The rows counted for it. */
  from: OverviewRow[];
}

/**
 * One value per 2025 commune on the map. From 1/7/2025 the rows are the map's communes; before, the rows are the
 * former communes, counted in the 2025 commune they became part of (no former commune was split).
 */
export function mapValues(
  rows: OverviewRow[],
  features: { id: string; properties: { fullName: string; formedFrom: string[] } }[],
  before: boolean,
): MapValue[] {
  const byCode = new Map(rows.map((r) => [r.code, r]));
  return features.map((f) => {
    const from = (before ? f.properties.formedFrom : [f.id]).map((c) => byCode.get(c)).filter((r): r is OverviewRow => r !== undefined);
    const ev = evaluated(from);
    const ranks = from.map((r) => RANK[tierKey(r)]).filter((n) => n >= 0);
    return {
      code: f.id,
      name: f.properties.fullName,
      met: ev.length ? Math.round((ev.reduce((s, r) => s + r.criteriaMet!, 0) / ev.length) * 10) / 10 : null,
      tier: ranks.length > 0 ? Math.min(...ranks.map((n) => Math.min(n, 3))) : null,
      from,
    };
  });
}
