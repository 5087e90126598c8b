import fs from 'node:fs';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { btree_gist } from '@electric-sql/pglite/contrib/btree_gist';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import pg from 'pg';
import { sql, type SQL } from 'drizzle-orm';
import * as schema from './schema.ts';
import { DomainError as AppError } from '../domain/errors.ts';

export type Db = PgDatabase<PgQueryResultHKT, typeof schema>;

/** One database, embedded (PGlite) or PostgreSQL, behind the same Drizzle interface and the same SQL. */
export interface Database {
  db: Db;
  kind: 'pglite' | 'postgres';
  /** Runs a script of several statements (migrations). */
  exec(script: string): Promise<void>;
  /**
   * Calls `onNotify` for every NOTIFY on `channel` (sent by any process on PostgreSQL) until the returned function
   * is called. `onLost` is called if the listening connection drops; the caller listens again.
   */
  listen(channel: string, onNotify: () => void, onLost: () => void): Promise<() => Promise<void>>;
  /** Runs `fn` in one transaction on one connection, committed when it returns and rolled back when it throws. */
  scriptTransaction<T>(fn: (tx: ScriptTx) => Promise<T>): Promise<T>;
  close(): Promise<void>;
  describe: string;
}

/** A transaction that accepts whole scripts: several statements, function bodies between `$$` included. */
export interface ScriptTx {
  exec(script: string): Promise<void>;
  query<T>(text: string, params?: unknown[]): Promise<T[]>;
}

export interface DatabaseOptions {
  url?: string | undefined;
  /** PGlite data directory; `memory://` for a throw-away database. */
  dataDir?: string | undefined;
}

export async function openDatabase(opts: DatabaseOptions): Promise<Database> {
  if (opts.url) return openPostgres(opts.url);
  const dir = opts.dataDir ?? '.chungsuc';
  const target = dir.startsWith('memory://') ? dir : path.join(dir, 'pgdata');
  if (!dir.startsWith('memory://')) fs.mkdirSync(dir, { recursive: true });
  // btree_gist backs the exclusion constraints over validity periods (PostgreSQL ships it in contrib).
  const client = await PGlite.create(target, { extensions: { btree_gist } });
  const db = drizzlePglite(client, { schema }) as unknown as Db;
  return {
    db,
    kind: 'pglite',
    exec: async (script) => {
      await client.exec(script);
    },
    listen: async (channel, onNotify) => client.listen(channel, onNotify),
    // PGlite runs one transaction at a time: a second caller waits for the first to finish.
    scriptTransaction: (fn) =>
      client.transaction((tx) =>
        fn({
          exec: async (script) => {
            await tx.exec(script);
          },
          query: async <T>(text: string, params?: unknown[]) => (await tx.query<T>(text, params)).rows,
        }),
      ),
    close: () => client.close(),
    describe: `PGlite (${target})`,
  };
}

async function openPostgres(url: string): Promise<Database> {
  const pool = new pg.Pool({ connectionString: url, max: 10 });
  const name = safeName(url);
  try {
    const c = await pool.connect();
    c.release();
  } catch (e) {
    await pool.end().catch(() => undefined);
    const err = e as { code?: string; message?: string };
    if (err.code === '3D000')
      throw new AppError('DB_NOT_FOUND', `Không tìm thấy cơ sở dữ liệu trong DATABASE_URL (${name}): hãy tạo cơ sở dữ liệu trước (createdb)`, {
        cause: err.message,
      });
    throw new AppError('DB_UNREACHABLE', `Không kết nối được PostgreSQL theo DATABASE_URL (${name}): ${err.message ?? 'lỗi không rõ'}`, { cause: err.message });
  }
  const db = drizzlePg(pool, { schema }) as unknown as Db;
  return {
    db,
    kind: 'postgres',
    exec: async (script) => {
      await pool.query(script);
    },
    listen: (channel, onNotify, onLost) => listenPostgres(url, channel, onNotify, onLost),
    scriptTransaction: (fn) => pgTransaction(pool, fn),
    close: () => pool.end(),
    describe: `PostgreSQL (${name})`,
  };
}

async function pgTransaction<T>(pool: pg.Pool, fn: (tx: ScriptTx) => Promise<T>): Promise<T> {
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    // A query without parameters goes through the simple protocol, which takes several statements at once.
    const result = await fn({
      exec: async (script) => {
        await client.query(script);
      },
      query: async <R>(text: string, params?: unknown[]) => (await client.query(text, params)).rows as R[],
    });
    await client.query('COMMIT');
    return result;
  } catch (e) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw e;
  } finally {
    client.release();
  }
}

/** A connection of its own (a pooled one would be handed to queries): LISTEN holds it for as long as it runs. */
async function listenPostgres(url: string, channel: string, onNotify: () => void, onLost: () => void): Promise<() => Promise<void>> {
  const client = new pg.Client({ connectionString: url });
  let stopped = false;
  const lost = () => {
    if (!stopped) onLost();
    stopped = true;
  };
  client.on('notification', (n) => {
    if (n.channel === channel) onNotify();
  });
  client.on('error', lost);
  client.on('end', lost);
  await client.connect();
  await client.query(`LISTEN "${channel.replace(/"/g, '')}"`);
  return async () => {
    stopped = true;
    await client.end().catch(() => undefined);
  };
}

/** The URL without its password, for messages. */
function safeName(url: string): string {
  try {
    const u = new URL(url);
    return `${u.hostname}:${u.port || '5432'}${u.pathname}`;
  } catch {
    return 'URL không đọc được';
  }
}

/** Rows of a raw SQL query, on either driver (both return `{ rows }`). */
export async function queryRows<T>(db: Db, query: import('drizzle-orm').SQL): Promise<T[]> {
  const res: unknown = await db.execute(query);
  return (res as { rows: T[] }).rows;
}

/** A list of parameters for `IN (...)`: `sql\`x IN (${sqlList(ids)})\``. The list must not be empty. */
export function sqlList(values: readonly (string | number)[]): SQL {
  return sql.join(
    values.map((v) => sql`${v}`),
    sql`, `,
  );
}

/** Whether an error (possibly wrapped by Drizzle) is a unique-constraint violation, on either driver. */
export function isUniqueViolation(e: unknown): boolean {
  return violatedConstraint(e)?.kind === 'unique';
}

/**
 * The unique or exclusion constraint an error (possibly wrapped by Drizzle) violated, on either driver; both
 * report the SQLSTATE and the constraint's name.
 */
export function violatedConstraint(e: unknown): { kind: 'unique' | 'exclusion'; name: string | undefined } | undefined {
  for (
    let err = e as { code?: unknown; constraint?: unknown; cause?: unknown } | undefined, depth = 0;
    err && depth < 3;
    err = err.cause as typeof err, depth++
  ) {
    const name = typeof err.constraint === 'string' ? err.constraint : undefined;
    if (err.code === '23505') return { kind: 'unique', name };
    if (err.code === '23P01') return { kind: 'exclusion', name };
  }
  return undefined;
}
