import type { Database, Db } from '../../db/client.ts';
import { findSetRows, listSetHeads, type StoredSetRow } from '../../db/repos/criteria.ts';
import { DomainError } from '../../domain/errors.ts';
import { SetRegistry } from '../../domain/criteria/registry.ts';
import type { CriteriaSet } from '../../domain/criteria/schema.ts';
import { validateSet } from '../../domain/criteria/validate.ts';

/** Announced by a trigger on every change of criteria_sets (migration 0003). */
const CHANNEL = 'criteria_sets_changed';
const RELISTEN_MS = 1_000;

export interface Withdrawal {
  at: string;
  /** Username of whoever withdrew it (null when done from the command line). */
  by: string | null;
  reason: string;
}

export interface CatalogEntry {
  set: CriteriaSet;
  revision: number;
  origin: 'builtin' | 'import';
  withdrawn: Withdrawal | null;
}

/** Every stored version, withdrawn ones included; `registry` holds the others, the only ones ever in force. */
export class Catalog {
  readonly registry: SetRegistry;

  constructor(readonly entries: ReadonlyMap<string, CatalogEntry>) {
    this.registry = new SetRegistry([...entries.values()].filter((e) => !e.withdrawn).map((e) => e.set));
  }

  entry(id: string): CatalogEntry {
    const e = this.entries.get(id);
    if (!e) throw new DomainError('SET_NOT_FOUND', `Không có bộ tiêu chí mã "${id}"`, { set: id });
    return e;
  }

  /** The versions in force order (by family and start), then the withdrawn ones. */
  list(): CatalogEntry[] {
    const withdrawn = [...this.entries.values()].filter((e) => e.withdrawn);
    withdrawn.sort((a, b) => a.set.family.localeCompare(b.set.family) || a.set.effectiveFrom.localeCompare(b.set.effectiveFrom));
    return [...this.registry.all().map((s) => this.entries.get(s.id)!), ...withdrawn];
  }

  with(entry: CatalogEntry): Catalog {
    return new Catalog(new Map([...this.entries, [entry.set.id, entry]]));
  }
}

function toEntry(row: StoredSetRow): CatalogEntry {
  return {
    set: validateSet(row.definition, `criteria_sets/${row.id}`),
    revision: row.revision,
    origin: row.origin === 'builtin' ? 'builtin' : 'import',
    withdrawn: row.withdrawnAt && row.withdrawnReason !== null ? { at: row.withdrawnAt.toISOString(), by: row.withdrawnBy, reason: row.withdrawnReason } : null,
  };
}

interface State {
  catalog?: Catalog;
  loading?: Promise<Catalog>;
  /** A change was announced (or may have been missed) since the catalog was read. */
  stale: boolean;
  /** Connections listening for announcements; with none, every read compares revisions with the database. */
  listeners: number;
}

const states = new WeakMap<Db, State>();
function stateOf(db: Db): State {
  let st = states.get(db);
  if (!st) states.set(db, (st = { stale: true, listeners: 0 }));
  return st;
}

/**
 * Reads what changed since the held catalog: each version's revision first (a small query), then the
 * definitions of the new or changed versions only, which are validated once; unchanged ones are reused.
 */
async function load(db: Db, st: State): Promise<Catalog> {
  st.stale = false;
  const heads = await listSetHeads(db);
  const held = st.catalog?.entries ?? new Map<string, CatalogEntry>();
  const changed = heads.filter((h) => held.get(h.id)?.revision !== h.revision).map((h) => h.id);
  if (st.catalog && changed.length === 0 && heads.length === held.size) return st.catalog;
  const fresh = new Map((await findSetRows(db, changed)).map((r) => [r.id, toEntry(r)]));
  const entries = new Map<string, CatalogEntry>();
  for (const h of heads) {
    const e = fresh.get(h.id) ?? held.get(h.id);
    if (e) entries.set(h.id, e);
  }
  st.catalog = new Catalog(entries);
  return st.catalog;
}

/**
 * Every stored version. Held in memory per database; while this process listens for announcements it is
 * reused until one arrives, otherwise each call compares revisions with the database first, so a version added
 * or withdrawn by another server or the command line is seen at once either way.
 */
export async function getCatalog(db: Db): Promise<Catalog> {
  const st = stateOf(db);
  if (st.catalog && st.listeners > 0 && !st.stale) return st.catalog;
  st.loading ??= load(db, st).finally(() => (st.loading = undefined));
  return st.loading;
}

/** After this process wrote a version it has already validated: held without reading it back. */
export function remember(db: Db, entry: CatalogEntry): void {
  const st = stateOf(db);
  if (st.catalog) st.catalog = st.catalog.with(entry);
}

/** After this process changed versions: the next read compares revisions. */
export function markStale(db: Db): void {
  stateOf(db).stale = true;
}

/** Drops what is held: the next read loads and validates every version again. */
export function forget(db: Db): void {
  const st = stateOf(db);
  st.catalog = undefined;
  st.stale = true;
}

/**
 * Listens for announcements of changed versions (PostgreSQL NOTIFY from any process; PGlite from this one) until
 * the returned function is called. A lost connection is listened again after a second; meanwhile reads compare
 * revisions with the database.
 */
export async function watchCriteriaSets(database: Database): Promise<() => Promise<void>> {
  const st = stateOf(database.db);
  let stop: (() => Promise<void>) | undefined;
  let connected = false;
  let closed = false;
  let timer: NodeJS.Timeout | undefined;
  const down = () => {
    if (connected) st.listeners--;
    connected = false;
    st.stale = true;
  };
  const retry = () => {
    down();
    if (!closed) (timer = setTimeout(() => void start(), RELISTEN_MS)).unref();
  };
  const start = async () => {
    try {
      stop = await database.listen(CHANNEL, () => (st.stale = true), retry);
      if (closed) return void (await stop());
      connected = true;
      st.listeners++;
      // Anything changed before the listening began is read at the next call.
      st.stale = true;
    } catch {
      retry();
    }
  };
  await start();
  return async () => {
    closed = true;
    clearTimeout(timer);
    down();
    await stop?.();
  };
}
