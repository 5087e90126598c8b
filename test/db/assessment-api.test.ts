/**
 * The assessment API as issue 8 spells it out: GET (an unassessed unit is a draft at version 0), PUT with the
 * version it is based on (stale: 409 CONFLICT with the current state; locked: 409 LOCKED; another unit: 403),
 * the workflow's transitions with their reasons, the history, and the evaluation reflecting a save at once.
 */
import { sql } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { beforeAll, describe, expect, it } from 'vitest';
import { queryRows, type Database } from '../../src/db/client.ts';
import { backends } from './backends.ts';
import { expectError, login, startApp } from './http.ts';

const NEW = '/api/assessments/01654/xa-ntm-2026-2030/2026';

describe.each(backends)('assessment API on $name', (backend) => {
  let d: Database;
  let app: FastifyInstance;
  const as: Record<string, Record<string, string>> = {};
  beforeAll(async () => {
    d = await backend.demo();
    app = await startApp(d);
    for (const u of ['xa.hoaan', 'huyen.hoaan', 'tinh', 'xem', 'admin']) as[u] = await login(app, u);
  }, 300_000);

  const get = (url: string, who = 'xa.hoaan') => app.inject({ method: 'GET', url, cookies: as[who]! });
  const put = (url: string, payload: object, who = 'xa.hoaan', headers: Record<string, string> = {}) =>
    app.inject({ method: 'PUT', url, payload, cookies: as[who]!, headers });
  const step = (url: string, payload: object, who: string) => app.inject({ method: 'POST', url: `${url}/transitions`, payload, cookies: as[who]! });
  const version = async (url: string) => (await get(url, 'admin')).json<{ version: number }>().version;

  it('answers a unit without an assessment as a draft at version 0 with no values', async () => {
    const res = await get(NEW);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({
      unit: { code: '01654' },
      family: 'xa-ntm-2026-2030',
      year: 2026,
      setId: 'xa-ntm-2026',
      status: 'draft',
      version: 0,
      values: {},
      criteria: {},
      transitions: [],
    });
  });

  it('saves on the version read, refuses a stale version with the current state, and checks every value', async () => {
    const first = await put(
      NEW,
      { version: 0, values: {}, criteria: { '1': 'met', '2': 'not-met' }, notes: { '1': 'Quy hoạch đã được phê duyệt' } },
      'xa.hoaan',
      { 'x-entry-source': 'screen' },
    );
    expect(first.statusCode, first.body).toBe(200);
    expect(first.json()).toEqual({ version: 1, status: 'draft', changed: 3 });
    const stale = await put(NEW, { version: 0, values: {}, criteria: { '1': 'not-met' } });
    const err = expectError(stale, 409, 'CONFLICT') as { details: { current: { version: number; criteria: Record<string, { status: string }> } } };
    expect(err.details.current.version).toBe(1);
    expect(err.details.current.criteria['1']!.status).toBe('met');
    for (const bad of [{ criteria: { '1': 'có lẽ' } }, { values: { '1': 'met' } }, { values: { '99.9': 3 } }, { notes: { '77': 'x' } }]) {
      const res = await put(NEW, { version: 1, values: {}, ...bad });
      const e = expectError(res, 400, 'VALIDATION') as { details: { problems: { code: string; message: string }[] } };
      expect(e.details.problems.length).toBeGreaterThan(0);
    }
    const got = (await get(NEW)).json<{ version: number; criteria: Record<string, { status: string; note: string | null; updatedBy: string }> }>();
    expect(got.version).toBe(1);
    expect(got.criteria['1']).toMatchObject({ status: 'met', note: 'Quy hoạch đã được phê duyệt', updatedBy: 'xa.hoaan' });
  });

  it('refuses another unit (403) and viewers (403)', async () => {
    expectError(await put('/api/assessments/01304/xa-ntm-2026-2030/2026', { version: 0, criteria: { '1': 'met' } }), 403, 'FORBIDDEN');
    expectError(await put(NEW, { version: 1, criteria: { '1': 'met' } }, 'xem'), 403, 'FORBIDDEN');
    expectError(await get('/api/assessments/01304/xa-ntm-2026-2030/2026'), 403, 'FORBIDDEN');
  });

  it('refuses a family that does not apply, an unknown family and an unknown unit', async () => {
    expectError(await get('/api/assessments/01654/xa-ntm-2021-2025/2026'), 400, 'FAMILY_NOT_FOR_UNIT');
    expectError(await get('/api/assessments/01654/khong-co/2026'), 404, 'FAMILY_NOT_FOUND');
    expectError(await get('/api/assessments/99999/xa-ntm-2026-2030/2026', 'admin'), 404, 'UNIT_NOT_FOUND');
  });

  it('is reflected at once by the unit evaluation: the officer sees the draft, approved-only views do not', async () => {
    const mine = (await get('/api/units/01654/evaluation?year=2026')).json<{ basis: string; evaluation: { criteria: Record<string, { status: string }> } }>();
    expect(mine.basis).toBe('all');
    expect(mine.evaluation.criteria['1']!.status).toBe('met');
    const province = (await get('/api/units/01654/evaluation?year=2026', 'tinh')).json<{ basis: string; hasValues: boolean }>();
    expect(province).toMatchObject({ basis: 'approved', hasValues: false });
    const all = (await get('/api/units/01654/evaluation?year=2026&basis=all', 'tinh')).json<{ evaluation: { criteria: Record<string, { status: string }> } }>();
    expect(all.evaluation.criteria['2']!.status).toBe('not-met');
  });

  it('walks submit → return with a reason → submit → approve (locked) → reopen, as the workflow allows', async () => {
    let v = await version(NEW);
    expectError(await step(NEW, { action: 'return', version: v }, 'tinh'), 400, 'REASON_REQUIRED');
    expectError(await step(NEW, { action: 'approve', version: v }, 'xa.hoaan'), 403, 'FORBIDDEN');
    expectError(await step(NEW, { action: 'approve', version: v }, 'tinh'), 409, 'INVALID_TRANSITION');
    let res = await step(NEW, { action: 'submit', version: v }, 'xa.hoaan');
    expect(res.json()).toEqual({ status: 'submitted', version: v + 1 });
    v += 1;
    expectError(await put(NEW, { version: v, criteria: { '3': 'met' } }), 409, 'LOCKED');
    // No district after 1/7/2025: no review step.
    expectError(await step(NEW, { action: 'review', version: v }, 'admin'), 409, 'INVALID_TRANSITION');
    res = await step(NEW, { action: 'return', reason: 'Thiếu biên bản kiểm tra tiêu chí 2', version: v }, 'tinh');
    expect(res.json()).toEqual({ status: 'returned', version: v + 1 });
    v += 1;
    const seen = (await get(NEW)).json<{ status: string; returnReason: string; actions: string[] }>();
    expect(seen).toMatchObject({ status: 'returned', returnReason: 'Thiếu biên bản kiểm tra tiêu chí 2', actions: ['submit'] });
    const saved = await put(NEW, { version: v, criteria: { '2': 'met' } });
    expect(saved.json()).toMatchObject({ version: v + 1, status: 'returned' });
    v += 1;
    expect((await step(NEW, { action: 'submit', version: v }, 'xa.hoaan')).json()).toEqual({ status: 'submitted', version: v + 1 });
    v += 1;
    expect((await step(NEW, { action: 'approve', version: v }, 'tinh')).json()).toEqual({ status: 'approved', version: v + 1 });
    v += 1;
    expectError(await put(NEW, { version: v, criteria: { '3': 'met' } }), 409, 'LOCKED');
    expectError(await step(NEW, { action: 'reopen', version: v }, 'tinh'), 400, 'REASON_REQUIRED');
    expectError(await step(NEW, { action: 'reopen', reason: 'x', version: v }, 'xa.hoaan'), 403, 'FORBIDDEN');
    expect((await step(NEW, { action: 'reopen', reason: 'Điều chỉnh theo kết quả phúc tra', version: v }, 'tinh')).json()).toEqual({
      status: 'draft',
      version: v + 1,
    });
    // Reopened: the approved values still count where only approved values do.
    await put(NEW, { version: v + 1, criteria: { '1': 'not-met' } });
    const approvedView = (await get('/api/units/01654/evaluation?year=2026', 'tinh')).json<{ evaluation: { criteria: Record<string, { status: string }> } }>();
    expect(approvedView.evaluation.criteria['1']!.status).toBe('met');
    const draftView = (await get('/api/units/01654/evaluation?year=2026')).json<{ evaluation: { criteria: Record<string, { status: string }> } }>();
    expect(draftView.evaluation.criteria['1']!.status).toBe('not-met');
  });

  it('keeps every change in the history, oldest first, with who, before, after, source and reasons', async () => {
    const res = await get(`${NEW}/history`);
    expect(res.statusCode, res.body).toBe(200);
    const h = res.json<{ action: string; code?: string; before?: unknown; after?: unknown; user: string; source: string; reason?: string; at: string }[]>();
    expect(h[0]).toMatchObject({ action: 'criterion', code: '1', before: null, after: 'met', user: 'xa.hoaan', source: 'screen' });
    expect(h.map((e) => e.action)).toEqual(['criterion', 'criterion', 'note', 'submit', 'return', 'criterion', 'submit', 'approve', 'reopen', 'criterion']);
    expect(h.find((e) => e.action === 'return')).toMatchObject({
      user: 'tinh',
      reason: 'Thiếu biên bản kiểm tra tiêu chí 2',
      before: { status: 'submitted' },
      after: { status: 'returned' },
    });
    expect(h.at(-1)).toMatchObject({ code: '1', before: 'met', after: 'not-met', source: 'api' });
    expect([...h.map((e) => e.at)].sort()).toEqual(h.map((e) => e.at));
  });

  it('has the district review before 1/7/2025: commune submits, district reviews, province approves', async () => {
    const OLD = '/api/assessments/01666/xa-ntm-2021-2025/2024';
    let v = await version(OLD);
    // Demo years before the current one are approved: the province reopens to let the commune correct it.
    expect((await step(OLD, { action: 'reopen', reason: 'Bổ sung minh chứng', version: v }, 'tinh')).statusCode).toBe(200);
    v += 1;
    expect((await put(OLD, { version: v, values: { '2.1': 100 } })).statusCode).toBe(200);
    v += 1;
    expect((await step(OLD, { action: 'submit', version: v }, 'xa.hoaan')).json()).toMatchObject({ status: 'submitted' });
    v += 1;
    expect((await get(OLD, 'huyen.hoaan')).json<{ districtStep: boolean; actions: string[] }>()).toMatchObject({
      districtStep: true,
      actions: ['review', 'return'],
    });
    expectError(await step(OLD, { action: 'approve', version: v }, 'tinh'), 409, 'INVALID_TRANSITION');
    expect((await step(OLD, { action: 'review', version: v }, 'huyen.hoaan')).json()).toMatchObject({ status: 'reviewed' });
    v += 1;
    expectError(await step(OLD, { action: 'return', reason: 'x', version: v }, 'huyen.hoaan'), 403, 'FORBIDDEN');
    expect((await step(OLD, { action: 'approve', version: v }, 'tinh')).json()).toMatchObject({ status: 'approved' });
  });

  it('keeps 50 parallel writers apart: every accepted write once in the history, every refused one a 409', async () => {
    const [hamlet] = await queryRows<{ code: string }>(
      d.db,
      sql`SELECT h.code FROM units h JOIN units c ON c.id = h.parent_id WHERE c.code = '01654' AND h.level = 'hamlet' AND h.valid_from = '2025-07-01' ORDER BY h.code LIMIT 1`,
    );
    const url = `/api/assessments/${hamlet!.code}/xom-ntm-mau/2026`;
    // Each writer tries three times, each time on the version the last refusal reported: some get through, the
    // rest are refused; none is lost or recorded twice.
    const start = (await get(url)).json<{ version: number }>().version;
    const accepted: { value: number; version: number }[] = [];
    let refused = 0;
    const writer = async (i: number) => {
      let v = start;
      for (let attempt = 0; attempt < 3; attempt++) {
        const value = i + attempt / 10;
        const res = await put(url, { version: v, values: { '1.1': value } });
        if (res.statusCode === 200) {
          accepted.push({ value, version: res.json<{ version: number }>().version });
          return;
        }
        const err = expectError(res, 409, 'CONFLICT') as { details: { current: { version: number } } };
        refused++;
        v = err.details.current.version;
      }
    };
    await Promise.all(Array.from({ length: 50 }, (_, i) => writer(i + 1)));
    expect(accepted.length).toBeGreaterThan(0);
    expect(new Set(accepted.map((a) => a.version)).size).toBe(accepted.length);
    const h = (await get(`${url}/history`)).json<{ action: string; after: number; version: number }[]>().filter((e) => e.action === 'value');
    const byVersion = (a: { version: number }, b: { version: number }) => a.version - b.version;
    expect(h.map((e) => ({ value: e.after, version: e.version }))).toEqual([...accepted].sort(byVersion));
    expect(refused).toBeGreaterThan(0);
    const final = (await get(url)).json<{ version: number; values: Record<string, { value: number }> }>();
    expect(final.values['1.1']!.value).toBe([...accepted].sort(byVersion).at(-1)!.value);
  }, 240_000);
});
