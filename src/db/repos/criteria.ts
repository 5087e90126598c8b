import { and, asc, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { Db } from '../client.ts';
import { criteriaSets, users } from '../schema.ts';

export type CriteriaSetRow = typeof criteriaSets.$inferSelect;

export async function listSetRows(db: Db): Promise<CriteriaSetRow[]> {
  return db.select().from(criteriaSets).orderBy(asc(criteriaSets.family), asc(criteriaSets.effectiveFrom));
}

export async function findSetRow(db: Db, id: string): Promise<CriteriaSetRow | undefined> {
  const rows = await db.select().from(criteriaSets).where(eq(criteriaSets.id, id)).limit(1);
  return rows[0];
}

/** Inserts a version; returns the revision the database gave it. */
export async function insertSetRow(db: Db, row: typeof criteriaSets.$inferInsert): Promise<number> {
  const [r] = await db.insert(criteriaSets).values(row).returning({ revision: criteriaSets.revision });
  return r!.revision;
}

/** Each version's id and revision: what a server compares with what it holds (no definitions read). */
export async function listSetHeads(db: Db): Promise<{ id: string; revision: number }[]> {
  return db.select({ id: criteriaSets.id, revision: criteriaSets.revision }).from(criteriaSets);
}

export interface StoredSetRow {
  id: string;
  definition: unknown;
  origin: string;
  revision: number;
  withdrawnAt: Date | null;
  withdrawnBy: string | null;
  withdrawnReason: string | null;
}

/** The versions with these ids, with the name of whoever withdrew them. */
export async function findSetRows(db: Db, ids: readonly string[]): Promise<StoredSetRow[]> {
  if (ids.length === 0) return [];
  return db
    .select({
      id: criteriaSets.id,
      definition: criteriaSets.definition,
      origin: criteriaSets.origin,
      revision: criteriaSets.revision,
      withdrawnAt: criteriaSets.withdrawnAt,
      withdrawnBy: users.username,
      withdrawnReason: criteriaSets.withdrawnReason,
    })
    .from(criteriaSets)
    .leftJoin(users, eq(users.id, criteriaSets.withdrawnBy))
    .where(inArray(criteriaSets.id, [...ids]));
}

/** Marks an imported version withdrawn; false when it is built in or already withdrawn (nothing changed). */
export async function withdrawSetRow(db: Db, id: string, by: number | null, reason: string): Promise<boolean> {
  const rows = await db
    .update(criteriaSets)
    .set({ withdrawnAt: sql`now()`, withdrawnBy: by, withdrawnReason: reason })
    .where(and(eq(criteriaSets.id, id), eq(criteriaSets.origin, 'import'), isNull(criteriaSets.withdrawnAt)))
    .returning({ id: criteriaSets.id });
  return rows.length === 1;
}

/** Built-in sets follow the shipped data files; imported ones are never overwritten. */
export async function upsertBuiltinSet(db: Db, row: typeof criteriaSets.$inferInsert): Promise<void> {
  await db
    .insert(criteriaSets)
    .values({ ...row, origin: 'builtin' })
    .onConflictDoUpdate({
      target: criteriaSets.id,
      set: { definition: row.definition, family: row.family, effectiveFrom: row.effectiveFrom, effectiveTo: row.effectiveTo ?? null },
      setWhere: eq(criteriaSets.origin, 'builtin'),
    });
}
