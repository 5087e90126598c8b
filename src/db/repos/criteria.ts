import { asc, eq } from 'drizzle-orm';
import type { Db } from '../client.ts';
import { criteriaSets } from '../schema.ts';

export type CriteriaSetRow = typeof criteriaSets.$inferSelect;

export async function listSetRows(db: Db): Promise<CriteriaSetRow[]> {
  return db.select().from(criteriaSets).orderBy(asc(criteriaSets.family), asc(criteriaSets.effectiveFrom));
}

export async function findSetRow(db: Db, id: string): Promise<CriteriaSetRow | undefined> {
  const rows = await db.select().from(criteriaSets).where(eq(criteriaSets.id, id)).limit(1);
  return rows[0];
}

export async function insertSetRow(db: Db, row: typeof criteriaSets.$inferInsert): Promise<void> {
  await db.insert(criteriaSets).values(row);
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
