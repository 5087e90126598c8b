// Search parameters of the status board (/theo-doi), parsed like every screen's: anything malformed is dropped.
import { isoDate, yearParam } from '../../routes/search.ts';

export const TABS = ['my-review', 'not-submitted', 'late', 'returned', 'changed', 'all'] as const;
export type Tab = (typeof TABS)[number];

export interface BoardSearch {
  asOf?: string;
  year?: number;
  tab?: Tab;
  level?: 'commune' | 'hamlet';
}

export function boardSearch(raw: Record<string, unknown>): BoardSearch {
  const out: BoardSearch = {
    asOf: isoDate(raw.asOf),
    year: yearParam(raw.year),
    tab: (TABS as readonly unknown[]).includes(raw.tab) ? (raw.tab as Tab) : undefined,
    level: raw.level === 'hamlet' || raw.level === 'commune' ? raw.level : undefined,
  };
  return Object.fromEntries(Object.entries(out).filter(([, v]) => v !== undefined));
}
