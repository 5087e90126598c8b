import type { Db } from '../../db/client.ts';
import { findUnitAsOf, listUnitsAsOf, unitHistory, type UnitWithParent } from '../../db/repos/units.ts';
import { fieldIndex } from '../../domain/assessments/values.ts';
import { DEFAULT_REGION, type RegionCode } from '../../domain/criteria/schema.ts';
import { DomainError } from '../../domain/errors.ts';
import { yearReferenceDate } from '../../domain/evaluation/ladder.ts';
import { writeAssessmentWorkbook, type UnitSheet } from '../../interchange/assessments/write.ts';
import type { SessionUser } from '../auth/policies.ts';
import { todayVn } from '../common.ts';
import { assessmentBody, resolveAssessment, type Resolved } from '../assessments/service.ts';
import type { AssessmentBody } from '../assessments/schema.ts';
import { storedOf } from './stored.ts';

type Authorize = (unitId: number) => void;

export interface WorkbookFile {
  fileName: string;
  bytes: Buffer;
}

function sheetOf(r: Resolved, body: AssessmentBody): UnitSheet {
  return {
    unit: { code: r.unit.code, fullName: r.unit.fullName, shortName: r.unit.name },
    set: r.set,
    version: body.version,
    status: body.status,
    current: storedOf(body, fieldIndex(r.set)) as UnitSheet['current'],
    context: { year: r.year, region: (r.unit.region ?? DEFAULT_REGION) as RegionCode },
  };
}

/** The unit a scope code names on `asOf`, or why not (a district asked for after the 1/7/2025 reorganisation). */
async function scopeUnit(db: Db, code: string, asOf: string): Promise<UnitWithParent> {
  const unit = await findUnitAsOf(db, code, asOf);
  if (unit) return unit;
  const past = (await unitHistory(db, code)).at(-1);
  if (!past) throw new DomainError('UNIT_NOT_FOUND', `Không có đơn vị mã "${code}"`, { field: 'scope', code });
  const until = past.validTo ? past.validTo.split('-').reverse().join('/') : null;
  throw new DomainError(
    'UNIT_NOT_IN_FORCE',
    `${past.fullName} không còn vào ngày ${asOf.split('-').reverse().join('/')}${until ? ` (đến ${until})` : ''}: hãy chọn ngày (asOf) khi đơn vị còn tồn tại`,
    { field: 'asOf', code, validTo: past.validTo },
  );
}

/** Communes (and wards, towns) under `scope` on `asOf`, by code. */
async function communesUnder(db: Db, scope: UnitWithParent, asOf: string): Promise<UnitWithParent[]> {
  if (scope.level === 'commune') return [scope];
  const all = await listUnitsAsOf(db, asOf);
  const byId = new Map(all.map((u) => [u.id, u]));
  const under = (u: UnitWithParent): boolean => {
    for (let p = u.parentId; p !== null; p = byId.get(p)?.parentId ?? null) if (p === scope.id) return true;
    return false;
  };
  return all.filter((u) => u.level === 'commune' && under(u)).sort((a, b) => a.code.localeCompare(b.code));
}

/**
 * The pre-filled workbook for a unit (one sheet), or for a province or district (one sheet per commune in it to
 * which the set family applies). Every sheet carries the assessment's version, so an upload based on stale values is
 * refused instead of overwriting them.
 */
export async function buildWorkbook(
  db: Db,
  user: SessionUser,
  req: { code: string; family: string; year: number; asOf?: string | undefined },
  authorize: Authorize,
): Promise<WorkbookFile> {
  const asOf = req.asOf ?? yearReferenceDate(req.year, todayVn());
  const scope = await scopeUnit(db, req.code, asOf);
  authorize(scope.id);
  const sheets: UnitSheet[] = [];
  for (const unit of await communesUnder(db, scope, asOf)) {
    let r: Resolved;
    try {
      r = await resolveAssessment(db, { unitCode: unit.code, family: req.family, year: req.year, asOf });
    } catch (e) {
      // A province workbook leaves out the communes the family is not for (wards for a commune set).
      if (e instanceof DomainError && e.code === 'FAMILY_NOT_FOR_UNIT' && scope.level !== 'commune') continue;
      throw e;
    }
    authorize(r.unit.id);
    sheets.push(sheetOf(r, await assessmentBody(db, r, user)));
  }
  if (sheets.length === 0)
    throw new DomainError('FAMILY_NOT_FOR_UNIT', `Bộ tiêu chí "${req.family}" không dùng cho đơn vị nào thuộc ${scope.fullName} năm ${req.year}`, {
      field: 'family',
      family: req.family,
      scope: scope.code,
    });
  const bytes = await writeAssessmentWorkbook({ scope: { code: scope.code, fullName: scope.fullName }, family: req.family, year: req.year, asOf, sheets });
  return { fileName: `phieu-danh-gia-${scope.code}-${req.family}-${req.year}.xlsx`, bytes };
}
