import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { queryRows } from '../../src/db/client.ts';
import { migrate } from '../../src/db/migrate.ts';
import { backends } from './backends.ts';

const TABLES = [
  'assessment_values',
  'assessments',
  'audit_log',
  'criteria_sets',
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
    expect(await migrate(d)).toEqual(['0001_foundation']);
    expect(await migrate(d)).toEqual([]);
    const tables = await queryRows<{ table_name: string }>(
      d.db,
      sql`SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' ORDER BY table_name`,
    );
    expect(tables.map((t) => t.table_name)).toEqual(TABLES);
    const applied = await queryRows<{ id: string }>(d.db, sql`SELECT id FROM schema_migrations`);
    expect(applied.map((r) => r.id)).toEqual(['0001_foundation']);
  });

  it('apply once when two start at the same time', async () => {
    const d = await backend.empty();
    const [a, b] = await Promise.all([migrate(d), migrate(d)]);
    expect([...a, ...b]).toEqual(['0001_foundation']);
    const applied = await queryRows<{ n: number }>(d.db, sql`SELECT count(*)::int AS n FROM schema_migrations`);
    expect(Number(applied[0]!.n)).toBe(1);
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
