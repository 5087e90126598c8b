import { and, eq, inArray } from 'drizzle-orm';
import type { Db } from '../client.ts';
import { assessments, assessmentValues, dhis2Mappings, units, users } from '../schema.ts';

export interface StoredMapping {
  kind: 'dataElement' | 'orgUnit';
  uid: string;
  family: string | null;
  code: string | null;
  unitId: number | null;
}

/** Every stored mapping row. */
export async function listMappings(db: Db): Promise<StoredMapping[]> {
  const rows = await db
    .select({ kind: dhis2Mappings.kind, uid: dhis2Mappings.uid, family: dhis2Mappings.family, code: dhis2Mappings.code, unitId: dhis2Mappings.unitId })
    .from(dhis2Mappings)
    .orderBy(dhis2Mappings.kind, dhis2Mappings.family, dhis2Mappings.code, dhis2Mappings.unitId);
  return rows.map((r) => ({ ...r, kind: r.kind === 'orgUnit' ? 'orgUnit' : 'dataElement' }));
}

/** Replaces every stored row at once (in the caller's transaction). */
export async function replaceMappings(db: Db, rows: StoredMapping[], userId: number): Promise<void> {
  await db.delete(dhis2Mappings);
  for (let i = 0; i < rows.length; i += 500) await db.insert(dhis2Mappings).values(rows.slice(i, i + 500).map((r) => ({ ...r, updatedBy: userId })));
}

export interface MappableUnit {
  id: number;
  code: string;
  fullName: string;
  level: string;
  parentId: number | null;
  validFrom: string | null;
  validTo: string | null;
}

/** Every unit of every period (organisation units of DHIS2 are the units' periods). */
export async function allUnitPeriods(db: Db): Promise<MappableUnit[]> {
  return db
    .select({
      id: units.id,
      code: units.code,
      fullName: units.fullName,
      level: units.level,
      parentId: units.parentId,
      validFrom: units.validFrom,
      validTo: units.validTo,
    })
    .from(units)
    .orderBy(units.code, units.validFrom);
}

export interface ExportedValue {
  unitId: number;
  year: number;
  code: string;
  value: unknown;
  note: string | null;
  at: Date;
  by: string | null;
}

export interface ExportedAssessment {
  id: number;
  unitId: number;
  year: number;
  status: string;
  approvedValues: unknown;
  approvedAt: Date | null;
  approvedBy: string | null;
}

/** Assessments of one family for some units and years (with who approved them). */
export async function assessmentsFor(db: Db, family: string, years: number[], unitIds: number[]): Promise<ExportedAssessment[]> {
  if (years.length === 0 || unitIds.length === 0) return [];
  return db
    .select({
      id: assessments.id,
      unitId: assessments.unitId,
      year: assessments.year,
      status: assessments.status,
      approvedValues: assessments.approvedValues,
      approvedAt: assessments.approvedAt,
      approvedBy: users.username,
    })
    .from(assessments)
    .leftJoin(users, eq(users.id, assessments.approvedBy))
    .where(and(eq(assessments.family, family), inArray(assessments.year, years), inArray(assessments.unitId, unitIds)))
    .orderBy(assessments.unitId, assessments.year);
}

/** The current value rows of some assessments, with who recorded each. */
export async function currentValues(db: Db, assessmentIds: number[]): Promise<(ExportedValue & { assessmentId: number })[]> {
  if (assessmentIds.length === 0) return [];
  return db
    .select({
      assessmentId: assessmentValues.assessmentId,
      unitId: assessments.unitId,
      year: assessments.year,
      code: assessmentValues.code,
      value: assessmentValues.value,
      note: assessmentValues.note,
      at: assessmentValues.recordedAt,
      by: users.username,
    })
    .from(assessmentValues)
    .innerJoin(assessments, eq(assessments.id, assessmentValues.assessmentId))
    .leftJoin(users, eq(users.id, assessmentValues.recordedBy))
    .where(inArray(assessmentValues.assessmentId, assessmentIds))
    .orderBy(assessmentValues.assessmentId, assessmentValues.code);
}
