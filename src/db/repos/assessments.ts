import { eq, sql } from 'drizzle-orm';
import { queryRows, type Db, sqlList } from '../client.ts';
import { assessments, assessmentValues } from '../schema.ts';
import type { InputValue } from '../../domain/evaluation/types.ts';
import { statesCounted, type ValueBasis } from '../../domain/assessments/workflow.ts';

/**
 * The values a basis counts, as one JSON object per assessment (a SQL expression over the row `a`): the current
 * values when the assessment's state is counted, else the values as last approved (a reopened assessment keeps
 * counting as approved until it is approved again); NULL when neither applies. An approved row stored before
 * approval snapshots existed counts its current values.
 */
function countedValues(basis: ValueBasis) {
  const states = sql.join(
    statesCounted(basis).map((s) => sql`${s}`),
    sql`, `,
  );
  return sql`CASE WHEN a.status IN (${states})
                  THEN (SELECT coalesce(jsonb_object_agg(v.code, v.value), '{}'::jsonb) FROM assessment_values v
                         WHERE v.assessment_id = a.id AND v.value IS NOT NULL)
                  ELSE a.approved_values END`;
}

export interface StoredValues {
  assessmentId: number;
  unitId: number;
  status: string;
  sample: boolean;
  values: Record<string, InputValue>;
}

/** Values of many units for one set family and year, keyed by unit id (units whose basis counts nothing are absent). */
export async function valuesFor(db: Db, family: string, year: number, unitIds: number[], basis: ValueBasis = 'all'): Promise<Map<number, StoredValues>> {
  const out = new Map<number, StoredValues>();
  if (unitIds.length === 0) return out;
  const rows = await queryRows<{
    id: number | string;
    unit_id: number | string;
    status: string;
    sample: boolean;
    vals: Record<string, InputValue> | string | null;
  }>(
    db,
    sql`SELECT * FROM (
          SELECT a.id, a.unit_id, a.status, a.sample, ${countedValues(basis)} AS vals
            FROM assessments a
           WHERE a.family = ${family} AND a.year = ${year}
             AND a.unit_id IN (${sqlList(unitIds)})) x
         WHERE x.vals IS NOT NULL`,
  );
  for (const r of rows) {
    const values = typeof r.vals === 'string' ? (JSON.parse(r.vals) as Record<string, InputValue>) : (r.vals ?? {});
    out.set(Number(r.unit_id), { assessmentId: Number(r.id), unitId: Number(r.unit_id), status: r.status, sample: r.sample, values });
  }
  return out;
}

/** Writes a whole assessment (values replaced) in the caller's transaction. */
export async function putAssessment(
  db: Db,
  a: { unitId: number; family: string; year: number; sample: boolean; status?: string },
  values: Record<string, InputValue>,
): Promise<number> {
  const [row] = await db
    .insert(assessments)
    .values({ unitId: a.unitId, family: a.family, year: a.year, sample: a.sample, status: a.status ?? 'draft' })
    .onConflictDoUpdate({
      target: [assessments.unitId, assessments.family, assessments.year],
      set: { version: sql`${assessments.version} + 1`, sample: a.sample, status: a.status ?? 'draft' },
    })
    .returning({ id: assessments.id });
  const id = row!.id;
  await db.delete(assessmentValues).where(eq(assessmentValues.assessmentId, id));
  const entries = Object.entries(values).filter(([, v]) => v !== null && v !== undefined);
  for (let i = 0; i < entries.length; i += 500) {
    await db.insert(assessmentValues).values(entries.slice(i, i + 500).map(([code, value]) => ({ assessmentId: id, code, value })));
  }
  return id;
}

export interface NewAssessment {
  unitId: number;
  family: string;
  year: number;
  sample: boolean;
  status: string;
  values: Record<string, InputValue>;
  /** The set version the values were entered against. */
  setId?: string;
}

/** Inserts many new assessments with their values in batches (bulk loads such as the demo); fails on an existing one. */
export async function insertAssessments(db: Db, rows: NewAssessment[]): Promise<void> {
  for (let i = 0; i < rows.length; i += 1000) {
    const chunk = rows.slice(i, i + 1000);
    const ids = await db
      .insert(assessments)
      .values(
        chunk.map((a) => ({
          unitId: a.unitId,
          family: a.family,
          year: a.year,
          sample: a.sample,
          status: a.status,
          setId: a.setId ?? null,
          // An approved load is its own approval snapshot.
          approvedValues: a.status === 'approved' ? Object.fromEntries(Object.entries(a.values).filter(([, v]) => v !== null && v !== undefined)) : null,
        })),
      )
      .returning({ id: assessments.id, unitId: assessments.unitId, family: assessments.family, year: assessments.year });
    const idOf = new Map(ids.map((r) => [`${r.unitId}|${r.family}|${r.year}`, r.id]));
    const values = chunk.flatMap((a) =>
      Object.entries(a.values)
        .filter(([, v]) => v !== null && v !== undefined)
        .map(([code, value]) => ({ assessmentId: idOf.get(`${a.unitId}|${a.family}|${a.year}`)!, code, value })),
    );
    for (let j = 0; j < values.length; j += 2000) await db.insert(assessmentValues).values(values.slice(j, j + 2000));
  }
}

/** Every stored value of a view, by unit: one map per set family, and whether any of it is sample data. */
export interface ViewValues {
  byFamily: Record<string, Record<string, InputValue>>;
  sample: boolean;
}

/**
 * The values of many units for several set families and one year, read in one query (the overview): keyed by
 * unit id; a unit without any stored assessment is absent.
 */
export async function valuesForView(db: Db, families: string[], year: number, unitIds: number[], basis: ValueBasis = 'all'): Promise<Map<number, ViewValues>> {
  const out = new Map<number, ViewValues>();
  if (unitIds.length === 0 || families.length === 0) return out;
  // One row per assessment with its values folded into one JSON object: far fewer rows to decode than one per value.
  const rows = await queryRows<{ unit_id: number | string; family: string; sample: boolean; vals: Record<string, InputValue> | string | null }>(
    db,
    sql`SELECT * FROM (
        SELECT a.unit_id, a.family, a.sample, ${countedValues(basis)} AS vals
          FROM assessments a
         WHERE a.year = ${year}
           AND a.family IN (${sqlList(families)})
           AND a.unit_id IN (${sqlList(unitIds)})) x
       WHERE x.vals IS NOT NULL`,
  );
  for (const r of rows) {
    const unitId = Number(r.unit_id);
    let v = out.get(unitId);
    if (!v) out.set(unitId, (v = { byFamily: {}, sample: false }));
    v.sample ||= r.sample;
    const vals = typeof r.vals === 'string' ? (JSON.parse(r.vals) as Record<string, InputValue>) : r.vals;
    v.byFamily[r.family] = { ...(v.byFamily[r.family] ?? {}), ...(vals ?? {}) };
  }
  return out;
}

/** Whether any sample (demo) assessment is stored. */
export async function hasSampleAssessments(db: Db): Promise<boolean> {
  const rows = await db.select({ id: assessments.id }).from(assessments).where(eq(assessments.sample, true)).limit(1);
  return rows.length > 0;
}
