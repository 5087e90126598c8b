import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { sql } from 'drizzle-orm';
import { queryRows, type Database } from './client.ts';

const MIGRATIONS_DIR = path.join(path.dirname(fileURLToPath(import.meta.url)), 'migrations');

/**
 * Applies the checked-in SQL migrations that have not run yet, each in its own transaction, in file-name order.
 * An advisory lock keeps two servers starting at once from racing on PostgreSQL.
 */
export async function migrate(database: Database): Promise<string[]> {
  const files = fs
    .readdirSync(MIGRATIONS_DIR)
    .filter((f) => f.endsWith('.sql'))
    .sort();
  // Under the same lock: two servers starting at once would otherwise race on creating the table itself.
  await database.db.transaction(async (tx) => {
    if (database.kind === 'postgres') await tx.execute(sql`SELECT pg_advisory_xact_lock(424242)`);
    await tx.execute(sql`CREATE TABLE IF NOT EXISTS schema_migrations (id text PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())`);
  });
  const applied: string[] = [];
  for (const file of files) {
    const id = file.replace(/\.sql$/, '');
    const script = fs.readFileSync(path.join(MIGRATIONS_DIR, file), 'utf8');
    const done = await database.db.transaction(async (tx) => {
      if (database.kind === 'postgres') await tx.execute(sql`SELECT pg_advisory_xact_lock(424242)`);
      const seen = await queryRows(tx, sql`SELECT 1 FROM schema_migrations WHERE id = ${id}`);
      if (seen.length > 0) return false;
      for (const statement of splitStatements(script)) await tx.execute(sql.raw(statement));
      await tx.execute(sql`INSERT INTO schema_migrations (id) VALUES (${id})`);
      return true;
    });
    if (done) applied.push(id);
  }
  return applied;
}

/** Our migrations hold no function bodies, so statements end at a semicolon closing a line. */
function splitStatements(script: string): string[] {
  return script
    .split(/;\s*$/m)
    .map((s) => s.replace(/^\s*--.*$/gm, '').trim())
    .filter((s) => s.length > 0);
}
