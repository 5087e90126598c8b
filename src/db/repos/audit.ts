import { and, count, desc, eq, gte, lt, type SQL } from 'drizzle-orm';
import type { Db } from '../client.ts';
import { assessmentEvents, assessments, users } from '../schema.ts';

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

export interface HistoryRow {
  id: number;
  at: Date;
  username: string | null;
  fullName: string | null;
  action: string;
  family: string;
  year: number;
  code: string | null;
  before: unknown;
  after: unknown;
  reason: string | null;
  source: string;
  sourceRef: string | null;
  version: number;
}

function where(f: HistoryFilter): SQL | undefined {
  return and(
    eq(assessments.unitId, f.unitId),
    f.family ? eq(assessments.family, f.family) : undefined,
    f.year ? eq(assessments.year, f.year) : undefined,
    f.code ? eq(assessmentEvents.code, f.code) : undefined,
    f.from ? gte(assessmentEvents.at, new Date(f.from)) : undefined,
    f.before ? lt(assessmentEvents.at, new Date(f.before)) : undefined,
  );
}

/** Every recorded change of a unit's assessments matching the filter, newest first, one page, with the total. */
export async function unitAssessmentHistory(db: Db, f: HistoryFilter): Promise<{ total: number; rows: HistoryRow[] }> {
  const [totalRow] = await db
    .select({ n: count() })
    .from(assessmentEvents)
    .innerJoin(assessments, eq(assessments.id, assessmentEvents.assessmentId))
    .where(where(f));
  const rows = await db
    .select({
      id: assessmentEvents.id,
      at: assessmentEvents.at,
      username: users.username,
      fullName: users.fullName,
      action: assessmentEvents.action,
      family: assessments.family,
      year: assessments.year,
      code: assessmentEvents.code,
      before: assessmentEvents.before,
      after: assessmentEvents.after,
      reason: assessmentEvents.reason,
      source: assessmentEvents.source,
      sourceRef: assessmentEvents.sourceRef,
      version: assessmentEvents.version,
    })
    .from(assessmentEvents)
    .innerJoin(assessments, eq(assessments.id, assessmentEvents.assessmentId))
    .leftJoin(users, eq(users.id, assessmentEvents.userId))
    .where(where(f))
    .orderBy(desc(assessmentEvents.at), desc(assessmentEvents.id))
    .limit(f.limit)
    .offset(f.offset);
  return { total: Number(totalRow?.n ?? 0), rows };
}
