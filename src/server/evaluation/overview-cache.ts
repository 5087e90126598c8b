/**
 * The computed overview, kept per (date, year, level, basis) and served again while the data it was made of is
 * unchanged. Every request reads the data revision (one small query, see migration 0006), so a value saved
 * through any app server on the same database is seen by the next request of every other one: the cache is never
 * stale, it only saves the recomputation. The unfiltered rows are kept; each request filters them by its scope.
 */
import type { Db } from '../../db/client.ts';
import { dataRevision } from '../../db/repos/revision.ts';
import type { SetRegistry } from '../../domain/criteria/registry.ts';
import { getRegistry } from '../criteria/service.ts';

/** Keys kept per database (dates, years, levels and bases a province looks at are few). */
const MAX_ENTRIES = 64;

interface Entry<T> {
  revision: number;
  /** The registry it was computed with: a criteria set change reaches the registry by its own notice. */
  registry: SetRegistry;
  value: Promise<T>;
}

const caches = new WeakMap<Db, Map<string, Entry<unknown>>>();

/**
 * The overview for `key`, computed by `compute` unless an equal revision of the data has been computed already
 * (requests arriving together for a new revision share one computation).
 */
export async function cachedOverview<T>(db: Db, key: Record<string, string | number | undefined>, compute: () => Promise<T>): Promise<T> {
  let cache = caches.get(db);
  if (!cache) caches.set(db, (cache = new Map<string, Entry<unknown>>()));
  const id = JSON.stringify(key);
  // The revision is read before the data: a write committed during the computation moves the revision past it.
  const [revision, registry] = await Promise.all([dataRevision(db), getRegistry(db)]);
  const hit = cache.get(id) as Entry<T> | undefined;
  if (hit && hit.revision === revision && hit.registry === registry) {
    cache.delete(id);
    cache.set(id, hit);
    return hit.value;
  }
  const value = compute();
  const entry: Entry<T> = { revision, registry, value };
  cache.set(id, entry);
  value.catch(() => {
    if (cache.get(id) === entry) cache.delete(id);
  });
  while (cache.size > MAX_ENTRIES) cache.delete(cache.keys().next().value!);
  return value;
}
