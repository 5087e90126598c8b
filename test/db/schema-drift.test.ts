import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../src/db/client.ts';
import { migrate } from '../../src/db/migrate.ts';
import * as schema from '../../src/db/schema.ts';
import { backends } from './backends.ts';
import { databaseShape, drizzleShape, type SchemaShape } from './schema-shape.ts';

// Kept by the migration runner itself, never queried through Drizzle.
const RUNNER_TABLES = ['schema_migrations'];

describe.each(backends)('Drizzle schema against the migrated database on $name', (backend) => {
  let d: Database;
  let database: SchemaShape;
  const drizzle = drizzleShape(schema);
  beforeAll(async () => {
    d = await backend.empty();
    await migrate(d);
    database = await databaseShape(d.db, RUNNER_TABLES);
  });

  it('has the same tables', () => {
    expect(Object.keys(drizzle).sort()).toEqual(Object.keys(database).sort());
  });

  it.each(Object.keys(drizzle).sort())('%s has the same columns, keys and foreign keys', (table) => {
    expect(drizzle[table]).toEqual(database[table]);
  });

  it('sees a change made to the database (an added column, a dropped foreign key)', async () => {
    await d.db.execute(sql`ALTER TABLE units ADD COLUMN extra text`);
    await d.db.execute(sql`ALTER TABLE unit_lineage DROP CONSTRAINT unit_lineage_successor_id_fkey`);
    const changed = await databaseShape(d.db, RUNNER_TABLES);
    expect(changed.units!.columns).toContain('extra text');
    expect(changed.units).not.toEqual(drizzle.units);
    expect(changed.unit_lineage).not.toEqual(drizzle.unit_lineage);
  });
});
