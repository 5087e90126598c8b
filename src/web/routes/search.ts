import { VALUE_BASES, type ValueBasis } from '../../domain/assessments/workflow.ts';

// Search parameters of every screen, parsed from the address bar into typed values. Anything malformed is dropped
// (the screen then uses its default) rather than failing, because these URLs are shared and bookmarked by officers.

/** Tiers an overview row can be filtered by, plus "none" (not reached) and "na" (no set applies). */
export const TIER_KEYS = ['ntm', 'hoan-thanh', 'nang-cao', 'kieu-mau', 'hien-dai', 'none', 'no-data', 'na'] as const;
export type TierKey = (typeof TIER_KEYS)[number];

const ISO = /^\d{4}-\d{2}-\d{2}$/;
type Raw = Record<string, unknown>;

function text(v: unknown, max = 200): string | undefined {
  if (typeof v === 'number') return String(v);
  return typeof v === 'string' && v !== '' && v.length <= max ? v : undefined;
}

/** A calendar date yyyy-mm-dd that exists (2025-02-30 is refused). */
export function isoDate(v: unknown): string | undefined {
  const s = text(v, 10);
  if (!s || !ISO.test(s)) return undefined;
  const d = new Date(`${s}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s ? s : undefined;
}

export function yearParam(v: unknown): number | undefined {
  const n = typeof v === 'number' ? v : typeof v === 'string' && /^\d{4}$/.test(v) ? Number(v) : NaN;
  return Number.isInteger(n) && n >= 2000 && n <= 2100 ? n : undefined;
}

/** Only the keys that have a value, so that links do not carry empty `?q=` parameters. */
function defined<T extends Raw>(o: T): T {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as T;
}

export interface ViewSearch {
  /** Hierarchy date, yyyy-mm-dd. */
  asOf?: string;
  /** Assessment year. */
  year?: number;
  /** Which stored values count (approved by default; staff may include submitted ones, or drafts too). */
  basis?: ValueBasis;
}

export interface OverviewSearch extends ViewSearch {
  /** Name search (diacritics ignored). */
  q?: string;
  tier?: TierKey;
  /** Former district name (before 1 July 2025). */
  district?: string;
  /** Unit type ("Xã", "Phường"…). */
  type?: string;
}

export interface UnitSearch extends ViewSearch {
  /** An explicit criteria set instead of the one in force. */
  set?: string;
}

export interface LoginSearch {
  /** Where to go after logging in; only ever a path of this site (see safeNext). */
  next?: string;
}

export function viewSearch(raw: Raw): ViewSearch {
  return defined({ asOf: isoDate(raw.asOf), year: yearParam(raw.year), basis: VALUE_BASES.find((b) => b === raw.basis) });
}

export function overviewSearch(raw: Raw): OverviewSearch {
  const tier = TIER_KEYS.find((k) => k === raw.tier);
  return defined({ ...viewSearch(raw), q: text(raw.q, 100), tier, district: text(raw.district, 100), type: text(raw.type, 40) });
}

export function unitSearch(raw: Raw): UnitSearch {
  return defined({ ...viewSearch(raw), set: text(raw.set, 100) });
}

export function loginSearch(raw: Raw): LoginSearch {
  return defined({ next: text(raw.next, 2000) });
}

/** Query strings as plain `k=v` pairs (what officers see and share), not JSON-encoded values. */
export function parseSearch(search: string): Raw {
  return Object.fromEntries(new URLSearchParams(search.startsWith('?') ? search.slice(1) : search));
}

export function stringifySearch(search: Raw): string {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(search)) if (typeof v === 'string' ? v !== '' : typeof v === 'number' || typeof v === 'boolean') params.set(k, String(v));
  const qs = params.toString();
  return qs ? `?${qs}` : '';
}
