/**
 * The access matrix: every route the app registers, the status each kind of user gets. A route added without
 * a row here fails the test, so access is decided deliberately for each one.
 */
import ExcelJS from 'exceljs';
import type { FastifyInstance } from 'fastify';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { isAction, POLICIES, type Policy } from '../../src/server/auth/policies.ts';
import { buildSet } from '../factories.ts';
import { backends } from './backends.ts';
import { login, startApp } from './http.ts';
import { importRequest, jsonFile } from './multipart.ts';

import { ACCOUNT, ROLES, everyone, matrixContext, one, provinceAndAdmin, signedIn, type Case, type Expected, type Role, type Row } from './access/cases.ts';
import { ASSESSMENT_ROWS } from './access/assessments.ts';
import { BOARD_ROWS } from './access/boards.ts';
import { AUDIT_ROWS } from './access/audit.ts';
import { DHIS2_ROWS } from './access/dhis2.ts';
import { WORKBOOK_ROWS } from './access/workbooks.ts';
import { EVIDENCE_ROWS } from './access/evidence.ts';
import { RECOGNITION_ROWS } from './access/recognition.ts';
import { PLAN_ROWS } from './access/plans.ts';
import { MAP_ROWS } from './access/maps.ts';

const importBody = async (role: Role) => {
  const set = buildSet({ id: `ma-tran-${role}`, family: `ma-tran-${role}` });
  return importRequest(`ma-tran-${role}.json`, jsonFile(set));
};

// The district account is the old Hoà An district (to 30/06/2025): its communes are in scope before the merger only.
const inScopeUnit = (role: Role) => (role === 'district' ? { code: '01657', asOf: '2025-06-01' } : { code: '01654', asOf: '2025-07-01' });
const hamlet = (role: Role, parentCode: string, suffix: string) => ({
  url: '/api/units',
  payload: { parentCode, name: `Ma trận ${role} ${suffix}`, validFrom: '2025-07-01', legalBasis: 'Quyết định thử nghiệm' },
});
/** The communes of a criteria results workbook: the code in the unit column, and the unit above it. */
async function reportRows(bytes: Buffer): Promise<{ code: string; parent: string }[]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  const out: { code: string; parent: string }[] = [];
  wb.worksheets[0]!.eachRow((row) => {
    const m = /\((\d{5})\)/.exec(row.getCell(2).text);
    if (m) out.push({ code: m[1]!, parent: row.getCell(3).text });
  });
  return out;
}
const overviewRows = (body: unknown) => (body as { rows: { code: string; parentCode: string | null }[] }).rows;

/** Keyed by "METHOD url" as registered. HEAD routes are checked against the GET row of their path. */
const MATRIX: Record<string, Row> = {
  // Each feature keeps its rows in its own file under access/.
  ...ASSESSMENT_ROWS,
  // evidence
  ...EVIDENCE_ROWS,
  // workbooks
  ...WORKBOOK_ROWS,
  // dhis2
  ...DHIS2_ROWS,
  // audit
  ...AUDIT_ROWS,
  // boards
  ...BOARD_ROWS,
  // recognition
  ...RECOGNITION_ROWS,
  // plans
  ...PLAN_ROWS,
  // maps
  ...MAP_ROWS,

  'GET /api/health': one({ request: () => ({ url: '/api/health' }), expected: everyone(200) }),
  'POST /api/auth/login': one({
    request: () => ({ url: '/api/auth/login', payload: { username: 'xem', password: 'chungsuc-demo' } }),
    expected: everyone(200),
  }),
  'POST /api/auth/logout': one({ request: () => ({ url: '/api/auth/logout' }), expected: everyone(200), ownSession: true }),
  'POST /api/auth/logout-all': one({ request: () => ({ url: '/api/auth/logout-all' }), expected: signedIn(200), ownSession: true, endsEverySession: true }),
  'GET /api/auth/me': one({ request: () => ({ url: '/api/auth/me' }), expected: signedIn(200) }),
  'GET /api/units': one({ request: () => ({ url: '/api/units?asOf=2025-07-01' }), expected: everyone(200) }),
  'POST /api/units': {
    'in scope': { request: (role) => hamlet(role, '01654', 'trong'), expected: provinceAndAdmin(201) },
    // Province staff hold the whole province; a province account held to one district is in access-guard.test.ts.
    'out of scope': { request: (role) => hamlet(role, '01304', 'ngoài'), expected: provinceAndAdmin(201) },
  },
  'GET /api/units/:code': one({ request: () => ({ url: '/api/units/01654?asOf=2025-07-01' }), expected: everyone(200) }),
  'GET /api/units/:code/evaluation': {
    'in scope': {
      request: (role) => ({ url: `/api/units/${inScopeUnit(role).code}/evaluation?asOf=${inScopeUnit(role).asOf}&year=2025` }),
      expected: signedIn(200),
    },
    'out of scope': {
      request: () => ({ url: '/api/units/01304/evaluation?asOf=2025-07-01&year=2025' }),
      expected: { anonymous: 401, viewer: 200, commune: 403, district: 403, province: 200, admin: 200 },
    },
  },
  'GET /api/sets': one({ request: () => ({ url: '/api/sets' }), expected: everyone(200) }),
  'GET /api/sets/:id': one({ request: () => ({ url: '/api/sets/xa-ntm-2024' }), expected: everyone(200) }),
  'POST /api/sets/import': one({ request: (role) => importBody(role), expected: provinceAndAdmin(201) }),
  // Withdraws the version the row above imported for the same account (rows run in this order).
  'POST /api/sets/:id/withdraw': one({
    request: (role) => ({ url: `/api/sets/ma-tran-${role}/withdraw`, payload: { reason: 'Kiểm tra ma trận quyền' } }),
    expected: provinceAndAdmin(200),
  }),
  'POST /api/evaluate': one({
    request: () => ({ url: '/api/evaluate', payload: { set: 'xa-ntm-2024', year: 2025, values: { '3.1': 90 } } }),
    expected: everyone(200),
  }),
  'GET /api/overview': {
    'after the merger': {
      request: () => ({ url: '/api/overview?asOf=2025-07-01&year=2025' }),
      expected: signedIn(200),
      shows: (role, body, all) => {
        const codes = overviewRows(body).map((r) => r.code);
        if (role === 'commune') expect(codes).toEqual(['01654']);
        else if (role === 'district') expect(codes).toEqual([]);
        else expect(codes).toEqual(overviewRows(all).map((r) => r.code));
      },
    },
    'before the merger': {
      request: () => ({ url: '/api/overview?asOf=2025-06-01&year=2025' }),
      expected: signedIn(200),
      shows: (role, body, all) => {
        const rows = overviewRows(body);
        if (role === 'district') {
          expect(rows.length).toBeGreaterThan(0);
          expect(rows.filter((r) => r.parentCode !== '051')).toEqual([]);
        } else if (role === 'commune') expect(rows.map((r) => r.code).sort()).toEqual(['01654', '01666', '01687']);
        else expect(rows.map((r) => r.code)).toEqual(overviewRows(all).map((r) => r.code));
      },
    },
  },
  // The same communes as the overview, as an official report in the reader's committee's name.
  'GET /api/overview/report': one({
    request: () => ({ url: '/api/overview/report?format=xlsx&asOf=2025-06-01&year=2025' }),
    expected: signedIn(200),
    shows: async (role, body, all) => {
      const rows = await reportRows(body as Buffer);
      if (role === 'district') {
        expect(rows.length).toBeGreaterThan(0);
        expect(rows.filter((r) => !r.parent.includes('Hoà An'))).toEqual([]);
      } else if (role === 'commune') expect(rows.map((r) => r.code).sort()).toEqual(['01654', '01666', '01687']);
      else expect(rows.map((r) => r.code)).toEqual((await reportRows(all as Buffer)).map((r) => r.code));
    },
  }),
  // API documentation is public.
  'GET /api/docs': one({ request: () => ({ url: '/api/docs' }), expected: everyone(200) }),
  'GET /api/docs/': one({ request: () => ({ url: '/api/docs/' }), expected: everyone(200) }),
  // The old address of the documentation page sends browsers to the current one.
  'GET /api/docs/static/index.html': one({ request: () => ({ url: '/api/docs/static/index.html' }), expected: everyone(302) }),
  'GET /api/docs/static/swagger-initializer.js': one({ request: () => ({ url: '/api/docs/static/swagger-initializer.js' }), expected: everyone(200) }),
  'GET /api/docs/static/*': one({ request: () => ({ url: '/api/docs/static/index.css' }), expected: everyone(200) }),
  'GET /api/docs/json': one({ request: () => ({ url: '/api/docs/json' }), expected: everyone(200) }),
  'GET /api/docs/yaml': one({ request: () => ({ url: '/api/docs/yaml' }), expected: everyone(200) }),
};

/**
 * Every "METHOD url" the app registers. Fastify has no route list, so every instance made during this file gets
 * an onRoute hook as soon as it is created, before buildApp registers anything.
 */
const registered = vi.hoisted(() => new Map<unknown, Map<string, unknown>>());
vi.mock('fastify', async (importOriginal) => {
  const mod = await importOriginal<typeof import('fastify')>();
  const create = ((opts?: object) => {
    const app = mod.default(opts);
    const routes = new Map<string, unknown>();
    registered.set(app, routes);
    app.addHook('onRoute', (r) => {
      for (const method of [r.method].flat()) routes.set(`${method} ${r.url}`, r.config?.access);
    });
    return app;
  }) as typeof mod.default;
  return { ...mod, default: create, fastify: create };
});

/** Every registered route (HEAD folded into the GET of the same path, which it answers like) with its action. */
function registeredRoutes(app: FastifyInstance): Map<string, unknown> {
  const out = new Map<string, unknown>();
  for (const [key, access] of registered.get(app) ?? []) out.set(key.replace(/^HEAD /, 'GET '), access);
  return out;
}

/** The cases a route's action needs: in and out of scope (or a list check) for a scoped action, one per state. */
function missingCases(action: unknown, row: Row): string[] {
  if (!isAction(action) || action === 'public') return [];
  const policy: Policy = POLICIES[action];
  const names = Object.keys(row);
  const missing = (policy.states ?? []).map((s) => `state: ${s}`).filter((n) => !names.includes(n));
  const listChecked = Object.values(row).some((c) => c.shows);
  if (policy.resource && !listChecked) missing.push(...['in scope', 'out of scope'].filter((n) => !names.includes(n)));
  return missing;
}

describe.each(backends)('access matrix on $name', (backend) => {
  let app: FastifyInstance;
  const sessions = new Map<Role, Record<string, string>>();
  beforeAll(async () => {
    const db = await backend.demo();
    app = await startApp(db);
    for (const role of ROLES) if (role !== 'anonymous') sessions.set(role, await login(app, ACCOUNT[role]));
    Object.assign(matrixContext, { app, db, admin: sessions.get('admin') });
  }, 300_000);

  it('has a row for every registered route, and no row for a route that does not exist', () => {
    const routes = registeredRoutes(app);
    expect([...routes.keys()]).toContain('GET /api/health');
    expect(
      [...routes.keys()].filter((r) => !(r in MATRIX)),
      'routes without a row in MATRIX',
    ).toEqual([]);
    expect(
      Object.keys(MATRIX).filter((k) => !routes.has(k)),
      'rows for routes that are not registered',
    ).toEqual([]);
  });

  it('has the scope and state cases that each route policy calls for', () => {
    const missing = [...registeredRoutes(app)].flatMap(([key, action]) => (MATRIX[key] ? missingCases(action, MATRIX[key]).map((c) => `${key}: ${c}`) : []));
    expect(missing, 'cases missing from MATRIX').toEqual([]);
  });

  const cookiesFor = async (role: Role, c: Case): Promise<Record<string, string> | undefined> => {
    if (role === 'anonymous') return undefined;
    return c.ownSession ? login(app, ACCOUNT[role]) : sessions.get(role);
  };

  const cases = Object.entries(MATRIX).flatMap(([key, row]) => Object.entries(row).map(([name, c]) => ({ key, name, c })));
  it.each(cases)('$key ($name)', async ({ key, c }) => {
    const method = key.split(' ')[0] as 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
    const actual = {} as Expected;
    const heads = {} as Expected;
    const bodies = new Map<Role, unknown>();
    Object.assign(matrixContext, { app, admin: sessions.get('admin') });
    await c.before?.();
    for (const role of ROLES) {
      const cookies = await cookiesFor(role, c);
      const res = await app.inject({ method, ...(await c.request(role)), ...(cookies ? { cookies } : {}) });
      actual[role] = res.statusCode;
      if (c.shows && res.statusCode < 300) bodies.set(role, String(res.headers['content-type']).startsWith('application/json') ? res.json() : res.rawPayload);
      if (method === 'GET') {
        const head = await app.inject({ method: 'HEAD', ...(await c.request(role)), ...(cookies ? { cookies } : {}) });
        heads[role] = head.statusCode;
      }
    }
    if (c.endsEverySession) for (const role of ROLES) if (role !== 'anonymous') sessions.set(role, await login(app, ACCOUNT[role]));
    expect(actual).toEqual(c.expected);
    if (method === 'GET') expect(heads, 'HEAD mirrors GET').toEqual(c.expected);
    for (const [role, body] of bodies) await c.shows!(role, body, bodies.get('admin'));
  });

  it('does not let the commune officer add a hamlet anywhere, even in their own commune', async () => {
    const res = await app.inject({
      method: 'POST',
      url: '/api/units',
      cookies: sessions.get('commune')!,
      payload: { parentCode: '01304', name: 'Xóm lạ', validFrom: '2025-07-01', legalBasis: 'Không có' },
    });
    expect(res.statusCode).toBe(403);
  });
});
