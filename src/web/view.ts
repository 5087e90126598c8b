import { todayVn } from './format.ts';

// The two views around the 1 July 2025 reorganisation, and the years offered: shared by the routes (defaults),
// the as-of controls and the pages, so that none of them imports another.
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

/** The view a URL asks for, defaulting to today in Vietnam and the year of the date. */
export function resolveView(s: { asOf?: string | undefined; year?: number | undefined; set?: string | undefined }, today = todayVn()): ViewParams {
  const asOf = s.asOf ?? today;
  return { asOf, year: s.year ?? Number(asOf.slice(0, 4)), set: s.set ?? null };
}

/** Years offered in the year selectors: the programme's first year to the current one. */
export function yearOptions(today = todayVn()): number[] {
  const last = Math.max(Number(today.slice(0, 4)), 2026);
  const out: number[] = [];
  for (let y = last; y >= FIRST_YEAR; y--) out.push(y);
  return out;
}
