// Search parameters of the dashboard (/bang-dieu-khien), parsed like every screen's: anything malformed is dropped.
import { viewSearch, type ViewSearch } from '../../routes/search.ts';

/** What the map is coloured by. */
export type MapColour = 'criteria' | 'tier';
/** The units behind a figure: `met-12` (criteria met), `tier-ntm` (at least that tier; `none` and `no-data` exactly). */
export type Shown = `met-${number}` | `tier-${string}`;

export interface DashboardSearch extends ViewSearch {
  /** The province (04), a former district (3 digits, before 1/7/2025) or a commune (5 digits). */
  unit?: string;
  colour?: MapColour;
  show?: Shown;
}

export const PROVINCE_CODE = '04';

export function dashboardSearch(raw: Record<string, unknown>): DashboardSearch {
  const unit = typeof raw.unit === 'string' && /^\d{2,5}$/.test(raw.unit) ? raw.unit : undefined;
  const colour = raw.colour === 'tier' || raw.colour === 'criteria' ? raw.colour : undefined;
  const show = typeof raw.show === 'string' && /^(met-\d{1,2}|tier-[a-z-]{2,12})$/.test(raw.show) ? (raw.show as Shown) : undefined;
  const out: DashboardSearch = { ...viewSearch(raw), unit, colour, show };
  return Object.fromEntries(Object.entries(out).filter(([, v]) => v !== undefined));
}
