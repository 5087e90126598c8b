import { and, asc, eq, sql } from 'drizzle-orm';
import { queryRows, type Db, sqlList } from '../client.ts';
import { assessmentEvents, assessments, assessmentValues, users } from '../schema.ts';
import type { InputValue } from '../../domain/evaluation/types.ts';

/** The head row of an assessment, as the services need it. */
export interface AssessmentHead {
  id: number;
  unitId: number;
  family: string;
  year: number;
  setId: string | null;
  status: string;
  version: number;
  updatedAt: string;
  sample: boolean;
}

const headColumns = {
  id: assessments.id,
  unitId: assessments.unitId,
  family: assessments.family,
  year: assessments.year,
  setId: assessments.setId,
  status: assessments.status,
  version: assessments.version,
  updatedAt: sql<string>`${assessments.updatedAt}`,
  sample: assessments.sample,
};

const keyIs = (unitId: number, family: string, year: number) => and(eq(assessments.unitId, unitId), eq(assessments.family, family), eq(assessments.year, year));

export async function findAssessment(db: Db, unitId: number, family: string, year: number): Promise<AssessmentHead | undefined> {
  const rows = await db
    .select(headColumns)
    .from(assessments)
    .where(keyIs(unitId, family, year))
    .limit(1);
  return rows[0] ? normalise(rows[0]) : undefined;
}

function normalise(r: AssessmentHead): AssessmentHead {
  return { ...r, id: Number(r.id), unitId: Number(r.unitId), updatedAt: new Date(r.updatedAt).toISOString() };
}

/**
 * The assessment's row locked for the rest of the caller's transaction (writers of one assessment queue here),
 * created first when there is none. `created` says whether this call made it; a concurrent creator that commits
 * first makes this call wait and then find the row.
 */
export async function lockOrCreateAssessment(
  tx: Db,
  key: { unitId: number; family: string; year: number; setId: string; userId: number },
): Promise<{ head: AssessmentHead; created: boolean }> {
  const inserted = await tx
    .insert(assessments)
    .values({
      unitId: key.unitId,
      family: key.family,
      year: key.year,
      setId: key.setId,
      status: 'draft',
      version: 1,
      createdBy: key.userId,
      updatedBy: key.userId,
    })
    .onConflictDoNothing()
    .returning(headColumns);
  if (inserted[0]) return { head: normalise(inserted[0]), created: true };
  const rows = await tx
    .select(headColumns)
    .from(assessments)
    .where(keyIs(key.unitId, key.family, key.year))
    .for('update');
  return { head: normalise(rows[0]!), created: false };
}

/** Locks an existing assessment for the caller's transaction. */
export async function lockAssessment(tx: Db, unitId: number, family: string, year: number): Promise<AssessmentHead | undefined> {
  const rows = await tx
    .select(headColumns)
    .from(assessments)
    .where(keyIs(unitId, family, year))
    .for('update');
  return rows[0] ? normalise(rows[0]) : undefined;
}

export interface StoredEntry {
  code: string;
  value: InputValue;
  note: string | null;
  recordedAt: string;
  recordedBy: string | null;
}

/** The current values and notes of an assessment, with who recorded each last. */
export async function entriesOf(db: Db, assessmentId: number): Promise<StoredEntry[]> {
  const rows = await db
    .select({
      code: assessmentValues.code,
      value: assessmentValues.value,
      note: assessmentValues.note,
      recordedAt: sql<string>`${assessmentValues.recordedAt}`,
      recordedBy: users.username,
    })
    .from(assessmentValues)
    .leftJoin(users, eq(users.id, assessmentValues.recordedBy))
    .where(eq(assessmentValues.assessmentId, assessmentId))
    .orderBy(asc(assessmentValues.code));
  return rows.map((r) => ({ ...r, value: (r.value ?? null) as InputValue, recordedAt: new Date(r.recordedAt).toISOString() }));
}

/** Writes the current value and note of codes (a row with neither is removed). */
export async function upsertEntries(
  tx: Db,
  assessmentId: number,
  userId: number,
  entries: { code: string; value: InputValue; note: string | null }[],
): Promise<void> {
  const keep = entries.filter((e) => e.value !== null || e.note !== null);
  const drop = entries.filter((e) => e.value === null && e.note === null);
  for (let i = 0; i < keep.length; i += 500) {
    await tx
      .insert(assessmentValues)
      .values(keep.slice(i, i + 500).map((e) => ({ assessmentId, code: e.code, value: e.value, note: e.note, recordedBy: userId })))
      .onConflictDoUpdate({
        target: [assessmentValues.assessmentId, assessmentValues.code],
        set: { value: sql`excluded.value`, note: sql`excluded.note`, recordedBy: userId, recordedAt: sql`now()` },
      });
  }
  for (const e of drop) await tx.delete(assessmentValues).where(and(eq(assessmentValues.assessmentId, assessmentId), eq(assessmentValues.code, e.code)));
}

/** Rows per statement when many assessments are written at once; the rows travel as one JSON parameter. */
const BATCH_ROWS = 20_000;

const json = (rows: unknown[]) => sql`${JSON.stringify(rows)}::jsonb`;

/** The current values and notes of many assessments in one read, by assessment id (each list ordered by code). */
export async function entriesOfMany(db: Db, assessmentIds: readonly number[]): Promise<Map<number, StoredEntry[]>> {
  const out = new Map<number, StoredEntry[]>(assessmentIds.map((id) => [id, []]));
  if (assessmentIds.length === 0) return out;
  const rows = await queryRows<Record<string, unknown>>(
    db,
    sql`SELECT v.assessment_id AS "assessmentId", v.code, v.value::text AS value, v.note, v.recorded_at AS "recordedAt", u.username AS "recordedBy"
          FROM assessment_values v LEFT JOIN users u ON u.id = v.recorded_by
         WHERE v.assessment_id IN (${sqlList(assessmentIds)})
         ORDER BY v.assessment_id, v.code`,
  );
  for (const r of rows)
    out.get(Number(r.assessmentId))?.push({
      code: r.code as string,
      value: (parseJson(r.value) ?? null) as InputValue,
      note: (r.note as string | null) ?? null,
      recordedAt: new Date(r.recordedAt as string).toISOString(),
      recordedBy: (r.recordedBy as string | null) ?? null,
    });
  return out;
}

/**
 * `upsertEntries` for many assessments at once: one multi-row statement per table and batch instead of one per
 * assessment (a workbook of 200 communes writes 100,000 values).
 */
export async function upsertEntriesMany(
  tx: Db,
  userId: number,
  entries: { assessmentId: number; code: string; value: InputValue; note: string | null }[],
): Promise<void> {
  const keep = entries.filter((e) => e.value !== null || e.note !== null).map((e) => ({ a: e.assessmentId, c: e.code, v: e.value, n: e.note }));
  const drop = entries.filter((e) => e.value === null && e.note === null).map((e) => ({ a: e.assessmentId, c: e.code }));
  for (let i = 0; i < keep.length; i += BATCH_ROWS)
    await tx.execute(
      sql`INSERT INTO assessment_values (assessment_id, code, value, note, recorded_by)
          SELECT r.a, r.c, r.v, r.n, ${userId} FROM jsonb_to_recordset(${json(keep.slice(i, i + BATCH_ROWS))}) AS r(a bigint, c text, v jsonb, n text)
          ON CONFLICT (assessment_id, code) DO UPDATE SET value = excluded.value, note = excluded.note, recorded_by = excluded.recorded_by, recorded_at = now()`,
    );
  for (let i = 0; i < drop.length; i += BATCH_ROWS)
    await tx.execute(
      sql`DELETE FROM assessment_values v USING jsonb_to_recordset(${json(drop.slice(i, i + BATCH_ROWS))}) AS r(a bigint, c text)
           WHERE v.assessment_id = r.a AND v.code = r.c`,
    );
}

/** Raises the version of many locked assessments at once (a write of values); returns each one's new version. */
export async function bumpAssessments(tx: Db, ids: readonly number[], userId: number): Promise<Map<number, number>> {
  if (ids.length === 0) return new Map();
  const rows = await queryRows<{ id: unknown; version: unknown }>(
    tx,
    sql`UPDATE assessments SET version = version + 1, updated_at = now(), updated_by = ${userId} WHERE id IN (${sqlList(ids)}) RETURNING id, version`,
  );
  return new Map(rows.map((r) => [Number(r.id), Number(r.version)]));
}

/** `appendEvents` for many assessments at once, each event with its assessment and version; kept in the given order. */
export async function appendEventsMany(
  tx: Db,
  userId: number | null,
  source: { kind: string; ref?: string | undefined },
  events: (NewEvent & { assessmentId: number; version: number })[],
): Promise<void> {
  const rows = events.map((e) => ({
    a: e.assessmentId,
    ac: e.action,
    c: e.code ?? null,
    b: e.before === undefined ? null : e.before,
    af: e.after === undefined ? null : e.after,
    r: e.reason ?? null,
    ver: e.version,
  }));
  for (let i = 0; i < rows.length; i += BATCH_ROWS)
    await tx.execute(
      sql`INSERT INTO assessment_events (assessment_id, user_id, action, code, before, after, reason, source, source_ref, version)
          SELECT r.a, ${userId}, r.ac, r.c, r.b, r.af, r.r, ${source.kind}, ${source.ref ?? null}, r.ver
            FROM ROWS FROM (jsonb_to_recordset(${json(rows.slice(i, i + BATCH_ROWS))}) AS (a bigint, ac text, c text, b jsonb, af jsonb, r text, ver integer))
                 WITH ORDINALITY AS r(a, ac, c, b, af, r, ver, o)
           ORDER BY r.o`,
    );
}

export interface NewEvent {
  action: string;
  code?: string | null;
  before?: unknown;
  after?: unknown;
  reason?: string | null;
}

/** Appends events (the table refuses anything but INSERT). */
export async function appendEvents(
  tx: Db,
  assessmentId: number,
  userId: number | null,
  version: number,
  source: { kind: string; ref?: string | undefined },
  events: NewEvent[],
): Promise<void> {
  for (let i = 0; i < events.length; i += 500) {
    await tx.insert(assessmentEvents).values(
      events.slice(i, i + 500).map((e) => ({
        assessmentId,
        userId,
        action: e.action,
        code: e.code ?? null,
        before: e.before === undefined ? null : e.before,
        after: e.after === undefined ? null : e.after,
        reason: e.reason ?? null,
        source: source.kind,
        sourceRef: source.ref ?? null,
        version,
      })),
    );
  }
}

/** Raises the version of a locked assessment and sets what a transition changes; returns the new version. */
export async function bumpAssessment(tx: Db, id: number, userId: number, set: { status?: string; submittedAt?: true; approved?: true } = {}): Promise<number> {
  const rows = await tx
    .update(assessments)
    .set({
      version: sql`${assessments.version} + 1`,
      updatedAt: sql`now()`,
      updatedBy: userId,
      ...(set.status ? { status: set.status } : {}),
      ...(set.submittedAt ? { submittedAt: sql`now()` } : {}),
      ...(set.approved
        ? {
            approvedAt: sql`now()`,
            approvedBy: userId,
            approvedValues: sql`(SELECT coalesce(jsonb_object_agg(v.code, v.value) FILTER (WHERE v.value IS NOT NULL), '{}'::jsonb) FROM assessment_values v WHERE v.assessment_id = ${id})`,
          }
        : {}),
    })
    .where(eq(assessments.id, id))
    .returning({ version: assessments.version });
  return rows[0]!.version;
}

export interface StoredEvent {
  id: number;
  at: string;
  user: string | null;
  userName: string | null;
  action: string;
  code: string | null;
  before: unknown;
  after: unknown;
  reason: string | null;
  source: string;
  sourceRef: string | null;
  version: number;
}

/** Every event of an assessment, oldest first (optionally only those of some actions). */
export async function eventsOf(db: Db, assessmentId: number, actions?: readonly string[]): Promise<StoredEvent[]> {
  const rows = await queryRows<Record<string, unknown>>(
    db,
    sql`SELECT e.id, e.at, u.username AS "user", u.full_name AS "userName", e.action, e.code, e.before::text AS before, e.after::text AS after, e.reason,
               e.source, e.source_ref AS "sourceRef", e.version
          FROM assessment_events e LEFT JOIN users u ON u.id = e.user_id
         WHERE e.assessment_id = ${assessmentId}
           ${actions ? sql`AND e.action IN (${sqlList(actions)})` : sql``}
         ORDER BY e.id`,
  );
  return rows.map((r) => ({
    id: Number(r.id),
    at: new Date(r.at as string).toISOString(),
    user: (r.user as string | null) ?? null,
    userName: (r.userName as string | null) ?? null,
    action: r.action as string,
    code: (r.code as string | null) ?? null,
    before: parseJson(r.before),
    after: parseJson(r.after),
    reason: (r.reason as string | null) ?? null,
    source: r.source as string,
    sourceRef: (r.sourceRef as string | null) ?? null,
    version: Number(r.version),
  }));
}

/** jsonb read as text (the same on both drivers, whatever JSON type the value has). */
function parseJson(v: unknown): unknown {
  return typeof v === 'string' ? (JSON.parse(v) as unknown) : null;
}
