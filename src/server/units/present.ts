import type { z } from 'zod';
import type { UnitWithParent } from '../../db/repos/units.ts';
import type { unitDetail, unitSummary } from './schema.ts';

/** The public shape of a unit (the CLI's `units` prints the same). */
export function presentUnit(u: UnitWithParent): z.infer<typeof unitSummary> {
  return { code: u.code, name: u.fullName, type: u.type, level: u.level, parentCode: u.parentCode, validFrom: u.validFrom, validTo: u.validTo };
}

export function presentUnitDetail(u: UnitWithParent): z.infer<typeof unitDetail> {
  return { ...presentUnit(u), shortName: u.name, nameEn: u.nameEn, region: u.region, legalBasis: u.legalBasis, sample: u.sample };
}
