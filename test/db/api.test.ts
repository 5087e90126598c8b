import type { FastifyInstance } from 'fastify';
import { beforeAll, describe, expect, it } from 'vitest';
import { SESSION_COOKIE } from '../../src/server/auth/service.ts';
import { findUnitAsOf } from '../../src/db/repos/units.ts';
import { buildSet, buildUser, TEST_PASSWORD } from '../factories.ts';
import { backends } from './backends.ts';
import { expectError, login, startApp } from './http.ts';
import { importRequest, jsonFile } from './multipart.ts';

interface UnitJson {
  code: string;
  name: string;
  parentCode: string | null;
  level: string;
}

describe.each(backends)('HTTP API on $name', (backend) => {
  let app: FastifyInstance;
  // Real Cao Bằng units and the shipped sets; the accounts are built here (not the demo's).
  beforeAll(async () => {
    const d = await backend.shared();
    const at = async (code: string) => (await findUnitAsOf(d.db, code, '2025-07-01'))!;
    await buildUser(d.db, { username: 'tinh', role: 'province', unit: await at('04') });
    await buildUser(d.db, { username: 'xa.hoaan', role: 'commune', unit: await at('01654') });
    await buildUser(d.db, { username: 'xem', role: 'viewer', unit: await at('04') });
    app = await startApp(d);
  });

  const get = (url: string, cookies?: Record<string, string>) => app.inject({ method: 'GET', url, ...(cookies ? { cookies } : {}) });
  const post = (url: string, payload: unknown, cookies?: Record<string, string>) =>
    app.inject({ method: 'POST', url, payload: payload as object, ...(cookies ? { cookies } : {}) });

  describe('public reading', () => {
    it('GET /api/health reports the database', async () => {
      const res = await get('/api/health');
      expect(res.statusCode).toBe(200);
      expect(res.json()).toMatchObject({ status: 'ok', database: backend.kind });
    });

    it('GET /api/units lists the units in force on a date', async () => {
      const before = (await get('/api/units?asOf=2025-06-30&level=commune')).json<{ asOf: string; units: UnitJson[] }>();
      expect(before.asOf).toBe('2025-06-30');
      expect(before.units).toHaveLength(161);
      expect(before.units.find((u) => u.code === '01273')).toMatchObject({ name: 'Phường Hợp Giang', parentCode: '040' });
      const after = (await get('/api/units?asOf=2025-07-01&level=commune')).json<{ units: UnitJson[] }>();
      expect(after.units).toHaveLength(56);
      expect(after.units.find((u) => u.code === '01273')).toMatchObject({ name: 'Phường Thục Phán', parentCode: '04' });
      expect((await get('/api/units?asOf=2025-07-01&level=district')).json<{ units: UnitJson[] }>().units).toEqual([]);
    });

    it('GET /api/units refuses an impossible date or level with a 400', async () => {
      const e = expectError(await get('/api/units?asOf=2025-02-30'), 400, 'VALIDATION');
      expect(e.message).toContain('asOf');
      expectError(await get('/api/units?asOf=2025-07-01&level=village'), 400, 'VALIDATION');
    });

    it('GET /api/units/:code gives a unit with where it came from', async () => {
      const res = await get('/api/units/01654?asOf=2025-07-01');
      expect(res.statusCode).toBe(200);
      const body = res.json<{ unit: UnitJson; predecessors: UnitJson[]; history: UnitJson[] }>();
      expect(body.unit).toMatchObject({ code: '01654', name: 'Xã Hòa An', parentCode: '04' });
      expect(body.predecessors.map((p) => p.code)).toEqual(['01654', '01666', '01687']);
      expect(body.history.map((h) => h.name)).toEqual(['Thị trấn Nước Hai', 'Xã Hòa An']);
      expectError(await get('/api/units/01666?asOf=2025-07-01'), 404, 'UNIT_NOT_IN_FORCE');
    });

    it('GET /api/sets lists every version with its summary', async () => {
      const res = await get('/api/sets');
      expect(res.statusCode).toBe(200);
      const body = res.json<{ sets: Record<string, unknown>[]; pending: unknown[] }>();
      const ntm = body.sets.find((s) => s.id === 'xa-ntm-2022')!;
      expect(ntm).toMatchObject({ decision: '318/QĐ-TTg', effectiveFrom: '2022-03-08', effectiveTo: '2024-02-29', unitLevel: 'commune', criteriaCount: 19 });
      expect(body.pending.length).toBeGreaterThan(0);
    });

    it('GET /api/sets/:id shows a set, and 404 SET_NOT_FOUND for an unknown id', async () => {
      const res = await get('/api/sets/xa-ntm-2022');
      expect(res.statusCode).toBe(200);
      const set = res.json<{ id: string; criteria: { code: string; indicators: unknown[] }[] }>();
      expect(set.id).toBe('xa-ntm-2022');
      expect(set.criteria).toHaveLength(19);
      const e = expectError(await get('/api/sets/khong-co'), 404, 'SET_NOT_FOUND');
      expect(e.message).toContain('khong-co');
    });
  });

  describe('POST /api/evaluate', () => {
    const body = (values: Record<string, unknown>, extra: Record<string, unknown> = {}) => ({ set: 'xa-ntm-2024', year: 2025, values, ...extra });

    it('evaluates values without storing them', async () => {
      const res = await post('/api/evaluate', body({ '3.1': 85, '3.2': 'met', '1.1': true }));
      expect(res.statusCode).toBe(200);
      const e = res.json<{
        set: string;
        region: string;
        indicators: Record<string, { status: string; threshold: unknown }>;
        criteria: Record<string, { status: string }>;
      }>();
      expect(e.set).toBe('xa-ntm-2024');
      expect(e.region).toBe('TDMNPB');
      expect(e.indicators['3.1']).toMatchObject({ status: 'met', threshold: 80 });
      expect(e.criteria['3']!.status).toBe('met');
      expect(e.indicators['2.1']).toMatchObject({ status: 'no-data' });
    });

    it('refuses a value of the wrong type with 400 INVALID_VALUE naming the code', async () => {
      const e = expectError(await post('/api/evaluate', body({ '3.1': 'tám mươi' })), 400, 'INVALID_VALUE');
      expect(e.message).toContain('3.1');
    });

    it('refuses unknown codes, a missing group and a year outside the period', async () => {
      expectError(await post('/api/evaluate', body({ '99.9': 1 })), 400, 'UNKNOWN_INDICATOR');
      expectError(await post('/api/evaluate', { set: 'xa-ntm-2026', year: 2026, values: {} }), 400, 'GROUP_REQUIRED');
      expectError(await post('/api/evaluate', body({}, { year: 2027 })), 400, 'YEAR_OUT_OF_PERIOD');
      expectError(await post('/api/evaluate', body({}, { set: 'khong-co' })), 404, 'SET_NOT_FOUND');
    });

    it('refuses a malformed body', async () => {
      expectError(await post('/api/evaluate', { set: 'xa-ntm-2024', values: {} }), 400, 'VALIDATION');
      expectError(await post('/api/evaluate', body({}, { region: 'MARS' })), 400, 'VALIDATION');
      const bad = await app.inject({ method: 'POST', url: '/api/evaluate', headers: { 'content-type': 'application/json' }, payload: '{"set": ' });
      expect(bad.statusCode).toBe(400);
      expect(bad.json<{ error: { code: string } }>().error.code).toBeTruthy();
      expect(bad.body).not.toContain('"stack"');
    });
  });

  describe('sessions', () => {
    it('logs in with a cookie, tells who is logged in, and logs out', async () => {
      const res = await post('/api/auth/login', { username: 'tinh', password: TEST_PASSWORD });
      expect(res.statusCode).toBe(200);
      expect(res.json()).toMatchObject({ user: { username: 'tinh', role: 'province' } });
      const cookie = res.cookies.find((c) => c.name === SESSION_COOKIE)!;
      expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Lax', path: '/' });
      expect(JSON.stringify(res.json())).not.toMatch(/password|hash/i);
      const cookies = { [SESSION_COOKIE]: cookie.value };
      const me = await get('/api/auth/me', cookies);
      expect(me.statusCode).toBe(200);
      expect(me.json()).toMatchObject({ user: { username: 'tinh', role: 'province' } });
      expect((await post('/api/auth/logout', {}, cookies)).statusCode).toBe(200);
      // The old cookie no longer opens a session.
      expectError(await get('/api/auth/me', cookies), 401, 'UNAUTHENTICATED');
    });

    it('refuses a wrong password or an unknown user alike (401 BAD_CREDENTIALS)', async () => {
      const wrong = expectError(await post('/api/auth/login', { username: 'tinh', password: 'sai-mat-khau' }), 401, 'BAD_CREDENTIALS');
      const unknown = expectError(await post('/api/auth/login', { username: 'khong-ai', password: 'sai-mat-khau' }), 401, 'BAD_CREDENTIALS');
      expect(wrong.message).toBe(unknown.message);
      expect((await post('/api/auth/login', { username: 'tinh', password: 'sai-mat-khau' })).cookies).toEqual([]);
    });

    it('ignores a forged session cookie', async () => {
      expectError(await get('/api/auth/me', { [SESSION_COOKIE]: 'gia-mao' }), 401, 'UNAUTHENTICATED');
    });
  });

  describe('overview and unit evaluation', () => {
    it('require a login (401)', async () => {
      expectError(await get('/api/overview?asOf=2025-07-01'), 401, 'UNAUTHENTICATED');
      expectError(await get('/api/units/01654/evaluation?asOf=2025-07-01'), 401, 'UNAUTHENTICATED');
    });

    it('show the province every commune', async () => {
      const cookies = await login(app, 'tinh', TEST_PASSWORD);
      const after = (await get('/api/overview?asOf=2025-07-01&year=2025', cookies)).json<{ rows: { code: string }[] }>();
      expect(after.rows).toHaveLength(56);
      const before = (await get('/api/overview?asOf=2025-06-30&year=2025', cookies)).json<{ rows: { code: string }[] }>();
      expect(before.rows).toHaveLength(161);
      expect(JSON.stringify(after.rows[0])).not.toContain('"id"');
    });

    it('keep the commune officer to their commune and the communes it was formed from', async () => {
      const cookies = await login(app, 'xa.hoaan', TEST_PASSWORD);
      const mine = (await get('/api/overview?asOf=2025-07-01&year=2025', cookies)).json<{ rows: { code: string; name: string }[] }>();
      expect(mine.rows.map((r) => [r.code, r.name])).toEqual([['01654', 'Hòa An']]);
      const old = (await get('/api/overview?asOf=2025-06-30&year=2025', cookies)).json<{ rows: { code: string }[] }>();
      expect(old.rows.map((r) => r.code).sort()).toEqual(['01654', '01666', '01687']);

      expect((await get('/api/units/01654/evaluation?asOf=2025-07-01&year=2025', cookies)).statusCode).toBe(200);
      expect((await get('/api/units/01666/evaluation?asOf=2025-06-30&year=2025', cookies)).statusCode).toBe(200);
      expectError(await get('/api/units/01304/evaluation?asOf=2025-07-01&year=2025', cookies), 403, 'FORBIDDEN');
      expectError(await get('/api/units/01304/evaluation?asOf=2025-06-30&year=2025', cookies), 403, 'FORBIDDEN');
      // The forbidden answer tells nothing of the other commune's results.
      expect((await get('/api/units/01304/evaluation?asOf=2025-07-01&year=2025', cookies)).body).not.toContain('criteriaMet');
    });

    it('return the evaluation of a unit with its set', async () => {
      const cookies = await login(app, 'xem', TEST_PASSWORD);
      const res = await get('/api/units/01654/evaluation?asOf=2025-07-01&year=2025', cookies);
      expect(res.statusCode).toBe(200);
      const body = res.json<{
        unit: { code: string };
        setInfo: { id: string };
        evaluation: { set: string; criteriaTotal: number };
        highest: { set: string } | null;
      }>();
      expect(body.unit.code).toBe('01654');
      expect(body.evaluation.set).toBe('xa-ntm-2024');
      expect(body.evaluation.criteriaTotal).toBe(19);
      expect(body.setInfo.id).toBe('xa-ntm-2024');
      expect(body.highest?.set).toBe('xa-kieu-mau-2022');
      expectError(await get('/api/units/01666/evaluation?asOf=2025-07-01', cookies), 404, 'UNIT_NOT_IN_FORCE');
    });
  });

  describe('writing', () => {
    it('POST /api/sets/import: a bad file is refused naming the file and path, a good one is added once', async () => {
      const cookies = await login(app, 'tinh', TEST_PASSWORD);
      const set = buildSet({ id: `api-${backend.kind}`, family: `api-${backend.kind}` });
      const upload = async (name: string, value: unknown) => app.inject({ ...(await importRequest(name, jsonFile(value), 'thử')), cookies });
      const broken = { ...set, id: `api-hong-${backend.kind}`, dimension: 'tinh' };
      const e = expectError(await upload('bo-hong.json', broken), 400, 'INVALID_CRITERIA_FILE');
      expect(e.message).toContain('bo-hong.json');
      expect(e.details).toMatchObject({ file: 'bo-hong.json', path: 'dimension' });
      expectError(await get(`/api/sets/${broken.id}`), 404, 'SET_NOT_FOUND');

      const created = await upload('bo-moi.json', set);
      expect(created.statusCode, created.body).toBe(201);
      expect(created.json()).toMatchObject({ id: set.id, criteriaCount: 1 });
      expect((await get(`/api/sets/${set.id}`)).statusCode).toBe(200);
      expectError(await upload('bo-moi.json', set), 409, 'SET_EXISTS');
    });

    it('POST /api/units: adds a hamlet once, even when the form is sent twice at once', async () => {
      const cookies = await login(app, 'tinh', TEST_PASSWORD);
      const body = { parentCode: '01304', name: 'Nà Pồng', validFrom: '2025-07-01', legalBasis: 'Quyết định thử nghiệm' };
      const [a, b] = await Promise.all([post('/api/units', body, cookies), post('/api/units', body, cookies)]);
      expect([a.statusCode, b.statusCode].sort()).toEqual([201, 409]);
      expectError(a.statusCode === 409 ? a : b, 409, 'UNIT_EXISTS');
      const detail = (await get('/api/units/01304?asOf=2025-07-01')).json<{ children: UnitJson[] }>();
      expect(detail.children.filter((c) => c.name === 'Xóm Nà Pồng')).toHaveLength(1);
      expectError(await post('/api/units', { ...body, name: 'Nà  pồng' }, cookies), 409, 'UNIT_EXISTS');
      expectError(await post('/api/units', { ...body, validFrom: '2025-02-30' }, cookies), 400, 'VALIDATION');
    });
  });

  it('answers unknown API paths with 404 in the shared error shape', async () => {
    expectError(await get('/api/khong-co'), 404, 'NOT_FOUND');
  });
});
