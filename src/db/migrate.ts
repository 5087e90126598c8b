import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Database, ScriptTx } from './client.ts';

export const MIGRATIONS_DIR = path.join(path.dirname(fileURLToPath(import.meta.url)), 'migrations');

// Any fixed key: every process that migrates this database takes the same one.
const LOCK = 'SELECT pg_advisory_xact_lock(424242)';

/**
 * Applies the SQL migrations of `dir` that have not run yet, in file-name order. Each file runs whole (so
 * function bodies and triggers are fine) in its own transaction together with its row in `schema_migrations`:
 * a file that fails leaves nothing behind. An advisory lock keeps two servers starting at once from racing on
 * PostgreSQL; PGlite runs one transaction at a time anyway.
 */
export async function migrate(database: Database, dir: string = MIGRATIONS_DIR): Promise<string[]> {
  const files = fs
    .readdirSync(dir)
    .filter((f) => f.endsWith('.sql'))
    .sort();
  // Under the same lock: two servers starting at once would otherwise race on creating the table itself.
  await database.scriptTransaction(async (tx) => {
    await lock(database, tx);
    await tx.exec('CREATE TABLE IF NOT EXISTS schema_migrations (id text PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())');
  });
  const applied: string[] = [];
  for (const file of files) {
    const id = file.replace(/\.sql$/, '');
    const script = fs.readFileSync(path.join(dir, file), 'utf8');
    const done = await database.scriptTransaction(async (tx) => {
      await lock(database, tx);
      const seen = await tx.query('SELECT 1 FROM schema_migrations WHERE id = $1', [id]);
      if (seen.length > 0) return false;
      try {
        await tx.exec(script);
      } catch (e) {
        throw new Error(`Không áp dụng được migration ${file}: ${(e as Error).message}`, { cause: e });
      }
      await tx.query('INSERT INTO schema_migrations (id) VALUES ($1)', [id]);
      return true;
    });
    if (done) applied.push(id);
  }
  return applied;
}

async function lock(database: Database, tx: ScriptTx): Promise<void> {
  if (database.kind === 'postgres') await tx.query(LOCK);
}
