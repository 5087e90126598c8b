/**
 * Bulk approve, review and return from the status board: each item goes through the single transition (scope,
 * role, state, version), in its own transaction, recorded in the assessment's history; one refusal does not stop
 * the others; a return without a reason is refused whole before anything is done.
 */
import { sql } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { beforeAll, describe, expect, it } from 'vitest';
import { queryRows, type Database } from '../../src/db/client.ts';
import { findUnitAsOf } from '../../src/db/repos/units.ts';
import type { BoardResponse, BulkResponse } from '../../src/server/boards/schema.ts';
import { buildAssessment } from '../factories.ts';
import { backends } from './backends.ts';
import { expectError, login, startApp } from './http.ts';

const AFTER = '2025-07-01';
const BEFORE = '2025-06-01';

describe.each(backends)('bulk actions on $name', (backend) => {
  let d: Database;
  let app: FastifyInstance;
  let tinh: Record<string, string>;
  let huyen: Record<string, string>;
  let family: string;

  /** Stores an assessment of a commune in a state, with no history yet. */
  const stage = async (code: string, asOf: string, year: number, status: string) => {
    const unit = await findUnitAsOf(d.db, code, asOf);
    await d.db.execute(sql`DELETE FROM assessments WHERE unit_id = ${unit!.id} AND year = ${year} AND family = ${family}`);
    await buildAssessment(d.db, { unit: unit!, family, year, values: {}, status });
  };
  const head = async (code: string, year: number) => {
    const res = await app.inject({ url: `/api/assessments/${code}/${family}/${year}`, cookies: tinh });
    expect(res.statusCode, res.body).toBe(200);
    return res.json<{ status: string; version: number }>();
  };
  const events = (code: string, year: number) =>
    queryRows<{ action: string; reason: string | null; version: number; user_id: number | null }>(
      d.db,
      sql`SELECT e.action, e.reason, e.version, e.user_id FROM assessment_events e JOIN assessments a ON a.id = e.assessment_id
           JOIN units u ON u.id = a.unit_id WHERE u.code = ${code} AND a.year = ${year} AND a.family = ${family} ORDER BY e.id`,
    );
  const bulk = (cookies: Record<string, string>, payload: object) => app.inject({ method: 'POST', url: '/api/boards/bulk', cookies, payload });
  const item = async (code: string, year = 2025, version?: number) => ({ unit: code, family, year, version: version ?? (await head(code, year)).version });

  beforeAll(async () => {
    d = await backend.demo();
    app = await startApp(d);
    tinh = await login(app, 'tinh');
    huyen = await login(app, 'huyen.hoaan');
    const b = (await app.inject({ url: `/api/boards?asOf=${AFTER}&year=2025`, cookies: tinh })).json<BoardResponse>();
    family = b.rows[0]!.family;
  }, 300_000);

  it('approves what it may and reports each refusal by item: stale version, wrong state, unknown unit', async () => {
    for (const c of ['01654', '01290', '01294']) await stage(c, AFTER, 2025, 'submitted');
    await stage('01297', AFTER, 2025, 'draft');
    const items = [await item('01654'), await item('01290'), { ...(await item('01294')), version: 99 }, await item('01297'), await item('99999', 2025, 1)];
    const res = await bulk(tinh, { action: 'approve', items });
    expect(res.statusCode, res.body).toBe(200);
    const out = res.json<BulkResponse>();
    expect(out).toMatchObject({ action: 'approve', succeeded: 2, failed: 3 });
    expect(out.results.map((r) => [r.unit, r.ok, r.error?.code ?? r.status])).toEqual([
      ['01654', true, 'approved'],
      ['01290', true, 'approved'],
      ['01294', false, 'CONFLICT'],
      ['01297', false, 'INVALID_TRANSITION'],
      ['99999', false, 'UNIT_NOT_FOUND'],
    ]);
    expect(out.results[2]).toMatchObject({ httpStatus: 409, error: { message: expect.stringMatching(/tải lại bảng/) as string } });
    expect(out.results[0]!.version).toBe(items[0]!.version + 1);
    expect(await head('01654', 2025)).toMatchObject({ status: 'approved', version: out.results[0]!.version });
    expect((await head('01294', 2025)).status).toBe('submitted');
    expect(await head('01297', 2025)).toMatchObject({ status: 'draft' });
    // Each change is in the assessment's history, with the version it produced; refused items have none.
    expect((await events('01654', 2025)).map((e) => [e.action, e.version])).toEqual([['approve', out.results[0]!.version]]);
    expect((await events('01290', 2025)).map((e) => e.action)).toEqual(['approve']);
    expect(await events('01294', 2025)).toEqual([]);
    expect(await events('01297', 2025)).toEqual([]);
  });

  it('returns many with the reason recorded on each, which the commune then reads', async () => {
    for (const c of ['01294', '01304']) await stage(c, AFTER, 2025, 'submitted');
    const res = await bulk(tinh, { action: 'return', reason: '  Thiếu biên bản họp dân ', items: [await item('01294'), await item('01304')] });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json<BulkResponse>()).toMatchObject({ succeeded: 2, failed: 0 });
    for (const c of ['01294', '01304']) {
      expect(await events(c, 2025)).toEqual([expect.objectContaining({ action: 'return', reason: 'Thiếu biên bản họp dân' })]);
      expect((await head(c, 2025)).status).toBe('returned');
    }
    const board = (await app.inject({ url: `/api/boards?asOf=${AFTER}&year=2025&tab=returned`, cookies: tinh })).json<BoardResponse>();
    expect(board.rows.find((r) => r.unit.code === '01304')).toMatchObject({ returnReason: 'Thiếu biên bản họp dân' });
  });

  it('refuses a return without a reason as a whole (400) and changes nothing', async () => {
    await stage('01318', AFTER, 2025, 'submitted');
    const before = await head('01318', 2025);
    for (const reason of [undefined, '   ']) {
      const err = expectError(
        await bulk(tinh, { action: 'return', ...(reason === undefined ? {} : { reason }), items: [await item('01318')] }),
        400,
        'VALIDATION',
      );
      expect(err.message).toMatch(/lý do/);
    }
    expect(await head('01318', 2025)).toEqual(expect.objectContaining(before));
    expect(await events('01318', 2025)).toEqual([]);
  });

  it('refuses an empty or oversized list, and an unknown action, naming the field', async () => {
    expect(expectError(await bulk(tinh, { action: 'approve', items: [] }), 400, 'VALIDATION').message).toMatch(/chưa chọn/);
    const many = Array.from({ length: 501 }, () => ({ unit: '01290', family, year: 2025, version: 1 }));
    expect(expectError(await bulk(tinh, { action: 'approve', items: many }), 400, 'VALIDATION').message).toMatch(/tối đa 500/);
    expect(expectError(await bulk(tinh, { action: 'reopen', items: [await item('01290')] }), 400, 'VALIDATION').message).toMatch(/thao tác/);
    expect(expectError(await bulk(tinh, { action: 'approve', items: [{ unit: '01290', family, year: 2025 }] }), 400, 'VALIDATION').message).toMatch(/version/);
  });

  it('lets the district review its communes before 1/7/2025 and refuses, by item, a unit outside its scope', async () => {
    await stage('01657', BEFORE, 2024, 'submitted');
    await stage('01321', AFTER, 2025, 'submitted');
    const res = await bulk(huyen, { action: 'review', items: [await item('01657', 2024), await item('01321')] });
    expect(res.statusCode, res.body).toBe(200);
    const out = res.json<BulkResponse>();
    expect(out.results.map((r) => [r.unit, r.ok, r.error?.code ?? r.status, r.httpStatus])).toEqual([
      ['01657', true, 'reviewed', 200],
      ['01321', false, 'FORBIDDEN', 403],
    ]);
    expect((await head('01321', 2025)).status).toBe('submitted');
    expect(await events('01321', 2025)).toEqual([]);
    // The province may not review (the district step), and after the merger there is no district step at all.
    const p = (await bulk(tinh, { action: 'review', items: [await item('01321')] })).json<BulkResponse>();
    expect(p.results[0]).toMatchObject({ ok: false, httpStatus: 403, error: { code: 'FORBIDDEN' } });
    // A commune officer may not use bulk actions at all.
    expectError(await bulk(await login(app, 'xa.hoaan'), { action: 'approve', items: [await item('01321')] }), 403, 'FORBIDDEN');
  });
});
