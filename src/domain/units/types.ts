export type UnitLevelName = 'province' | 'district' | 'commune' | 'hamlet';

export interface UnitRecord {
  code: string;
  name: string;
  fullName: string;
  nameEn: string | null;
  type: string;
  level: UnitLevelName;
  parentCode: string | null;
  region: string | null;
  validFrom: string | null;
  validTo: string | null;
  legalBasis: string | null;
  sample: boolean;
}

/** Whether a unit is in force on an ISO date; an open end means "before records" or "still in force". */
export function inForceOn(u: Pick<UnitRecord, 'validFrom' | 'validTo'>, date: string): boolean {
  return (u.validFrom === null || u.validFrom <= date) && (u.validTo === null || u.validTo >= date);
}

const ISO = /^(\d{4})-(\d{2})-(\d{2})$/;
/** Checks an ISO calendar date (rejects 2025-02-30). */
export function isIsoDate(s: string): boolean {
  const m = ISO.exec(s);
  if (!m) return false;
  const d = new Date(`${s}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
}
