import { isDeepStrictEqual } from 'node:util';
import { isUniqueViolation, type Db } from '../../db/client.ts';
import { insertSetRow, listSetRows, upsertBuiltinSet, withdrawSetRow } from '../../db/repos/criteria.ts';
import { audit } from '../../db/repos/users.ts';
import { DomainError } from '../../domain/errors.ts';
import type { CriteriaSet } from '../../domain/criteria/schema.ts';
import type { SetRegistry } from '../../domain/criteria/registry.ts';
import { checkNewVersion, referencedFamilies } from '../../domain/criteria/validate.ts';
import { loadBuiltinSets } from '../../interchange/criteria/files.ts';
import { forget, getCatalog, markStale, remember, type Catalog } from './catalog.ts';

export { getCatalog, watchCriteriaSets, type Catalog, type CatalogEntry, type Withdrawal } from './catalog.ts';

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
  markStale(db);
  return sets.length;
}

/** The versions in force (withdrawn ones left out), validated, as a registry; see `getCatalog` for how it is kept fresh. */
export async function getRegistry(db: Db): Promise<SetRegistry> {
  return (await getCatalog(db)).registry;
}

/** Forgets what this process holds (after a change made behind the application's back). */
export function invalidateRegistry(db: Db): void {
  forget(db);
}

const exists = (id: string) => new DomainError('SET_EXISTS', `Đã có bộ tiêu chí mã "${id}": hãy đặt mã mới cho phiên bản mới`, { set: id });

/**
 * Adds a set as a new version. The id must be new (withdrawn versions keep theirs); a version of an existing
 * family must start on another day than the versions in force, unless it amends the one of that day. References
 * (prerequisite tiers, relative thresholds) must resolve. Only the new version is checked: stored versions were
 * checked when they were added. Nothing is written when any check fails.
 */
export async function importSet(db: Db, set: CriteriaSet, userId: number | null, note?: string): Promise<SetRegistry> {
  const catalog = await getCatalog(db);
  if (catalog.entries.has(set.id)) throw exists(set.id);
  checkNewVersion(catalog.registry, set);
  let revision: number;
  try {
    revision = await db.transaction(async (tx) => {
      const rev = await insertSetRow(tx, {
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
      return rev;
    });
  } catch (e) {
    // Another server added the same id between the check and the insert.
    throw isUniqueViolation(e) ? exists(set.id) : e;
  }
  const entry = { set, revision, origin: 'import' as const, withdrawn: null };
  remember(db, entry);
  return catalog.with(entry).registry;
}

/** Sets in force that refer to `family` (as prerequisite or reference), other than those of the family itself. */
function dependants(catalog: Catalog, family: string): CriteriaSet[] {
  return catalog.registry.all().filter((s) => s.family !== family && referencedFamilies(s).includes(family));
}

/**
 * Withdraws an imported version: it stays in history, marked with who, when and why, and is never in force again,
 * so evaluations go back to the version before it. Shipped versions follow the data files and cannot be
 * withdrawn; nor can the last version of a family that other sets in force refer to.
 */
export async function withdrawSet(db: Db, id: string, userId: number | null, reason: string): Promise<Catalog> {
  const catalog = await getCatalog(db);
  const entry = catalog.entry(id);
  if (entry.origin === 'builtin')
    throw new DomainError('SET_BUILTIN', `Bộ tiêu chí "${id}" được cài sẵn theo văn bản chính thức nên không rút được; chỉ rút được phiên bản đã nạp thêm`, {
      set: id,
    });
  if (entry.withdrawn) throw new DomainError('SET_WITHDRAWN', `Phiên bản "${id}" đã được rút ngày ${entry.withdrawn.at.slice(0, 10)}`, { set: id });
  const family = entry.set.family;
  const others = catalog.registry.all().filter((s) => s.family === family && s.id !== id);
  const users = others.length === 0 ? dependants(catalog, family) : [];
  if (users.length > 0)
    throw new DomainError(
      'CRITERIA_REFERENCE',
      `Không rút được "${id}": đây là phiên bản duy nhất của nhóm bộ "${family}", mà bộ "${users[0]!.id}" đang dựa vào`,
      { set: id, family, usedBy: users.map((s) => s.id) },
    );
  await db.transaction(async (tx) => {
    if (!(await withdrawSetRow(tx, id, userId, reason))) throw new DomainError('SET_WITHDRAWN', `Phiên bản "${id}" vừa được rút`, { set: id });
    await audit(tx, { userId, action: 'withdraw', entity: 'criteria_set', entityId: id, data: { reason, family } });
  });
  markStale(db);
  return getCatalog(db);
}
