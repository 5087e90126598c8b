import { and, asc, eq, inArray, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../client.ts';
import { recognitionDossiers, recognitionSteps, units, users } from '../schema.ts';

/** A dossier with the unit period it is about. */
export interface DossierRow {
  id: number;
  tier: string;
  year: number;
  version: number;
  sample: boolean;
  createdAt: Date;
  unitId: number;
  unitCode: string;
  unitName: string;
  unitFullName: string;
  unitType: string;
  unitLevel: string;
  unitValidFrom: string | null;
  unitValidTo: string | null;
  parentCode: string | null;
  parentName: string | null;
  parentLevel: string | null;
}

export interface StepRow {
  id: number;
  dossierId: number;
  kind: string;
  date: string | null;
  reference: string | null;
  issuer: string | null;
  note: string | null;
  reason: string | null;
  recordedBy: string | null;
  recordedByName: string | null;
  recordedAt: Date;
  version: number;
}

const parentCol = (col: string) => sql<string | null>`(SELECT ${sql.raw(`p.${col}`)} FROM units p WHERE p.id = ${units.parentId})`;

const dossierColumns = {
  id: recognitionDossiers.id,
  tier: recognitionDossiers.tier,
  year: recognitionDossiers.year,
  version: recognitionDossiers.version,
  sample: recognitionDossiers.sample,
  createdAt: recognitionDossiers.createdAt,
  unitId: units.id,
  unitCode: units.code,
  unitName: units.name,
  unitFullName: units.fullName,
  unitType: units.type,
  unitLevel: units.level,
  unitValidFrom: units.validFrom,
  unitValidTo: units.validTo,
  parentCode: parentCol('code'),
  parentName: parentCol('full_name'),
  parentLevel: parentCol('level'),
};

function selectDossiers(db: Db, where: SQL | undefined) {
  return db
    .select(dossierColumns)
    .from(recognitionDossiers)
    .innerJoin(units, eq(units.id, recognitionDossiers.unitId))
    .where(where)
    .orderBy(asc(recognitionDossiers.year), asc(units.code), asc(recognitionDossiers.id));
}

/** Dossiers, optionally of some units, a tier or a year, ordered by year and unit code. */
export async function listDossiers(db: Db, filter: { unitIds?: number[]; tier?: string; year?: number } = {}): Promise<DossierRow[]> {
  if (filter.unitIds?.length === 0) return [];
  const conds = [
    filter.unitIds ? inArray(recognitionDossiers.unitId, filter.unitIds) : undefined,
    filter.tier ? eq(recognitionDossiers.tier, filter.tier) : undefined,
    filter.year !== undefined ? eq(recognitionDossiers.year, filter.year) : undefined,
  ].filter((c) => c !== undefined);
  return selectDossiers(db, conds.length ? and(...conds) : undefined);
}

export async function findDossier(db: Db, id: number): Promise<DossierRow | undefined> {
  return (await selectDossiers(db, eq(recognitionDossiers.id, id)))[0];
}

/** Locks a dossier for a write (concurrent steps on one dossier wait for each other); undefined when absent. */
export async function lockDossier(db: Db, id: number): Promise<{ id: number; version: number } | undefined> {
  const rows = await db
    .select({ id: recognitionDossiers.id, version: recognitionDossiers.version })
    .from(recognitionDossiers)
    .where(eq(recognitionDossiers.id, id))
    .for('update');
  return rows[0];
}

export async function insertDossier(db: Db, d: { unitId: number; tier: string; year: number; sample?: boolean; createdBy: number | null }): Promise<number> {
  const rows = await db
    .insert(recognitionDossiers)
    .values({ unitId: d.unitId, tier: d.tier, year: d.year, sample: d.sample ?? false, createdBy: d.createdBy })
    .returning({ id: recognitionDossiers.id });
  return rows[0]!.id;
}

export async function setDossierVersion(db: Db, id: number, version: number): Promise<void> {
  await db
    .update(recognitionDossiers)
    .set({ version, updatedAt: sql`now()` })
    .where(eq(recognitionDossiers.id, id));
}

export interface NewStepRow {
  dossierId: number;
  kind: string;
  date: string | null;
  reference?: string | null;
  issuer?: string | null;
  note?: string | null;
  reason?: string | null;
  recordedBy: number | null;
  version: number;
}

/** Appends a step (the table refuses UPDATE and DELETE). */
export async function appendStep(db: Db, s: NewStepRow): Promise<void> {
  await db.insert(recognitionSteps).values({
    dossierId: s.dossierId,
    kind: s.kind,
    date: s.date,
    reference: s.reference ?? null,
    issuer: s.issuer ?? null,
    note: s.note ?? null,
    reason: s.reason ?? null,
    recordedBy: s.recordedBy,
    version: s.version,
  });
}

/** The steps of some dossiers, by dossier id, in the order they were recorded. */
export async function stepsOf(db: Db, dossierIds: number[]): Promise<Map<number, StepRow[]>> {
  const out = new Map<number, StepRow[]>(dossierIds.map((id) => [id, []]));
  if (dossierIds.length === 0) return out;
  const rows = await db
    .select({
      id: recognitionSteps.id,
      dossierId: recognitionSteps.dossierId,
      kind: recognitionSteps.kind,
      date: recognitionSteps.date,
      reference: recognitionSteps.reference,
      issuer: recognitionSteps.issuer,
      note: recognitionSteps.note,
      reason: recognitionSteps.reason,
      recordedBy: users.username,
      recordedByName: users.fullName,
      recordedAt: recognitionSteps.recordedAt,
      version: recognitionSteps.version,
    })
    .from(recognitionSteps)
    .leftJoin(users, eq(users.id, recognitionSteps.recordedBy))
    .where(inArray(recognitionSteps.dossierId, dossierIds))
    .orderBy(asc(recognitionSteps.version));
  for (const r of rows) out.get(r.dossierId)?.push(r);
  return out;
}
