import { and, asc, desc, eq, gte, isNull, lte, or, sql } from 'drizzle-orm';
import { queryRows, type Db } from '../client.ts';
import { units, unitLineage, unitAttributes } from '../schema.ts';
import type { UnitRecord } from '../../domain/units/types.ts';

export type UnitRow = typeof units.$inferSelect;

// Qualified by hand: Drizzle renders a column without its table in single-table selects, and inside this
// subquery a bare "parent_id" would be p.parent_id (always giving null).
const parent = sql<string | null>`(SELECT p.code FROM units p WHERE p.id = "units"."parent_id")`;

const columns = {
  id: units.id,
  code: units.code,
  name: units.name,
  fullName: units.fullName,
  nameEn: units.nameEn,
  type: units.type,
  level: units.level,
  parentId: units.parentId,
  parentCode: parent,
  region: units.region,
  validFrom: units.validFrom,
  validTo: units.validTo,
  legalBasis: units.legalBasis,
  sample: units.sample,
};

export type UnitWithParent = UnitRecord & { id: number; parentId: number | null };

const inForce = (date: string) => and(or(isNull(units.validFrom), lte(units.validFrom, date)), or(isNull(units.validTo), gte(units.validTo, date)));

function toRecord(r: { level: string; parentCode: string | null } & Omit<UnitWithParent, 'level' | 'parentCode'>): UnitWithParent {
  return { ...r, level: r.level as UnitRecord['level'] };
}

/** Units in force on a date, optionally of one level, ordered by code. */
export async function listUnitsAsOf(db: Db, date: string, level?: string): Promise<UnitWithParent[]> {
  const rows = await db
    .select(columns)
    .from(units)
    .where(level ? and(inForce(date), eq(units.level, level)) : inForce(date))
    .orderBy(asc(units.code));
  return rows.map(toRecord);
}

/** The units directly under a unit that are in force on a date, ordered by code. */
export async function listChildrenAsOf(db: Db, parentId: number, date: string): Promise<UnitWithParent[]> {
  const rows = await db
    .select(columns)
    .from(units)
    .where(and(inForce(date), eq(units.parentId, parentId)))
    .orderBy(asc(units.code));
  return rows.map(toRecord);
}

/** The unit with a code on a date (codes are reused across periods, so the date is needed). */
export async function findUnitAsOf(db: Db, code: string, date: string): Promise<UnitWithParent | undefined> {
  const rows = await db
    .select(columns)
    .from(units)
    .where(and(eq(units.code, code), inForce(date)))
    .limit(1);
  return rows[0] ? toRecord(rows[0]) : undefined;
}

export async function findUnitById(db: Db, id: number): Promise<UnitWithParent | undefined> {
  const rows = await db.select(columns).from(units).where(eq(units.id, id)).limit(1);
  return rows[0] ? toRecord(rows[0]) : undefined;
}

/** Every period of a code, oldest first. */
export async function unitHistory(db: Db, code: string): Promise<UnitWithParent[]> {
  // An open start (before records) is the oldest period: NULLS FIRST, where PostgreSQL would sort it last.
  const rows = await db
    .select(columns)
    .from(units)
    .where(eq(units.code, code))
    .orderBy(sql`${units.validFrom} ASC NULLS FIRST`);
  return rows.map(toRecord);
}

export interface NewUnit {
  code: string;
  name: string;
  fullName: string;
  nameEn?: string | null;
  nameKey: string;
  type: string;
  level: string;
  parentId: number | null;
  region: string | null;
  validFrom: string | null;
  validTo: string | null;
  legalBasis?: string | null;
  sample?: boolean;
}

/** Codes of every period already given out with a prefix (the generated hamlet codes of a commune). */
export async function codesWithPrefix(db: Db, prefix: string): Promise<string[]> {
  const rows = await db
    .selectDistinct({ code: units.code })
    .from(units)
    .where(sql`starts_with(${units.code}, ${prefix})`);
  return rows.map((r) => r.code);
}

export async function insertUnit(db: Db, u: NewUnit): Promise<number> {
  const [row] = await db.insert(units).values(u).returning({ id: units.id });
  return row!.id;
}

/** Inserts many units of one period at once; returns their ids by code (codes are unique within a period). */
export async function insertUnits(db: Db, rows: NewUnit[]): Promise<Map<string, number>> {
  const ids = new Map<string, number>();
  for (let i = 0; i < rows.length; i += 500) {
    const out = await db
      .insert(units)
      .values(rows.slice(i, i + 500))
      .returning({ id: units.id, code: units.code });
    for (const r of out) ids.set(r.code, r.id);
  }
  return ids;
}

export async function insertLineage(
  db: Db,
  rows: { predecessorId: number; successorId: number; relation: string; effectiveDate: string; legalBasis: string | null }[],
): Promise<void> {
  for (let i = 0; i < rows.length; i += 1000)
    await db
      .insert(unitLineage)
      .values(rows.slice(i, i + 1000))
      .onConflictDoNothing();
}

/** Every lineage link as predecessor id → successor id. */
export async function lineagePairs(db: Db): Promise<{ predecessorId: number; successorId: number }[]> {
  return db.select({ predecessorId: unitLineage.predecessorId, successorId: unitLineage.successorId }).from(unitLineage);
}

/** Predecessors (merged into it) and successors (it merged into) of a unit. */
export async function lineageOf(db: Db, unitId: number): Promise<{ predecessors: UnitWithParent[]; successors: UnitWithParent[] }> {
  const pred = await db
    .select(columns)
    .from(units)
    .innerJoin(unitLineage, eq(unitLineage.predecessorId, units.id))
    .where(eq(unitLineage.successorId, unitId))
    .orderBy(asc(units.code));
  const succ = await db
    .select(columns)
    .from(units)
    .innerJoin(unitLineage, eq(unitLineage.successorId, units.id))
    .where(eq(unitLineage.predecessorId, unitId))
    .orderBy(asc(units.code));
  return { predecessors: pred.map(toRecord), successors: succ.map(toRecord) };
}

/** Ids of a unit, its descendants and, through the lineage, the units it was formed from (and their descendants). */
export async function scopeIds(db: Db, unitId: number): Promise<Set<number>> {
  const rows = await queryRows<{ id: string | number }>(
    db,
    sql`
    WITH RECURSIVE roots(id) AS (
      SELECT ${unitId}::bigint
      UNION
      SELECT l.predecessor_id FROM unit_lineage l JOIN roots r ON l.successor_id = r.id
    ), tree(id) AS (
      SELECT id FROM roots
      UNION
      SELECT u.id FROM units u JOIN tree t ON u.parent_id = t.id
    )
    SELECT id FROM tree`,
  );
  return new Set(rows.map((r) => Number(r.id)));
}

export async function unitAttribute(db: Db, unitId: number, key: string, date: string) {
  const rows = await db
    .select()
    .from(unitAttributes)
    .where(
      and(
        eq(unitAttributes.unitId, unitId),
        eq(unitAttributes.key, key),
        or(isNull(unitAttributes.validFrom), lte(unitAttributes.validFrom, date)),
        or(isNull(unitAttributes.validTo), gte(unitAttributes.validTo, date)),
      ),
    )
    .limit(1);
  return rows[0];
}

/** One attribute for many units at once (e.g. the commune group of every commune). */
export async function attributesAsOf(db: Db, key: string, date: string): Promise<Map<number, { value: string; sample: boolean; source: string | null }>> {
  const rows = await db
    .select()
    .from(unitAttributes)
    .where(
      and(
        eq(unitAttributes.key, key),
        or(isNull(unitAttributes.validFrom), lte(unitAttributes.validFrom, date)),
        or(isNull(unitAttributes.validTo), gte(unitAttributes.validTo, date)),
      ),
    )
    // Sample values first, so that a real value for the same unit wins (a demo loaded before the real data).
    .orderBy(desc(unitAttributes.sample), asc(unitAttributes.id));
  return new Map(rows.map((r) => [r.unitId, { value: r.value, sample: r.sample, source: r.source }]));
}

export async function insertAttribute(db: Db, a: typeof unitAttributes.$inferInsert): Promise<void> {
  await db.insert(unitAttributes).values(a);
}

export async function countUnits(db: Db): Promise<number> {
  const rows = await queryRows<{ n: number }>(db, sql`SELECT count(*)::int AS n FROM units`);
  return Number(rows[0]!.n);
}
