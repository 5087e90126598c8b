import { sql, type SQL } from 'drizzle-orm';
import type { Db } from '../client.ts';
import { queryRows } from '../client.ts';

export interface HistoryFilter {
  unitId: number;
  /** Changes at or after this instant / before this instant (ISO). */
  from?: string;
  before?: string;
  family?: string;
  year?: number;
  code?: string;
  limit: number;
  offset: number;
}

/** One change: of an assessment (`dossierId` null) or of a recognition dossier (`family` null). */
export interface HistoryRow {
  id: number;
  at: Date;
  username: string | null;
  fullName: string | null;
  action: string;
  family: string | null;
  year: number;
  code: string | null;
  before: unknown;
  after: unknown;
  reason: string | null;
  source: string;
  sourceRef: string | null;
  version: number;
  dossierId: number | null;
  tier: string | null;
  stepDate: string | null;
  reference: string | null;
  issuer: string | null;
  note: string | null;
}

const and = (conds: (SQL | undefined)[]) =>
  sql.join(
    conds.filter((c) => c !== undefined),
    sql` AND `,
  );

/**
 * Assessment events and recognition steps of the unit as one list. A recognition step has no family and no
 * indicator code, so a filter on either leaves the recognition steps out; the year of a step is its dossier's.
 */
function changes(f: HistoryFilter): SQL {
  const assessmentWhere = and([
    sql`a.unit_id = ${f.unitId}`,
    f.family ? sql`a.family = ${f.family}` : undefined,
    f.year ? sql`a.year = ${f.year}` : undefined,
    f.code ? sql`e.code = ${f.code}` : undefined,
    f.from ? sql`e.at >= ${f.from}::timestamptz` : undefined,
    f.before ? sql`e.at < ${f.before}::timestamptz` : undefined,
  ]);
  const withRecognition = !f.family && !f.code;
  const recognitionWhere = and([
    sql`d.unit_id = ${f.unitId}`,
    f.year ? sql`d.year = ${f.year}` : undefined,
    f.from ? sql`s.recorded_at >= ${f.from}::timestamptz` : undefined,
    f.before ? sql`s.recorded_at < ${f.before}::timestamptz` : undefined,
  ]);
  const assessmentPart = sql`
    SELECT e.id, e.at, e.user_id, e.action, a.family, a.year, e.code, e.before, e.after, e.reason, e.source,
           e.source_ref, e.version, NULL::bigint AS dossier_id, NULL::text AS tier, NULL::text AS step_date,
           NULL::text AS reference, NULL::text AS issuer, NULL::text AS note
    FROM assessment_events e JOIN assessments a ON a.id = e.assessment_id
    WHERE ${assessmentWhere}`;
  if (!withRecognition) return assessmentPart;
  return sql`${assessmentPart}
    UNION ALL
    SELECT s.id, s.recorded_at, s.recorded_by, 'recognition.' || s.kind, NULL, d.year, NULL, NULL::jsonb, NULL::jsonb,
           s.reason, 'screen', NULL, s.version, d.id, d.tier, s.date::text, s.reference, s.issuer, s.note
    FROM recognition_steps s JOIN recognition_dossiers d ON d.id = s.dossier_id
    WHERE ${recognitionWhere}`;
}

interface RawRow {
  id: string | number;
  at: string | Date;
  username: string | null;
  full_name: string | null;
  action: string;
  family: string | null;
  year: number;
  code: string | null;
  before: unknown;
  after: unknown;
  reason: string | null;
  source: string;
  source_ref: string | null;
  version: number;
  dossier_id: string | number | null;
  tier: string | null;
  step_date: string | null;
  reference: string | null;
  issuer: string | null;
  note: string | null;
}

/**
 * Every recorded change of a unit's assessments and recognition dossiers matching the filter, newest first, one
 * page, with the total.
 */
export async function unitAssessmentHistory(db: Db, f: HistoryFilter): Promise<{ total: number; rows: HistoryRow[] }> {
  const all = changes(f);
  const [totalRow] = await queryRows<{ n: number | string }>(db, sql`SELECT count(*)::int AS n FROM (${all}) c`);
  const raw = await queryRows<RawRow>(
    db,
    sql`SELECT c.*, u.username, u.full_name FROM (${all}) c LEFT JOIN users u ON u.id = c.user_id
        ORDER BY c.at DESC, c.dossier_id IS NULL, c.id DESC LIMIT ${f.limit} OFFSET ${f.offset}`,
  );
  const rows = raw.map((r) => ({
    id: Number(r.id),
    at: r.at instanceof Date ? r.at : new Date(r.at),
    username: r.username,
    fullName: r.full_name,
    action: r.action,
    family: r.family,
    year: Number(r.year),
    code: r.code,
    before: r.before,
    after: r.after,
    reason: r.reason,
    source: r.source,
    sourceRef: r.source_ref,
    version: Number(r.version),
    dossierId: r.dossier_id === null ? null : Number(r.dossier_id),
    tier: r.tier,
    stepDate: r.step_date,
    reference: r.reference,
    issuer: r.issuer,
    note: r.note,
  }));
  return { total: Number(totalRow?.n ?? 0), rows };
}
