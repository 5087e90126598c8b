// Search parameters of the audit page (/nhat-ky/$code), parsed like every screen's: anything malformed is dropped.
import { isoDate, yearParam } from '../../routes/search.ts';

export interface AuditSearch {
  /** Which period of the unit code (codes are reused across 1/7/2025). */
  asOf?: string;
  from?: string;
  to?: string;
  family?: string;
  year?: number;
  /** One indicator or criterion code. */
  field?: string;
  /** Page number, from 1. */
  page?: number;
}

const short = (v: unknown, max: number) => (typeof v === 'string' && v !== '' && v.length <= max ? v : undefined);

export function auditSearch(raw: Record<string, unknown>): AuditSearch {
  const page = typeof raw.page === 'string' && /^\d{1,5}$/.test(raw.page) && Number(raw.page) >= 1 ? Number(raw.page) : undefined;
  const out: AuditSearch = {
    asOf: isoDate(raw.asOf),
    from: isoDate(raw.from),
    to: isoDate(raw.to),
    family: short(raw.family, 100),
    year: yearParam(raw.year),
    field: short(raw.field, 100),
    page,
  };
  return Object.fromEntries(Object.entries(out).filter(([, v]) => v !== undefined));
}
