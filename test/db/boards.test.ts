/**
 * Status boards and deadlines: what each tab holds for the province and for a district, timeliness against the
 * deadline the province set (Vietnam days), completeness, the last return's reason, changes since approval.
 * Assessment states are staged in the database directly, so these tests read the board only.
 */
import { sql } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { beforeAll, describe, expect, it } from 'vitest';
import { queryRows, type Database } from '../../src/db/client.ts';
import { findUnitAsOf } from '../../src/db/repos/units.ts';
import type { InputValue } from '../../src/domain/evaluation/types.ts';
import type { BoardResponse } from '../../src/server/boards/schema.ts';
import { buildAssessment } from '../factories.ts';
import { backends } from './backends.ts';
import { expectError, login, startApp } from './http.ts';

interface Stage {
  status: string;
  submittedAt?: string;
  values?: Record<string, InputValue>;
  approvedValues?: Record<string, InputValue>;
  returnReason?: string;
}

/** Stores an assessment of a unit in a state, as the workflow would have left it. */
async function stage(d: Database, code: string, asOf: string, family: string, year: number, s: Stage): Promise<void> {
  const unit = await findUnitAsOf(d.db, code, asOf);
  const id = await buildAssessment(d.db, { unit: unit!, family, year, values: s.values ?? {}, status: s.status });
  await d.db.execute(sql`UPDATE assessments SET submitted_at = ${s.submittedAt ?? null},
      approved_values = ${s.approvedValues ? JSON.stringify(s.approvedValues) : null}::jsonb WHERE id = ${id}`);
  if (s.returnReason)
    await d.db.execute(sql`INSERT INTO assessment_events (assessment_id, action, reason, source, version)
      VALUES (${id}, 'submit', NULL, 'system', 1), (${id}, 'return', ${s.returnReason}, 'system', 2)`);
}

describe.each(backends)('status boards on $name', (backend) => {
  let d: Database;
  let app: FastifyInstance;
  let tinh: Record<string, string>;
  let huyen: Record<string, string>;
  let family: string;
  let fields: string[];
  const board = async (cookies: Record<string, string>, query: string) => {
    const res = await app.inject({ url: `/api/boards?${query}`, cookies });
    expect(res.statusCode, res.body).toBe(200);
    return res.json<BoardResponse>();
  };
  const row = (b: BoardResponse, code: string) => b.rows.find((r) => r.unit.code === code)!;

  beforeAll(async () => {
    d = await backend.demo();
    app = await startApp(d);
    tinh = await login(app, 'tinh');
    huyen = await login(app, 'huyen.hoaan');
    const first = await board(tinh, 'asOf=2025-07-01&year=2025');
    family = first.rows[0]!.family;
    const set = (await app.inject({ url: `/api/sets/${first.rows[0]!.setId}` })).json<{ criteria: { indicators: { code: string }[] }[] }>();
    fields = set.criteria.flatMap((c) => c.indicators.map((i) => i.code));
    // Province deadline for 2025: submit by 31/03/2025 (long past).
    const put = await app.inject({
      method: 'PUT',
      url: '/api/deadlines/2025',
      cookies: tinh,
      payload: { deadlines: [{ submitBy: '2025-03-31', approveBy: '2025-04-30' }] },
    });
    expect(put.statusCode, put.body).toBe(200);
    const after = '2025-07-01';
    await stage(d, '01654', after, family, 2025, { status: 'submitted', submittedAt: '2025-03-30T03:00:00Z', values: { [fields[0]!]: 1 } });
    // 18:00 UTC on the 31st is the 1st of April in Vietnam: late.
    await stage(d, '01290', after, family, 2025, { status: 'submitted', submittedAt: '2025-03-31T18:00:00Z' });
    await stage(d, '01294', after, family, 2025, { status: 'returned', submittedAt: '2025-03-20T03:00:00Z', returnReason: 'Thiếu biên bản họp dân' });
    // A commune without any assessment of the year.
    const none = (await findUnitAsOf(d.db, '01304', after))!;
    await d.db.execute(sql`DELETE FROM assessment_values WHERE assessment_id IN (SELECT id FROM assessments WHERE unit_id = ${none.id} AND year = 2025)`);
    await d.db.execute(sql`DELETE FROM assessments WHERE unit_id = ${none.id} AND year = 2025`);
    await stage(d, '01297', after, family, 2025, { status: 'draft', values: { [fields[0]!]: 5 }, approvedValues: { [fields[0]!]: 4 } });
  }, 300_000);

  it('says who submitted on time, late (a Vietnam day), or not at all past the deadline', async () => {
    const b = await board(tinh, 'asOf=2025-07-01&year=2025');
    expect(row(b, '01654')).toMatchObject({ status: 'submitted', timeliness: 'on-time', deadline: { submitBy: '2025-03-31', approveBy: '2025-04-30' } });
    expect(row(b, '01290')).toMatchObject({ status: 'submitted', timeliness: 'late' });
    expect(row(b, '01294')).toMatchObject({ status: 'returned', timeliness: 'overdue', returnReason: 'Thiếu biên bản họp dân' });
    expect(row(b, '01294').lastTransition).toMatchObject({ action: 'return', reason: 'Thiếu biên bản họp dân' });
    expect(row(b, '01297')).toMatchObject({ status: 'draft', timeliness: 'overdue', changedSinceApproval: true });
    expect(row(b, '01654').completeness).toEqual({ filled: 1, total: expect.any(Number) as number });
    expect(row(b, '01654').completeness.total).toBeGreaterThanOrEqual(fields.length);
  });

  it('puts each row under its tabs for the province, with counts that match', async () => {
    const all = await board(tinh, 'asOf=2025-07-01&year=2025');
    for (const tab of ['all', 'not-submitted', 'late', 'my-review', 'returned', 'changed'] as const) {
      const b = await board(tinh, `asOf=2025-07-01&year=2025&tab=${tab}`);
      expect(b.rows.length, tab).toBe(all.counts[tab]);
      expect(b.rows.every((r) => r.tabs.includes(tab))).toBe(true);
    }
    const review = await board(tinh, 'asOf=2025-07-01&year=2025&tab=my-review');
    // After 1/7/2025 there are no districts: the province approves what communes submit.
    expect(review.rows.map((r) => r.unit.code).sort()).toEqual(expect.arrayContaining(['01290', '01654']));
    expect(review.rows.every((r) => r.status === 'submitted' && r.actions.includes('approve'))).toBe(true);
    expect((await board(tinh, 'asOf=2025-07-01&year=2025&tab=returned')).rows.map((r) => r.unit.code)).toEqual(['01294']);
    expect((await board(tinh, 'asOf=2025-07-01&year=2025&tab=changed')).rows.map((r) => r.unit.code)).toEqual(['01297']);
    const late = (await board(tinh, 'asOf=2025-07-01&year=2025&tab=late')).rows;
    expect(late.map((r) => r.unit.code)).toEqual(expect.arrayContaining(['01290', '01294', '01297']));
    expect(late.map((r) => r.unit.code)).not.toContain('01654');
  });

  it('gives the district what was submitted under it before 1/7/2025, and the province what the district reviewed', async () => {
    const before = '2025-06-01';
    await stage(d, '01657', before, family, 2024, { status: 'submitted', submittedAt: '2024-11-02T03:00:00Z' });
    await stage(d, '01660', before, family, 2024, { status: 'reviewed', submittedAt: '2024-11-01T03:00:00Z' });
    const mine = await board(huyen, `asOf=${before}&year=2024&tab=my-review`);
    expect(mine.rows.map((r) => r.unit.code)).toEqual(['01657']);
    expect(mine.rows[0]).toMatchObject({ underDistrict: true, actions: expect.arrayContaining(['review', 'return']) as string[] });
    const district = await board(huyen, `asOf=${before}&year=2024`);
    expect(district.rows.every((r) => r.unit.parentCode === '051')).toBe(true);
    const province = await board(tinh, `asOf=${before}&year=2024&tab=my-review`);
    expect(province.rows.map((r) => r.unit.code)).toEqual(['01660']);
    expect(province.rows[0]!.actions).toContain('approve');
    const sub = await board(tinh, `asOf=${before}&year=2024&parentCode=051`);
    expect(sub.rows.length).toBe(district.rows.length);
  });

  it('lists a commune with no assessment at version 0, not submitted', async () => {
    const b = await board(tinh, 'asOf=2025-07-01&year=2025&tab=not-submitted');
    expect(row(b, '01304')).toMatchObject({ status: 'draft', timeliness: 'overdue', lastTransition: null, actions: [] });
  });

  it('keeps deadlines per year: the most specific applies, a future one is pending', async () => {
    const put = await app.inject({
      method: 'PUT',
      url: '/api/deadlines/2030',
      cookies: tinh,
      payload: { deadlines: [{ submitBy: '2030-10-31' }, { family, level: 'commune', submitBy: '2030-11-15', note: 'Gia hạn cho xã' }] },
    });
    expect(put.statusCode, put.body).toBe(200);
    const list = (await app.inject({ url: '/api/deadlines?year=2030', cookies: huyen })).json<{ deadlines: { family: string | null; submitBy: string }[] }>();
    expect(list.deadlines.map((x) => [x.family, x.submitBy])).toEqual([
      [null, '2030-10-31'],
      [family, '2030-11-15'],
    ]);
    const audit = await queryRows<{ action: string; entity_id: string }>(
      d.db,
      sql`SELECT action, entity_id FROM audit_log WHERE entity = 'deadlines' ORDER BY id`,
    );
    expect(audit.at(-1)).toEqual({ action: 'deadline:set', entity_id: '2030' });
  });

  it('refuses deadlines out of order, for an unknown family or twice the same scope, and stores nothing', async () => {
    const count = async () => (await queryRows<{ n: number }>(d.db, sql`SELECT count(*)::int AS n FROM deadlines WHERE year = 2029`))[0]!.n;
    for (const deadlines of [
      [{ submitBy: '2029-10-31', approveBy: '2029-10-01' }],
      [{ family: 'khong-co', submitBy: '2029-10-31' }],
      [{ submitBy: '2029-10-31' }, { submitBy: '2029-11-30' }],
      [{ submitBy: '2020-10-31' }],
    ]) {
      const res = await app.inject({ method: 'PUT', url: '/api/deadlines/2029', cookies: tinh, payload: { deadlines } });
      const err = expectError(res, 400, 'VALIDATION');
      expect(err.message).toMatch(/^Dòng \d/);
      expect(Number(await count())).toBe(0);
    }
    expectError(
      await app.inject({ method: 'PUT', url: '/api/deadlines/2029', cookies: tinh, payload: { deadlines: [{ submitBy: '31/10/2029' }] } }),
      400,
      'VALIDATION',
    );
    expectError(await app.inject({ method: 'PUT', url: '/api/deadlines/2029', cookies: huyen, payload: { deadlines: [] } }), 403, 'FORBIDDEN');
  });
});
