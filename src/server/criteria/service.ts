import { isDeepStrictEqual } from 'node:util';
import type { Db } from '../../db/client.ts';
import { insertSetRow, listSetRows, upsertBuiltinSet } from '../../db/repos/criteria.ts';
import { audit } from '../../db/repos/users.ts';
import type { CriteriaSet } from '../../domain/criteria/schema.ts';
import { SetRegistry } from '../../domain/criteria/registry.ts';
import { checkNewVersion, validateSet } from '../../domain/criteria/validate.ts';
import { loadBuiltinSets } from '../../interchange/criteria/files.ts';

/** Writes the shipped sets into the database (new ones inserted, changed built-ins updated, unchanged ones left alone). */
export async function syncBuiltinSets(db: Db): Promise<number> {
  const sets = loadBuiltinSets();
  const stored = new Map((await listSetRows(db)).map((r) => [r.id, r.definition]));
  const changed = sets.filter((s) => !isDeepStrictEqual(stored.get(s.id), s));
  if (changed.length === 0) return sets.length;
  await db.transaction(async (tx) => {
    for (const s of changed) {
      await upsertBuiltinSet(tx, { id: s.id, family: s.family, effectiveFrom: s.effectiveFrom, effectiveTo: s.effectiveTo, definition: s, origin: 'builtin' });
    }
  });
  registryCache.delete(db);
  return sets.length;
}

const registryCache = new WeakMap<Db, SetRegistry>();

/** Every set version in the database, validated, as a registry (cached until the next import). */
export async function getRegistry(db: Db): Promise<SetRegistry> {
  const cached = registryCache.get(db);
  if (cached) return cached;
  const rows = await listSetRows(db);
  const registry = new SetRegistry(rows.map((r) => validateSet(r.definition, `criteria_sets/${r.id}`)));
  registryCache.set(db, registry);
  return registry;
}

export function invalidateRegistry(db: Db): void {
  registryCache.delete(db);
}

/**
 * Adds a set as a new version. The id must be new; a version of an existing family must start after the
 * versions already there are in force, or on another day (two versions of a family never start the same day).
 * References (prerequisite tiers, relative thresholds) must resolve. Nothing is written when any check fails.
 */
export async function importSet(db: Db, set: CriteriaSet, userId: number | null, note?: string): Promise<SetRegistry> {
  const registry = await getRegistry(db);
  checkNewVersion(registry, set);
  await db.transaction(async (tx) => {
    await insertSetRow(tx, {
      id: set.id,
      family: set.family,
      effectiveFrom: set.effectiveFrom,
      effectiveTo: set.effectiveTo,
      definition: set,
      origin: 'import',
      importedBy: userId,
      note: note ?? null,
    });
    await audit(tx, {
      userId,
      action: 'import',
      entity: 'criteria_set',
      entityId: set.id,
      data: { family: set.family, effectiveFrom: set.effectiveFrom, legalSource: set.legalSource },
    });
  });
  registryCache.delete(db);
  return getRegistry(db);
}
