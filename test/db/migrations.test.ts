import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, describe, expect, it } from 'vitest';
import { queryRows } from '../../src/db/client.ts';
import { migrate, MIGRATIONS_DIR } from '../../src/db/migrate.ts';
import { backends } from './backends.ts';

const SHIPPED = fs
  .readdirSync(MIGRATIONS_DIR)
  .filter((f) => f.endsWith('.sql'))
  .sort()
  .map((f) => f.replace(/\.sql$/, ''));

// A trigger with a function body holding semicolons, a dollar-quoted string and a comment with a semicolon:
// what a runner splitting on ";" at line ends breaks.
const TRIGGER_MIGRATION = `
CREATE TABLE notes (id serial PRIMARY KEY, body text NOT NULL, body_key text);
-- keys are derived; never trust the client;
CREATE FUNCTION notes_key() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  NEW.body_key := lower(NEW.body);
  IF NEW.body_key = '' THEN
    RAISE EXCEPTION 'empty; refused';
  END IF;
  RETURN NEW;
END;
$$;
CREATE TRIGGER notes_key BEFORE INSERT OR UPDATE ON notes FOR EACH ROW EXECUTE FUNCTION notes_key();
INSERT INTO notes (body) VALUES ($q$Xóm; Nà Mò$q$);
`;

const dirs: string[] = [];
afterAll(() => {
  for (const d of dirs) fs.rmSync(d, { recursive: true, force: true });
});

function migrationsDir(files: Record<string, string>): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'migrations-'));
  dirs.push(dir);
  for (const [name, text] of Object.entries(files)) fs.writeFileSync(path.join(dir, name), text);
  return dir;
}

const TABLES = [
  'assessment_events',
  'assessment_evidence',
  'assessment_values',
  'assessments',
  'audit_log',
  'criteria_sets',
  'data_changes',
  'data_revision',
  'deadlines',
  'dhis2_mappings',
  'evidence_chunks',
  'evidence_files',
  'login_failures',
  'plan_revisions',
  'plans',
  'recognition_dossiers',
  'recognition_steps',
  'schema_migrations',
  'sessions',
  'unit_attributes',
  'unit_lineage',
  'units',
  'users',
];

describe.each(backends)('migrations on $name', (backend) => {
  it('apply to an empty database, then do nothing the second time', async () => {
    const d = await backend.empty();
    expect(await migrate(d)).toEqual(SHIPPED);
    expect(await migrate(d)).toEqual([]);
    const tables = await queryRows<{ table_name: string }>(
      d.db,
      sql`SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' ORDER BY table_name`,
    );
    expect(tables.map((t) => t.table_name)).toEqual(TABLES);
    const applied = await queryRows<{ id: string }>(d.db, sql`SELECT id FROM schema_migrations`);
    expect(applied.map((r) => r.id).sort()).toEqual(SHIPPED);
  });

  it('apply once when two start at the same time', async () => {
    const d = await backend.empty();
    const [a, b] = await Promise.all([migrate(d), migrate(d)]);
    expect([...a, ...b].sort()).toEqual(SHIPPED);
    const applied = await queryRows<{ n: number }>(d.db, sql`SELECT count(*)::int AS n FROM schema_migrations`);
    expect(Number(applied[0]!.n)).toBe(SHIPPED.length);
  });

  it('run a file whole: a function body with semicolons and a trigger', async () => {
    const d = await backend.empty();
    expect(await migrate(d, migrationsDir({ '0001_notes.sql': TRIGGER_MIGRATION }))).toEqual(['0001_notes']);
    expect(await queryRows(d.db, sql`SELECT body, body_key FROM notes`)).toEqual([{ body: 'Xóm; Nà Mò', body_key: 'xóm; nà mò' }]);
    await d.db.execute(sql`INSERT INTO notes (body) VALUES ('Bản A')`);
    expect(await queryRows(d.db, sql`SELECT body_key FROM notes ORDER BY id`)).toEqual([{ body_key: 'xóm; nà mò' }, { body_key: 'bản a' }]);
    await expect(d.db.execute(sql`INSERT INTO notes (body) VALUES ('')`)).rejects.toThrow();
  });

  it('leave nothing of a file that fails half-way, and name the file', async () => {
    const d = await backend.empty();
    const dir = migrationsDir({
      '0001_notes.sql': TRIGGER_MIGRATION,
      '0002_broken.sql': 'CREATE TABLE half (id int);\nINSERT INTO half VALUES (1);\nSELECT no_such_function();\n',
    });
    await expect(migrate(d, dir)).rejects.toThrow(/0002_broken\.sql/);
    const tables = await queryRows<{ table_name: string }>(d.db, sql`SELECT table_name FROM information_schema.tables WHERE table_name = 'half'`);
    expect(tables).toEqual([]);
    expect(await queryRows(d.db, sql`SELECT id FROM schema_migrations ORDER BY id`)).toEqual([{ id: '0001_notes' }]);
  });

  it('enforce the schema’s own rules (unit level, validity period, unique code per period)', async () => {
    const d = await backend.empty();
    await migrate(d);
    const insert = (code: string, level: string, from: string | null, to: string | null) =>
      d.db.execute(
        sql`INSERT INTO units (code, name, full_name, name_key, type, level, valid_from, valid_to) VALUES (${code}, 'A', 'Xã A', 'xã a', 'Xã', ${level}, ${from}, ${to})`,
      );
    await insert('99001', 'commune', null, '2025-06-30');
    await insert('99001', 'commune', '2025-07-01', null);
    await expect(insert('99001', 'commune', '2025-07-01', null)).rejects.toThrow();
    await expect(insert('99002', 'village', null, null)).rejects.toThrow();
    await expect(insert('99003', 'commune', '2025-07-01', '2025-06-30')).rejects.toThrow();
  });
});
