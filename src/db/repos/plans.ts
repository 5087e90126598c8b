import { asc, desc, eq, sql } from 'drizzle-orm';
import type { Db } from '../client.ts';
import { planRevisions, plans, units, users } from '../schema.ts';

export interface PlanRow {
  id: number;
  number: string;
  issuedOn: string;
  scopeUnitId: number;
  scopeCode: string;
  scopeName: string;
  document: unknown;
  builtin: boolean;
  sample: boolean;
  version: number;
  updatedAt: Date;
  updatedByName: string | null;
}

export interface PlanRevisionRow {
  version: number;
  action: string;
  document: unknown;
  note: string | null;
  recordedBy: string | null;
  recordedByName: string | null;
  recordedAt: Date;
}

/** "2452/KH-UBND" and "2452 / kh-ubnd" are one number. */
export function planNumberKey(number: string): string {
  return number.replace(/\s+/g, '').toLowerCase();
}

const columns = {
  id: plans.id,
  number: plans.number,
  issuedOn: plans.issuedOn,
  scopeUnitId: plans.scopeUnitId,
  scopeCode: units.code,
  scopeName: units.fullName,
  document: plans.document,
  builtin: plans.builtin,
  sample: plans.sample,
  version: plans.version,
  updatedAt: plans.updatedAt,
  updatedByName: users.fullName,
};

function selectPlans(db: Db) {
  return db.select(columns).from(plans).innerJoin(units, eq(units.id, plans.scopeUnitId)).leftJoin(users, eq(users.id, plans.updatedBy));
}

/** Every plan, newest document date first. */
export async function listPlans(db: Db): Promise<PlanRow[]> {
  return selectPlans(db).orderBy(desc(plans.issuedOn), asc(plans.id));
}

export async function findPlan(db: Db, id: number): Promise<PlanRow | undefined> {
  return (await selectPlans(db).where(eq(plans.id, id)))[0];
}

export async function findPlanByNumber(db: Db, number: string): Promise<{ id: number } | undefined> {
  return (
    await db
      .select({ id: plans.id })
      .from(plans)
      .where(eq(plans.numberKey, planNumberKey(number)))
  )[0];
}

export interface NewPlanRow {
  number: string;
  issuedOn: string;
  scopeUnitId: number;
  document: unknown;
  builtin?: boolean;
  sample?: boolean;
  userId: number | null;
  note?: string | null;
}

/** Inserts a plan with its first revision; the caller runs it in a transaction. */
export async function insertPlan(tx: Db, p: NewPlanRow): Promise<number> {
  const [row] = await tx
    .insert(plans)
    .values({
      number: p.number,
      numberKey: planNumberKey(p.number),
      issuedOn: p.issuedOn,
      scopeUnitId: p.scopeUnitId,
      document: p.document,
      builtin: p.builtin ?? false,
      sample: p.sample ?? false,
      createdBy: p.userId,
      updatedBy: p.userId,
    })
    .returning({ id: plans.id });
  await tx.insert(planRevisions).values({ planId: row!.id, version: 1, action: 'create', document: p.document, note: p.note ?? null, recordedBy: p.userId });
  return row!.id;
}

/**
 * Replaces a plan's document if it is still at `version`, with a new revision; returns the new version, or
 * undefined when someone saved in between (the caller answers 409 with the current plan).
 */
export async function updatePlan(tx: Db, id: number, version: number, p: Omit<NewPlanRow, 'builtin' | 'sample'>): Promise<number | undefined> {
  const [row] = await tx
    .update(plans)
    .set({
      number: p.number,
      numberKey: planNumberKey(p.number),
      issuedOn: p.issuedOn,
      scopeUnitId: p.scopeUnitId,
      document: p.document,
      version: sql`${plans.version} + 1`,
      updatedBy: p.userId,
      updatedAt: sql`now()`,
    })
    .where(sql`${plans.id} = ${id} AND ${plans.version} = ${version}`)
    .returning({ version: plans.version });
  if (!row) return undefined;
  await tx
    .insert(planRevisions)
    .values({ planId: id, version: row.version, action: 'update', document: p.document, note: p.note ?? null, recordedBy: p.userId });
  return row.version;
}

/** A plan's saved versions, newest first. */
export async function planRevisionsOf(db: Db, id: number): Promise<PlanRevisionRow[]> {
  return db
    .select({
      version: planRevisions.version,
      action: planRevisions.action,
      document: planRevisions.document,
      note: planRevisions.note,
      recordedBy: users.username,
      recordedByName: users.fullName,
      recordedAt: planRevisions.recordedAt,
    })
    .from(planRevisions)
    .leftJoin(users, eq(users.id, planRevisions.recordedBy))
    .where(eq(planRevisions.planId, id))
    .orderBy(desc(planRevisions.version));
}
