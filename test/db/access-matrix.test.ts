/**
 * The access matrix: every route the app registers, the status each kind of user gets. A route added without
 * a row here fails the test, so access is decided deliberately for each one.
 */
import type { FastifyInstance, InjectOptions } from 'fastify';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { buildSet } from '../factories.ts';
import { backends } from './backends.ts';
import { login, startApp } from './http.ts';

const ROLES = ['anonymous', 'viewer', 'commune', 'district', 'province', 'admin'] as const;
type Role = (typeof ROLES)[number];
type Expected = Record<Role, number>;

/** Demo account of each role (see src/seed/demo.ts). */
const ACCOUNT: Record<Exclude<Role, 'anonymous'>, string> = { viewer: 'xem', commune: 'xa.hoaan', district: 'huyen.hoaan', province: 'tinh', admin: 'admin' };

const everyone = (status: number): Expected => ({ anonymous: status, viewer: status, commune: status, district: status, province: status, admin: status });
const signedIn = (status: number): Expected => ({ ...everyone(status), anonymous: 401 });
const provinceAndAdmin = (status: number): Expected => ({ anonymous: 401, viewer: 403, commune: 403, district: 403, province: status, admin: status });

interface Row {
  /** The request made for the route (a route with parameters needs real values). */
  request: (role: Role) => InjectOptions;
  expected: Expected;
  /** The request ends the session it is made with, so it gets a session of its own. */
  ownSession?: boolean;
}

const importBody = (role: Role) => {
  const set = buildSet({ id: `ma-tran-${role}`, family: `ma-tran-${role}` });
  return { fileName: `ma-tran-${role}.json`, content: Buffer.from(JSON.stringify(set)).toString('base64') };
};

/** Keyed by "METHOD url" as registered. HEAD routes are checked against the GET row of their path. */
const MATRIX: Record<string, Row> = {
  'GET /api/health': { request: () => ({ url: '/api/health' }), expected: everyone(200) },
  'POST /api/auth/login': { request: () => ({ url: '/api/auth/login', payload: { username: 'xem', password: 'chungsuc-demo' } }), expected: everyone(200) },
  'POST /api/auth/logout': { request: () => ({ url: '/api/auth/logout' }), expected: everyone(200), ownSession: true },
  'GET /api/auth/me': { request: () => ({ url: '/api/auth/me' }), expected: signedIn(200) },
  'GET /api/units': { request: () => ({ url: '/api/units?asOf=2025-07-01' }), expected: everyone(200) },
  'POST /api/units': {
    request: (role) => ({
      url: '/api/units',
      payload: { parentCode: '01654', name: `Ma trận ${role}`, validFrom: '2025-07-01', legalBasis: 'Quyết định thử nghiệm' },
    }),
    expected: provinceAndAdmin(201),
  },
  'GET /api/units/:code': { request: () => ({ url: '/api/units/01654?asOf=2025-07-01' }), expected: everyone(200) },
  // Scope: the district account belongs to the old district (to 30/06/2025), not to the new commune.
  'GET /api/units/:code/evaluation': {
    request: () => ({ url: '/api/units/01654/evaluation?asOf=2025-07-01&year=2025' }),
    expected: { anonymous: 401, viewer: 200, commune: 200, district: 403, province: 200, admin: 200 },
  },
  'GET /api/sets': { request: () => ({ url: '/api/sets' }), expected: everyone(200) },
  'GET /api/sets/:id': { request: () => ({ url: '/api/sets/xa-ntm-2024' }), expected: everyone(200) },
  'POST /api/sets/import': { request: (role) => ({ url: '/api/sets/import', payload: importBody(role) }), expected: provinceAndAdmin(201) },
  'POST /api/evaluate': {
    request: () => ({ url: '/api/evaluate', payload: { set: 'xa-ntm-2024', year: 2025, values: { '3.1': 90 } } }),
    expected: everyone(200),
  },
  'GET /api/overview': { request: () => ({ url: '/api/overview?asOf=2025-07-01&year=2025' }), expected: signedIn(200) },
  // API documentation is public.
  'GET /api/docs': { request: () => ({ url: '/api/docs' }), expected: everyone(200) },
  'GET /api/docs/': { request: () => ({ url: '/api/docs/' }), expected: everyone(200) },
  // The old address of the documentation page sends browsers to the current one.
  'GET /api/docs/static/index.html': { request: () => ({ url: '/api/docs/static/index.html' }), expected: everyone(302) },
  'GET /api/docs/static/swagger-initializer.js': { request: () => ({ url: '/api/docs/static/swagger-initializer.js' }), expected: everyone(200) },
  'GET /api/docs/static/*': { request: () => ({ url: '/api/docs/static/index.css' }), expected: everyone(200) },
  'GET /api/docs/json': { request: () => ({ url: '/api/docs/json' }), expected: everyone(200) },
  'GET /api/docs/yaml': { request: () => ({ url: '/api/docs/yaml' }), expected: everyone(200) },
};

/**
 * Every "METHOD url" the app registers. Fastify has no route list, so every instance made during this file gets
 * an onRoute hook as soon as it is created, before buildApp registers anything.
 */
const registered = vi.hoisted(() => new Map<unknown, string[]>());
vi.mock('fastify', async (importOriginal) => {
  const mod = await importOriginal<typeof import('fastify')>();
  const create = ((opts?: object) => {
    const app = mod.default(opts);
    const routes: string[] = [];
    registered.set(app, routes);
    app.addHook('onRoute', (r) => {
      for (const method of [r.method].flat()) routes.push(`${method} ${r.url}`);
    });
    return app;
  }) as typeof mod.default;
  return { ...mod, default: create, fastify: create };
});

function registeredRoutes(app: FastifyInstance): string[] {
  return [...new Set(registered.get(app) ?? [])].sort();
}

describe.each(backends)('access matrix on $name', (backend) => {
  let app: FastifyInstance;
  const sessions = new Map<Role, Record<string, string>>();
  beforeAll(async () => {
    app = await startApp(await backend.demo());
    for (const role of ROLES) if (role !== 'anonymous') sessions.set(role, await login(app, ACCOUNT[role]));
  }, 300_000);

  it('has a row for every registered route, and no row for a route that does not exist', () => {
    const routes = registeredRoutes(app);
    expect(routes).toContain('GET /api/health');
    // A HEAD route answers like the GET route of the same path, so both are checked against the GET row.
    const keys = [...new Set(routes.map((r) => r.replace(/^HEAD /, 'GET ')))];
    expect(
      keys.filter((r) => !(r in MATRIX)),
      'routes without a row in MATRIX',
    ).toEqual([]);
    expect(
      Object.keys(MATRIX).filter((k) => !keys.includes(k)),
      'rows for routes that are not registered',
    ).toEqual([]);
  });

  const cookiesFor = async (role: Role, row: Row): Promise<Record<string, string> | undefined> => {
    if (role === 'anonymous') return undefined;
    return row.ownSession ? login(app, ACCOUNT[role]) : sessions.get(role);
  };

  it.each(Object.keys(MATRIX))('%s', async (key) => {
    const row = MATRIX[key]!;
    const method = key.split(' ')[0] as 'GET' | 'POST';
    const actual = {} as Expected;
    const heads = {} as Expected;
    for (const role of ROLES) {
      const cookies = await cookiesFor(role, row);
      const res = await app.inject({ method, ...row.request(role), ...(cookies ? { cookies } : {}) });
      actual[role] = res.statusCode;
      if (method === 'GET') {
        const head = await app.inject({ method: 'HEAD', ...row.request(role), ...(cookies ? { cookies } : {}) });
        heads[role] = head.statusCode;
      }
    }
    expect(actual).toEqual(row.expected);
    if (method === 'GET') expect(heads, 'HEAD mirrors GET').toEqual(row.expected);
  });

  it('shows the commune officer only their own commune in the overview', async () => {
    const res = await app.inject({ url: '/api/overview?asOf=2025-07-01&year=2025', cookies: sessions.get('commune')! });
    expect(res.json<{ rows: { code: string }[] }>().rows.map((r) => r.code)).toEqual(['01654']);
    const other = await app.inject({ url: '/api/units/01304/evaluation?asOf=2025-07-01&year=2025', cookies: sessions.get('commune')! });
    expect(other.statusCode).toBe(403);
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
