/**
 * The overview cache is never stale: the data revision moves with every committed write to the tables the
 * overview is made of (and only once committed), so a value stored through one app server is in the overview of
 * another at once, on the same PostgreSQL.
 */
import { sql } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, queryRows, type Database } from '../../src/db/client.ts';
import { dataRevision, foldChanges } from '../../src/db/repos/revision.ts';
import { findUnitAsOf } from '../../src/db/repos/units.ts';
import { buildAssessment } from '../factories.ts';
import { backends } from './backends.ts';
import { login, startApp } from './http.ts';
import { PG_BASE } from './pg-admin.ts';

type OverviewBody = { rows: { code: string; hasValues: boolean; criteriaMet: number | null }[] };
const AS_OF = '2025-07-01';

describe.each(backends)('data revision and overview cache on $name', (backend) => {
  let d: Database;
  let app: FastifyInstance;
  let tinh: Record<string, string>;
  let family: string;
  const overviewRow = async (a: FastifyInstance, cookies: Record<string, string>, code: string) => {
    const res = await a.inject({ url: `/api/overview?asOf=${AS_OF}&year=2025`, cookies });
    expect(res.statusCode, res.body).toBe(200);
    return res.json<OverviewBody>().rows.find((r) => r.code === code)!;
  };
  const clear = async (db: Database, code: string) => {
    const u = (await findUnitAsOf(db.db, code, AS_OF))!;
    await db.db.transaction(async (tx) => {
      await tx.execute(sql`DELETE FROM assessment_values WHERE assessment_id IN (SELECT id FROM assessments WHERE unit_id = ${u.id} AND year = 2025)`);
      await tx.execute(sql`DELETE FROM assessments WHERE unit_id = ${u.id} AND year = 2025`);
    });
    return u;
  };

  beforeAll(async () => {
    d = await backend.demo();
    app = await startApp(d);
    tinh = await login(app, 'tinh');
    const board = (await app.inject({ url: `/api/boards?asOf=${AS_OF}&year=2025`, cookies: tinh })).json<{ rows: { family: string }[] }>();
    family = board.rows[0]!.family;
  }, 300_000);

  it('moves with each committed write, once per transaction, not with reads, and keeps its value when folded', async () => {
    const r0 = await dataRevision(d.db);
    await overviewRow(app, tinh, '01654');
    expect(await dataRevision(d.db)).toBe(r0);
    await d.db.transaction(async (tx) => {
      await tx.execute(sql`UPDATE units SET name_en = name_en WHERE code = '01654'`);
      await tx.execute(sql`UPDATE unit_attributes SET source = source WHERE id = (SELECT min(id) FROM unit_attributes)`);
      await tx.execute(sql`UPDATE assessments SET updated_at = updated_at WHERE id = (SELECT min(id) FROM assessments)`);
    });
    expect(await dataRevision(d.db)).toBe(r0 + 1);
    await d.db.execute(sql`UPDATE criteria_sets SET note = note WHERE id = (SELECT min(id) FROM criteria_sets)`);
    await d.db.execute(sql`UPDATE assessment_values SET note = note WHERE assessment_id = (SELECT min(assessment_id) FROM assessment_values)`);
    expect(await dataRevision(d.db)).toBe(r0 + 3);
    await d.db
      .transaction(async (tx) => {
        await tx.execute(sql`UPDATE units SET name_en = name_en WHERE code = '01654'`);
        throw new Error('rolled back');
      })
      .catch(() => undefined);
    expect(await dataRevision(d.db)).toBe(r0 + 3);
    await foldChanges(d.db);
    expect(await dataRevision(d.db)).toBe(r0 + 3);
    expect(await queryRows(d.db, sql`SELECT 1 FROM data_changes`)).toEqual([]);
  });

  it('shows a value stored after the overview was cached at the next request', async () => {
    const u = await clear(d, '01304');
    expect((await overviewRow(app, tinh, '01304')).hasValues).toBe(false);
    expect((await overviewRow(app, tinh, '01304')).hasValues).toBe(false);
    await buildAssessment(d.db, { unit: u, family, year: 2025, values: { '1.1': true }, status: 'approved' });
    expect((await overviewRow(app, tinh, '01304')).hasValues).toBe(true);
  });

  it.runIf(backend.kind === 'postgres')('agrees between two app servers on one database', async () => {
    const name = /\/([^/)]+)\)$/.exec(d.describe)![1]!;
    const other = await openDatabase({ url: `${PG_BASE}/${name}` });
    try {
      const app2 = await startApp(other);
      const tinh2 = await login(app2, 'tinh');
      const u = await clear(other, '01297');
      // Both servers computed (and hold) the overview without the commune's values.
      expect((await overviewRow(app, tinh, '01297')).hasValues).toBe(false);
      expect((await overviewRow(app2, tinh2, '01297')).hasValues).toBe(false);
      await buildAssessment(other.db, { unit: u, family, year: 2025, values: { '1.1': true }, status: 'approved' });
      expect((await overviewRow(app2, tinh2, '01297')).hasValues).toBe(true);
      expect((await overviewRow(app, tinh, '01297')).hasValues).toBe(true);
      await clear(d, '01297');
      expect((await overviewRow(app2, tinh2, '01297')).hasValues).toBe(false);
      await app2.close();
    } finally {
      await other.close();
    }
  });
});
