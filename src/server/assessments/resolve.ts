import type { Db } from '../../db/client.ts';
import { findAssessment, type AssessmentHead } from '../../db/repos/assessment-entries.ts';
import { findUnitAsOf, findUnitById, unitHistory, type UnitWithParent } from '../../db/repos/units.ts';
import type { WorkflowUnit } from '../../domain/assessments/workflow.ts';
import type { CriteriaSet } from '../../domain/criteria/schema.ts';
import { DomainError } from '../../domain/errors.ts';
import { appliesTo, versionForYear, yearReferenceDate } from '../../domain/evaluation/ladder.ts';
import { todayVn } from '../common.ts';
import { getCatalog, getRegistry } from '../criteria/service.ts';

/** Names one assessment: a unit (by code), a set family and a year; `asOf` picks the unit when its code was reused. */
export interface AssessmentKey {
  unitCode: string;
  family: string;
  year: number;
  asOf?: string | undefined;
}

export interface Resolved {
  unit: UnitWithParent;
  /** The set version the assessment is pinned to (or, before the first write, the one it will be pinned to). */
  set: CriteriaSet;
  family: string;
  year: number;
  row: AssessmentHead | null;
  workflowUnit: WorkflowUnit;
}

/**
 * The unit an assessment of `year` is about: the unit with that code in force on `asOf` (by default today, kept
 * inside the year), else the latest period of the code that overlaps the year (a commune merged on 1/7/2025 keeps
 * its 2025 assessment under its own code).
 */
async function unitFor(db: Db, key: AssessmentKey): Promise<UnitWithParent> {
  const asOf = key.asOf ?? yearReferenceDate(key.year, todayVn());
  const direct = await findUnitAsOf(db, key.unitCode, asOf);
  if (direct) return direct;
  const periods = (await unitHistory(db, key.unitCode)).filter(
    (u) => (u.validFrom === null || u.validFrom <= `${key.year}-12-31`) && (u.validTo === null || u.validTo >= `${key.year}-01-01`),
  );
  const last = periods.at(-1);
  if (last) return last;
  throw new DomainError('UNIT_NOT_FOUND', `Không có đơn vị mã "${key.unitCode}" trong năm ${key.year}`, {
    field: 'unitCode',
    code: key.unitCode,
    year: key.year,
  });
}

/** Whether a district stands above the unit: the district review step applies (only before 1/7/2025). */
async function underDistrict(db: Db, unit: UnitWithParent): Promise<boolean> {
  if (unit.level !== 'commune' && unit.level !== 'hamlet') return false;
  const commune = unit.level === 'hamlet' && unit.parentId !== null ? await findUnitById(db, unit.parentId) : unit;
  const parent = commune?.parentId != null ? await findUnitById(db, commune.parentId) : undefined;
  return parent?.level === 'district';
}

/** Resolves a key to its unit, pinned set version and current row; refuses a family that does not apply. */
export async function resolveAssessment(db: Db, key: AssessmentKey): Promise<Resolved> {
  const unit = await unitFor(db, key);
  const registry = await getRegistry(db);
  if (registry.versions(key.family).length === 0)
    throw new DomainError('FAMILY_NOT_FOUND', `Không có bộ tiêu chí "${key.family}"`, { field: 'family', family: key.family });
  const row = (await findAssessment(db, unit.id, key.family, key.year)) ?? null;
  const pinned = row?.setId ? (await getCatalog(db)).entries.get(row.setId)?.set : undefined;
  const set = pinned ?? versionForYear(registry, key.family, key.year, yearReferenceDate(key.year, todayVn()));
  if (!set || !appliesTo(set, unit) || key.year < set.period.from || key.year > set.period.to)
    throw new DomainError(
      'FAMILY_NOT_FOR_UNIT',
      `Bộ tiêu chí "${key.family}" không dùng để đánh giá ${unit.fullName} năm ${key.year}` +
        (set ? ` (bộ dành cho ${set.unitTypes?.join(', ') ?? set.unitLevel}, giai đoạn ${set.period.from}–${set.period.to})` : ''),
      { field: 'family', family: key.family, year: key.year, unit: unit.code },
    );
  return { unit, set, family: key.family, year: key.year, row, workflowUnit: { level: unit.level, underDistrict: await underDistrict(db, unit) } };
}
