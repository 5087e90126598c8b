import type { OverviewRow, Tier } from '../../api/types.ts';
import type { TierKey } from '../../routes/search.ts';
import { compareVi, searchKey } from '../../../domain/units/names.ts';

export type { TierKey };

export interface Filters {
  search: string;
  tier: TierKey | null;
  district: string | null;
  type: string | null;
}

export const NO_FILTERS: Filters = { search: '', tier: null, district: null, type: null };

export function tierKey(r: OverviewRow): TierKey {
  if (r.set === null) return 'na';
  // A unit without any stored value has not failed anything: it is counted apart, never as "Chưa đạt".
  if (!r.hasValues) return 'no-data';
  return (r.tier as Tier | null) ?? 'none';
}

const TIER_RANK: Record<TierKey, number> = { na: -2, 'no-data': -1, none: 0, ntm: 1, 'hoan-thanh': 1, 'nang-cao': 2, 'kieu-mau': 3, 'hien-dai': 4 };
export const tierRank = (r: OverviewRow): number => TIER_RANK[tierKey(r)];

/** The former district of a commune; null after 1 July 2025, when communes hang directly under the province. */
export function districtOf(r: OverviewRow): string | null {
  return r.parentCode && r.parentCode.length > 2 ? r.parentName : null;
}

/** Rows matching every filter; the search ignores diacritics ("hoa an" finds "Hòa An"). */
export function applyFilters(rows: OverviewRow[], f: Filters): OverviewRow[] {
  const q = searchKey(f.search);
  return rows.filter(
    (r) =>
      (!q || searchKey(r.fullName).includes(q) || r.code.includes(q)) &&
      (!f.tier || tierKey(r) === f.tier) &&
      (!f.district || districtOf(r) === f.district) &&
      (!f.type || r.type === f.type),
  );
}

/** Distinct values in Vietnamese order, for the filter menus. */
export function distinct(values: (string | null)[]): string[] {
  return [...new Set(values.filter((v): v is string => Boolean(v)))].sort(compareVi);
}

export function countByTier(rows: OverviewRow[]): Map<TierKey, number> {
  const m = new Map<TierKey, number>();
  for (const r of rows) m.set(tierKey(r), (m.get(tierKey(r)) ?? 0) + 1);
  return m;
}
