import { isDeepStrictEqual } from 'node:util';
import type { Db } from '../../db/client.ts';
import { findSetRow, insertSetRow, listSetRows, upsertBuiltinSet } from '../../db/repos/criteria.ts';
import { audit } from '../../db/repos/users.ts';
import { DomainError } from '../../domain/errors.ts';
import type { CriteriaSet } from '../../domain/criteria/schema.ts';
import { SetRegistry } from '../../domain/criteria/registry.ts';
import { loadBuiltinSets, validateSet } from './files.ts';

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
  const existing = await findSetRow(db, set.id);
  if (existing) throw new DomainError('SET_EXISTS', `Đã có bộ tiêu chí mã "${set.id}": hãy đặt mã mới cho phiên bản mới`, { set: set.id });
  const registry = await getRegistry(db);
  // Two versions of a family may start the same day only when the new one says it amends (replaces) the other.
  const clash = registry.all().find((s) => s.family === set.family && s.effectiveFrom === set.effectiveFrom && !isAmendedBy(registry, s, set));
  if (clash)
    throw new DomainError(
      'CONFLICT',
      `Nhóm bộ "${set.family}" đã có phiên bản "${clash.id}" hiệu lực từ ${set.effectiveFrom}: chọn ngày hiệu lực khác, hoặc ghi "amends": "${clash.id}" nếu bản mới thay thế bản đó`,
      { set: set.id, clash: clash.id },
    );
  if (set.amends && !registry.has(set.amends))
    throw new DomainError('CRITERIA_REFERENCE', `Bộ tiêu chí "${set.id}" sửa đổi phiên bản "${set.amends}" không có trong hệ thống`, {
      set: set.id,
      amends: set.amends,
    });
  const next = new SetRegistry([...registry.all(), set]);
  const refs = [
    set.requiresTier?.family,
    ...set.criteria.flatMap((c) => c.indicators.flatMap((i) => [i.relative?.family, i.requiresTier?.family, i.derive?.family])),
  ].filter((f): f is string => Boolean(f));
  for (const f of refs)
    if (!next.all().some((s) => s.family === f))
      throw new DomainError('CRITERIA_REFERENCE', `Bộ tiêu chí "${set.id}" tham chiếu nhóm bộ "${f}" chưa có trong hệ thống`, { set: set.id, family: f });
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

/** Whether `next` amends `old`, directly or through earlier amendments. */
function isAmendedBy(registry: SetRegistry, old: CriteriaSet, next: CriteriaSet): boolean {
  for (let id = next.amends, n = 0; id && n < 50; n++) {
    if (id === old.id) return true;
    id = registry.has(id) ? registry.get(id).amends : undefined;
  }
  return false;
}
