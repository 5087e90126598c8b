import { and, eq, gt, lt, or, sql } from 'drizzle-orm';
import { queryRows, type Db } from '../client.ts';
import { auditLog, sessions, users } from '../schema.ts';

export type UserRow = typeof users.$inferSelect;

export async function findUserByUsername(db: Db, username: string): Promise<UserRow | undefined> {
  const rows = await db.select().from(users).where(eq(users.username, username)).limit(1);
  return rows[0];
}

export async function insertUser(db: Db, u: typeof users.$inferInsert): Promise<number> {
  const [row] = await db.insert(users).values(u).returning({ id: users.id });
  return row!.id;
}

export async function insertSession(db: Db, tokenHash: string, userId: number, expiresAt: Date): Promise<void> {
  await db.insert(sessions).values({ tokenHash, userId, expiresAt });
}

/**
 * The user of a live session: not past its absolute expiry and used since `idleSince`. Its last-seen time is
 * written at most once a minute, not on every request.
 */
export async function userForSession(db: Db, tokenHash: string, now: Date, idleSince: Date): Promise<UserRow | undefined> {
  const rows = await db
    .select({ user: users, lastSeenAt: sessions.lastSeenAt })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(and(eq(sessions.tokenHash, tokenHash), gt(sessions.expiresAt, now), gt(sessions.lastSeenAt, idleSince), eq(users.active, true)))
    .limit(1);
  if (!rows[0]) return undefined;
  if (now.getTime() - rows[0].lastSeenAt.getTime() > 60_000) await db.update(sessions).set({ lastSeenAt: now }).where(eq(sessions.tokenHash, tokenHash));
  return rows[0].user;
}

export async function deleteSession(db: Db, tokenHash: string): Promise<void> {
  await db.delete(sessions).where(eq(sessions.tokenHash, tokenHash));
}

/** Ends every session of a user ("log out everywhere"); returns how many there were. */
export async function deleteUserSessions(db: Db, userId: number): Promise<number> {
  const rows = await db.delete(sessions).where(eq(sessions.userId, userId)).returning({ tokenHash: sessions.tokenHash });
  return rows.length;
}

/** Deletes sessions past their absolute expiry or unused since `idleSince`; returns how many. */
export async function purgeExpiredSessions(db: Db, now: Date, idleSince: Date): Promise<number> {
  const rows = await db
    .delete(sessions)
    .where(or(lt(sessions.expiresAt, now), lt(sessions.lastSeenAt, idleSince)))
    .returning({ tokenHash: sessions.tokenHash });
  return rows.length;
}

export async function audit(db: Db, entry: { userId: number | null; action: string; entity: string; entityId?: string; data?: unknown }): Promise<void> {
  await db
    .insert(auditLog)
    .values({ userId: entry.userId, action: entry.action, entity: entry.entity, entityId: entry.entityId ?? null, data: entry.data ?? null });
}

export async function countUsers(db: Db): Promise<number> {
  const rows = await queryRows<{ n: number }>(db, sql`SELECT count(*)::int AS n FROM users`);
  return Number(rows[0]!.n);
}
