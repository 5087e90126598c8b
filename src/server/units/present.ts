import type { UnitWithParent } from '../../db/repos/units.ts';

/** The public shape of a unit (the CLI's `units` prints the same). */
export function presentUnit(u: UnitWithParent) {
  return { code: u.code, name: u.fullName, type: u.type, level: u.level, parentCode: u.parentCode, validFrom: u.validFrom, validTo: u.validTo };
}

export function presentUnitDetail(u: UnitWithParent) {
  return { ...presentUnit(u), shortName: u.name, nameEn: u.nameEn, region: u.region, legalBasis: u.legalBasis, sample: u.sample };
}
