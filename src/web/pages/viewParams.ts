import { withQuery } from '../api/client.ts';
import { todayVn } from '../format.ts';
import { navigate, useLocation } from '../router.tsx';

export const REORG_LAST_DAY = '2025-06-30';
export const REORG_FIRST_DAY = '2025-07-01';
/** First year with data (the 2021–2025 programme). */
export const FIRST_YEAR = 2021;

export interface ViewParams {
  /** Hierarchy date, yyyy-mm-dd. */
  asOf: string;
  /** Assessment year. */
  year: number;
  /** Explicit criteria set (scorecard only). */
  set: string | null;
}

const ISO = /^\d{4}-\d{2}-\d{2}$/;

/** The as-of date and year in the URL (so links keep them), defaulting to today in Vietnam. */
export function useViewParams(): ViewParams {
  const { query } = useLocation();
  const rawAsOf = query.get('asOf');
  const asOf = rawAsOf && ISO.test(rawAsOf) ? rawAsOf : todayVn();
  const rawYear = Number(query.get('year'));
  const year = Number.isInteger(rawYear) && rawYear >= 2000 && rawYear <= 2100 ? rawYear : Number(asOf.slice(0, 4));
  return { asOf, year, set: query.get('set') };
}

export function overviewHref(p: { asOf: string; year: number }): string {
  return withQuery('/tong-quan', { asOf: p.asOf, year: p.year });
}

export function unitHref(code: string, p: { asOf: string; year: number; set?: string | null }): string {
  return withQuery(`/don-vi/${encodeURIComponent(code)}`, { asOf: p.asOf, year: p.year, set: p.set ?? undefined });
}

/** The import screen for a new criteria set version (outside /bo-tieu-chi/:id, so no set id can shadow it). */
export const IMPORT_SET_PATH = '/nap-bo-tieu-chi';

export function setHref(id: string): string {
  return `/bo-tieu-chi/${encodeURIComponent(id)}`;
}

/** Replaces the query of the current page, keeping its path. */
export function updateQuery(path: string, query: Record<string, string | number | null | undefined>): void {
  navigate(withQuery(path, query));
}

/** Years offered in the year selectors: the programme's first year to the current one. */
export function yearOptions(): number[] {
  const last = Math.max(Number(todayVn().slice(0, 4)), 2026);
  const out: number[] = [];
  for (let y = last; y >= FIRST_YEAR; y--) out.push(y);
  return out;
}
