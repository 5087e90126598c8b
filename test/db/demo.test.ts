import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { queryRows, type Database } from '../../src/db/client.ts';
import { migrate } from '../../src/db/migrate.ts';
import { DEMO_ACCOUNTS, demoLoaded, seedDemo } from '../../src/seed/demo.ts';
import { seedUnits } from '../../src/seed/units.ts';
import { syncBuiltinSets } from '../../src/server/criteria/service.ts';
import { backends } from './backends.ts';

const SEED_TIMEOUT = 300_000;

/** Row counts and a digest of the content (by codes, not ids), to compare two databases. */
async function fingerprint(d: Database) {
  const [row] = await queryRows<Record<string, string | number>>(
    d.db,
    sql`SELECT
      (SELECT count(*)::int FROM units) AS units,
      (SELECT count(*)::int FROM units WHERE level = 'hamlet') AS hamlets,
      (SELECT count(*)::int FROM unit_lineage) AS lineage,
      (SELECT count(*)::int FROM unit_attributes) AS attributes,
      (SELECT count(*)::int FROM assessments) AS assessments,
      (SELECT count(*)::int FROM assessment_values) AS "values",
      (SELECT count(*)::int FROM users) AS users,
      (SELECT md5(string_agg(u.code || '|' || coalesce(u.valid_from::text, '') || '|' || a.family || '|' || a.year || '|' || v.code || '=' || v.value::text, ',' ORDER BY u.code, u.valid_from NULLS FIRST, a.family, a.year, v.code))
         FROM assessment_values v JOIN assessments a ON a.id = v.assessment_id JOIN units u ON u.id = a.unit_id) AS digest,
      (SELECT md5(string_agg(u.code || '|' || coalesce(u.valid_from::text, '') || '|' || u.full_name || '|' || coalesce(p.code, ''), ',' ORDER BY u.code, u.valid_from NULLS FIRST))
         FROM units u LEFT JOIN units p ON p.id = u.parent_id) AS unit_digest`,
  );
  return row!;
}

describe.each(backends)('demo data on $name', (backend) => {
  let first: Database;
  let firstResult: Awaited<ReturnType<typeof seedDemo>>;
  beforeAll(async () => {
    first = await backend.shared();
    firstResult = await seedDemo(first.db);
  }, SEED_TIMEOUT);

  it('loads sample hamlets, values and one account per role', async () => {
    expect(firstResult.hamlets).toBeGreaterThan(0);
    expect(firstResult.assessments).toBeGreaterThan(0);
    expect(firstResult.users).toBe(DEMO_ACCOUNTS.length);
    expect(await demoLoaded(first.db)).toBe(true);
    const f = await fingerprint(first);
    // Each sample hamlet exists before and after the reorganisation, linked by lineage.
    expect(f.hamlets).toBe(firstResult.hamlets * 2);
    expect(f.lineage).toBe(161 + firstResult.hamlets);
    expect(f.assessments).toBe(firstResult.assessments);
    // Everything the demo adds is labelled as sample data (the commune groups are real data, loaded with the units).
    const [unlabelled] = await queryRows<{ n: number }>(
      first.db,
      sql`SELECT (SELECT count(*)::int FROM units WHERE level = 'hamlet' AND NOT sample) + (SELECT count(*)::int FROM assessments WHERE NOT sample) + (SELECT count(*)::int FROM unit_attributes WHERE NOT sample AND source NOT LIKE '%2230/QĐ-UBND%') AS n`,
    );
    expect(Number(unlabelled!.n)).toBe(0);
  });

  it('gives every demo account its unit', async () => {
    const users = await queryRows<{ username: string; role: string; code: string | null; valid_from: string | null }>(
      first.db,
      sql`SELECT u.username, u.role, un.code, un.valid_from::text FROM users u LEFT JOIN units un ON un.id = u.unit_id ORDER BY u.username`,
    );
    expect(users.map((u) => [u.username, u.role, u.code])).toEqual(
      [...DEMO_ACCOUNTS].sort((a, b) => a.username.localeCompare(b.username)).map((a) => [a.username, a.role, a.unitCode]),
    );
    // xa.hoaan is the new (1/7/2025) commune 01654, not the old township with the same code.
    expect(users.find((u) => u.username === 'xa.hoaan')!.valid_from).toBe('2025-07-01');
  });

  it('is idempotent: a second run adds nothing', async () => {
    const before = await fingerprint(first);
    expect(await seedDemo(first.db)).toEqual({ hamlets: 0, assessments: 0, users: 0 });
    expect(await fingerprint(first)).toEqual(before);
  });

  it(
    'is deterministic: another database gets the same data',
    async () => {
      const second = await backend.empty();
      await migrate(second);
      await seedUnits(second.db);
      await syncBuiltinSets(second.db);
      expect(await seedDemo(second.db)).toEqual(firstResult);
      expect(await fingerprint(second)).toEqual(await fingerprint(first));
    },
    SEED_TIMEOUT,
  );
});
