import { and, eq, gt, inArray, lt, sql } from 'drizzle-orm';
import type { Db } from '../client.ts';
import { loginFailures } from '../schema.ts';

export async function recordLoginFailure(db: Db, keys: string[], at: Date): Promise<void> {
  await db.insert(loginFailures).values(keys.map((key) => ({ key, at })));
}

/** For each key with failures since `since`: how many, and when the oldest of them was. */
export async function loginFailuresSince(db: Db, keys: string[], since: Date): Promise<Map<string, { count: number; oldest: Date }>> {
  const rows = await db
    .select({ key: loginFailures.key, count: sql<number>`count(*)::int`, oldest: sql<string>`min(${loginFailures.at})` })
    .from(loginFailures)
    .where(and(inArray(loginFailures.key, keys), gt(loginFailures.at, since)))
    .groupBy(loginFailures.key);
  return new Map(rows.map((r) => [r.key, { count: Number(r.count), oldest: new Date(r.oldest) }]));
}

export async function clearLoginFailures(db: Db, key: string): Promise<void> {
  await db.delete(loginFailures).where(eq(loginFailures.key, key));
}

export async function purgeLoginFailures(db: Db, before: Date): Promise<void> {
  await db.delete(loginFailures).where(lt(loginFailures.at, before));
}
