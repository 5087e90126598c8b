/**
 * The shape of a schema, described the same way from both sides so that one `toEqual` compares them: the
 * Drizzle tables of `src/db/schema.ts` (through `getTableConfig`) and a migrated database (through
 * `information_schema` and `pg_catalog`). Per table: columns (name, type, nullability, default), primary key,
 * unique constraints and indexes, foreign keys.
 */
import { sql } from 'drizzle-orm';
import { getTableConfig, PgDialect, PgTable, type PgColumn } from 'drizzle-orm/pg-core';
import { is, SQL } from 'drizzle-orm';
import { queryRows, type Db } from '../../src/db/client.ts';

export interface TableShape {
  columns: string[];
  primaryKey: string;
  unique: string[];
  foreignKeys: string[];
}
export type SchemaShape = Record<string, TableShape>;

const dialect = new PgDialect();
const SERIAL_TYPES: Record<string, string> = { bigserial: 'bigint', serial: 'integer', smallserial: 'smallint' };

/** `'draft'::text` → `draft`, `nextval('units_id_seq'::regclass)` → `serial`, `now()` stays `now()`. */
function normaliseDefault(text: string | null): string | null {
  if (text === null) return null;
  if (text.startsWith('nextval(')) return 'serial';
  return text.replace(/::[a-z ]+(\[\])?/g, '').replace(/^'(.*)'$/, '$1');
}

function drizzleDefault(column: PgColumn): string | null {
  if (column.getSQLType() in SERIAL_TYPES) return 'serial';
  const value: unknown = column.default;
  if (value === undefined) return null;
  if (is(value, SQL)) return dialect.sqlToQuery(value).sql;
  return typeof value === 'string' ? value : JSON.stringify(value);
}

const describeColumn = (name: string, type: string, notNull: boolean, dflt: string | null) =>
  `${name} ${type}${notNull ? ' not null' : ''}${dflt === null ? '' : ` default ${dflt}`}`;

const list = (names: string[]) => `(${names.join(', ')})`;

/** The shape of every Drizzle table exported by a schema module. */
export function drizzleShape(schema: Record<string, unknown>): SchemaShape {
  const shape: SchemaShape = {};
  for (const table of Object.values(schema)) {
    if (!is(table, PgTable)) continue;
    const config = getTableConfig(table);
    const columns = config.columns.map((c) => {
      const type = c.getSQLType();
      return describeColumn(c.name, SERIAL_TYPES[type] ?? type, c.notNull, drizzleDefault(c));
    });
    const pk = config.columns.filter((c) => c.primary).map((c) => c.name);
    for (const key of config.primaryKeys) pk.push(...key.columns.map((c) => c.name));
    const unique = [
      ...config.columns.filter((c) => c.isUnique).map((c) => list([c.name])),
      ...config.uniqueConstraints.map((u) => list(u.columns.map((c) => c.name))),
      ...config.indexes
        .filter((i) => i.config.unique)
        .map((i) => (i.config.columns.some((c) => is(c, SQL)) ? `expression ${i.config.name}` : list(i.config.columns.map((c) => (c as PgColumn).name)))),
    ];
    const foreignKeys = config.foreignKeys.map((fk) => {
      const ref = fk.reference();
      const target = getTableConfig(ref.foreignTable).name;
      return `${list(ref.columns.map((c) => c.name))} → ${target}${list(ref.foreignColumns.map((c) => c.name))} on delete ${fk.onDelete ?? 'no action'}`;
    });
    shape[config.name] = { columns: columns.sort(), primaryKey: list(pk), unique: unique.sort(), foreignKeys: foreignKeys.sort() };
  }
  return shape;
}

const DELETE_ACTIONS: Record<string, string> = { a: 'no action', r: 'restrict', c: 'cascade', n: 'set null', d: 'set default' };

/** The shape of the tables of the `public` schema, leaving out those named in `except`. */
export async function databaseShape(db: Db, except: string[]): Promise<SchemaShape> {
  const columns = await queryRows<{ table_name: string; column_name: string; type: string; is_nullable: string; column_default: string | null }>(
    db,
    sql`SELECT c.table_name, c.column_name, format_type(a.atttypid, a.atttypmod) AS type, c.is_nullable, c.column_default
        FROM information_schema.columns c
        JOIN pg_attribute a ON a.attrelid = (quote_ident(c.table_schema) || '.' || quote_ident(c.table_name))::regclass AND a.attname = c.column_name
        WHERE c.table_schema = 'public' ORDER BY c.table_name, c.ordinal_position`,
  );
  const shape: SchemaShape = {};
  for (const c of columns) {
    if (except.includes(c.table_name)) continue;
    const table = (shape[c.table_name] ??= { columns: [], primaryKey: '()', unique: [], foreignKeys: [] });
    table.columns.push(describeColumn(c.column_name, c.type, c.is_nullable === 'NO', normaliseDefault(c.column_default)));
  }
  for (const t of Object.values(shape)) t.columns.sort();
  await addIndexes(db, shape);
  await addForeignKeys(db, shape);
  return shape;
}

async function addIndexes(db: Db, shape: SchemaShape): Promise<void> {
  const rows = await queryRows<{ table_name: string; index_name: string; primary: boolean; columns: string[] | null }>(
    db,
    sql`SELECT t.relname AS table_name, i.relname AS index_name, x.indisprimary AS primary,
          CASE WHEN 0 = ANY (x.indkey::int2[]) THEN NULL ELSE
            ARRAY(SELECT a.attname::text FROM unnest(x.indkey::int2[]) WITH ORDINALITY k(n, o)
                  JOIN pg_attribute a ON a.attrelid = t.oid AND a.attnum = k.n ORDER BY k.o) END AS columns
        FROM pg_index x JOIN pg_class t ON t.oid = x.indrelid JOIN pg_class i ON i.oid = x.indexrelid
        JOIN pg_namespace ns ON ns.oid = t.relnamespace
        WHERE ns.nspname = 'public' AND x.indisunique`,
  );
  for (const r of rows) {
    const table = shape[r.table_name];
    if (!table) continue;
    if (r.primary) table.primaryKey = list(r.columns ?? []);
    else table.unique.push(r.columns ? list(r.columns) : `expression ${r.index_name}`);
  }
  for (const t of Object.values(shape)) t.unique.sort();
}

async function addForeignKeys(db: Db, shape: SchemaShape): Promise<void> {
  const rows = await queryRows<{ table_name: string; target: string; columns: string[]; target_columns: string[]; on_delete: string }>(
    db,
    sql`SELECT t.relname AS table_name, f.relname AS target, c.confdeltype AS on_delete,
          ARRAY(SELECT a.attname::text FROM unnest(c.conkey) WITH ORDINALITY k(n, o)
                JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = k.n ORDER BY k.o) AS columns,
          ARRAY(SELECT a.attname::text FROM unnest(c.confkey) WITH ORDINALITY k(n, o)
                JOIN pg_attribute a ON a.attrelid = c.confrelid AND a.attnum = k.n ORDER BY k.o) AS target_columns
        FROM pg_constraint c JOIN pg_class t ON t.oid = c.conrelid JOIN pg_class f ON f.oid = c.confrelid
        JOIN pg_namespace ns ON ns.oid = t.relnamespace
        WHERE ns.nspname = 'public' AND c.contype = 'f'`,
  );
  for (const r of rows) {
    const table = shape[r.table_name];
    if (!table) continue;
    table.foreignKeys.push(`${list(r.columns)} → ${r.target}${list(r.target_columns)} on delete ${DELETE_ACTIONS[r.on_delete] ?? r.on_delete}`);
  }
  for (const t of Object.values(shape)) t.foreignKeys.sort();
}
