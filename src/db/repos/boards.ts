import { eq, sql } from 'drizzle-orm';
import { queryRows, type Db, sqlList } from '../client.ts';
import { deadlines, users } from '../schema.ts';
import type { TransitionAction } from '../../domain/assessments/workflow.ts';
import type { InputValue } from '../../domain/evaluation/types.ts';

export interface DeadlineRow {
  year: number;
  family: string | null;
  level: string | null;
  submitBy: string;
  reviewBy: string | null;
  approveBy: string | null;
  note: string | null;
  setAt: Date;
  setBy: string | null;
}

/** The deadlines of one year, or of every year, by year then scope. */
export async function listDeadlines(db: Db, year?: number): Promise<DeadlineRow[]> {
  const q = db
    .select({
      year: deadlines.year,
      family: deadlines.family,
      level: deadlines.level,
      submitBy: deadlines.submitBy,
      reviewBy: deadlines.reviewBy,
      approveBy: deadlines.approveBy,
      note: deadlines.note,
      setAt: deadlines.setAt,
      setBy: users.username,
    })
    .from(deadlines)
    .leftJoin(users, eq(users.id, deadlines.setBy));
  const rows = await (year === undefined ? q : q.where(eq(deadlines.year, year)));
  return rows
    .map((r) => ({ ...r, setAt: new Date(r.setAt) }))
    .sort((a, b) => a.year - b.year || (a.family ?? '').localeCompare(b.family ?? '') || (a.level ?? '').localeCompare(b.level ?? ''));
}

export interface NewDeadline {
  family: string | null;
  level: string | null;
  submitBy: string;
  reviewBy: string | null;
  approveBy: string | null;
  note: string | null;
}

/** Replaces the deadlines of a year, in the caller's transaction. */
export async function replaceDeadlines(db: Db, year: number, rows: NewDeadline[], userId: number): Promise<void> {
  await db.delete(deadlines).where(eq(deadlines.year, year));
  if (rows.length > 0) await db.insert(deadlines).values(rows.map((r) => ({ ...r, year, setBy: userId })));
}

/** What a status board shows of one stored assessment. */
export interface BoardAssessment {
  id: number;
  unitId: number;
  family: string;
  setId: string | null;
  status: string;
  version: number;
  submittedAt: string | null;
  approvedAt: string | null;
  updatedAt: string;
  /** Current values and statuses by code (codes whose value is null are left out). */
  values: Record<string, InputValue>;
  approvedValues: Record<string, InputValue> | null;
  /** The last transition (the query reads transition events only). */
  last: { action: TransitionAction; at: string; user: string | null; reason: string | null } | null;
  returnReason: string | null;
}

type Raw = {
  id: number | string;
  unit_id: number | string;
  family: string;
  set_id: string | null;
  status: string;
  version: number;
  submitted_at: string | Date | null;
  approved_at: string | Date | null;
  updated_at: string | Date;
  vals: unknown;
  approved_values: unknown;
  last: unknown;
  return_reason: string | null;
};

const iso = (d: string | Date | null) => (d === null ? null : new Date(d).toISOString());
const json = <T>(v: unknown): T | null => (v === null || v === undefined ? null : typeof v === 'string' ? (JSON.parse(v) as T) : (v as T));

/**
 * The stored assessments of some units for a year (of some families), with its values folded into one object, the last
 * transition and the reason of the last return: one query for a whole board.
 */
export async function boardAssessments(db: Db, year: number, families: string[], unitIds: number[]): Promise<BoardAssessment[]> {
  if (families.length === 0 || unitIds.length === 0) return [];
  const rows = await queryRows<Raw>(
    db,
    sql`SELECT a.id, a.unit_id, a.family, a.set_id, a.status, a.version, a.submitted_at, a.approved_at, a.updated_at,
               a.approved_values,
               (SELECT jsonb_object_agg(v.code, v.value) FROM assessment_values v
                 WHERE v.assessment_id = a.id AND v.value IS NOT NULL AND v.value <> 'null'::jsonb) AS vals,
               (SELECT jsonb_build_object('action', e.action, 'at', e.at, 'user', u.username, 'reason', e.reason)
                  FROM assessment_events e LEFT JOIN users u ON u.id = e.user_id
                 WHERE e.assessment_id = a.id AND e.action IN ('submit', 'review', 'approve', 'return', 'reopen')
                 ORDER BY e.id DESC LIMIT 1) AS last,
               (SELECT e.reason FROM assessment_events e
                 WHERE e.assessment_id = a.id AND e.action = 'return' ORDER BY e.id DESC LIMIT 1) AS return_reason
          FROM assessments a
         WHERE a.year = ${year}
           AND a.family IN (${sqlList(families)})
           AND a.unit_id IN (${sqlList(unitIds)})`,
  );
  return rows.map((r) => {
    const last = json<{ action: TransitionAction; at: string; user: string | null; reason: string | null }>(r.last);
    return {
      id: Number(r.id),
      unitId: Number(r.unit_id),
      family: r.family,
      setId: r.set_id,
      status: r.status,
      version: Number(r.version),
      submittedAt: iso(r.submitted_at),
      approvedAt: iso(r.approved_at),
      updatedAt: iso(r.updated_at)!,
      values: json<Record<string, InputValue>>(r.vals) ?? {},
      approvedValues: json<Record<string, InputValue>>(r.approved_values),
      last: last && { ...last, at: new Date(last.at).toISOString() },
      returnReason: r.return_reason,
    };
  });
}
