/**
 * Fuzzing every registered route: generated path parameters, query strings and JSON bodies (with NUL, lone
 * surrogates, odd Unicode, wrong types), sent anonymously and as the administrator. No answer may be a 5xx, every
 * error must have the shared shape, and a 2xx body must match the route's response schema where it has one.
 * Bounded (FUZZ_RUNS per route and account) and seeded (FUZZ_SEED), so a failure can be replayed.
 */
import fc from 'fast-check';
import type { FastifyInstance, InjectOptions, LightMyRequestResponse, RouteOptions } from 'fastify';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import type { z } from 'zod';
import { DEFAULT_AUTH } from '../../src/server/auth/settings.ts';
import { errorBody } from '../../src/server/contracts.ts';
import { backends } from './backends.ts';
import { expectError, login, startApp } from './http.ts';
import { importRequest, jsonFile } from './multipart.ts';

const RUNS = Number(process.env.FUZZ_RUNS ?? 40);
const SEED = Number(process.env.FUZZ_SEED ?? 20261202);

interface CapturedRoute {
  method: string;
  url: string;
  schema: { body?: z.ZodType; querystring?: z.ZodType; params?: z.ZodType; response?: Record<string, unknown> } | undefined;
}

const registered = vi.hoisted(() => new Map<unknown, CapturedRoute[]>());
vi.mock('fastify', async (importOriginal) => {
  const mod = await importOriginal<typeof import('fastify')>();
  const create = ((opts?: object) => {
    const app = mod.default(opts);
    const routes: CapturedRoute[] = [];
    registered.set(app, routes);
    app.addHook('onRoute', (r: RouteOptions) => {
      for (const method of [r.method].flat()) if (method !== 'HEAD') routes.push({ method, url: r.url, schema: r.schema as CapturedRoute['schema'] });
    });
    return app;
  }) as typeof mod.default;
  return { ...mod, default: create, fastify: create };
});

/** Strings meant to break things: NUL, lone surrogates, any code point, and a few values that pass validation. */
const nasty = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 12 }),
  fc.string({ unit: fc.constantFrom('\u0000', '\uD800', '\uDC00', '\uFFFF', 'a', 'Ă', 'ờ', '😀', '%', '/', '?', '#', '&', '=', '.', ' ', '\n'), maxLength: 8 }),
  fc.constantFrom('', '2025-07-01', '2025-02-30', '01654', '04', 'xa-ntm-2024', 'commune', 'hamlet', '2025', 'admin', 'chungsuc-demo'),
);
const json: fc.Arbitrary<unknown> = fc.letrec<{ v: unknown }>((tie) => ({
  v: fc.oneof(
    { depthSize: 'small' },
    nasty,
    fc.integer(),
    fc.double(),
    fc.boolean(),
    fc.constant(null),
    fc.array(tie('v'), { maxLength: 3 }),
    fc.dictionary(nasty, tie('v'), { maxKeys: 3 }),
  ),
})).v;

const shapeKeys = (schema: unknown): string[] => Object.keys((schema as { shape?: object } | undefined)?.shape ?? {});

/** Percent-encodes a string for a URL, lone surrogates included (as the bytes a careless client would send). */
function encode(s: string): string {
  let out = '';
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    const pair = c >= 0xd800 && c <= 0xdbff && i + 1 < s.length && (s.charCodeAt(i + 1) & 0xfc00) === 0xdc00;
    if (pair) out += encodeURIComponent(s.slice(i, ++i + 1));
    else if (c >= 0xd800 && c <= 0xdfff)
      out += [0xe0 | (c >> 12), 0x80 | ((c >> 6) & 0x3f), 0x80 | (c & 0x3f)].map((b) => `%${b.toString(16).toUpperCase()}`).join('');
    else out += encodeURIComponent(s[i]!);
  }
  return out;
}

interface FuzzRequest {
  method: string;
  url: string;
  headers?: Record<string, string>;
  payload?: string;
}

function requestFor(route: CapturedRoute): fc.Arbitrary<FuzzRequest> {
  const params = (route.url.match(/:\w+|\*/g) ?? []).map(() => nasty);
  const query = fc.dictionary(fc.oneof(fc.constantFrom(...shapeKeys(route.schema?.querystring), 'asOf', 'x'), nasty), nasty, { maxKeys: 3 });
  const bodyKeys = shapeKeys(route.schema?.body);
  const body = bodyKeys.length ? fc.record(Object.fromEntries(bodyKeys.map((k) => [k, json])), { requiredKeys: [] }) : json;
  return fc.record({ params: fc.tuple(...params), query, body }).map(({ params: values, query: q, body: b }) => {
    let i = 0;
    const path = route.url.replace(/:\w+|\*/g, () => encode(values[i++] ?? ''));
    const qs = Object.entries(q)
      .map(([k, v]) => `${encode(k)}=${encode(v)}`)
      .join('&');
    const hasBody = route.method !== 'GET';
    return {
      method: route.method,
      url: `${path}${qs ? `?${qs}` : ''}`,
      ...(hasBody ? { headers: { 'content-type': 'application/json' }, payload: JSON.stringify(b) ?? 'null' } : {}),
    };
  });
}

function check(route: CapturedRoute, req: FuzzRequest, res: LightMyRequestResponse): void {
  const what = `${req.method} ${req.url} ${req.payload ?? ''} → ${res.statusCode} ${res.body.slice(0, 300)}`;
  expect(res.statusCode, what).toBeLessThan(500);
  const type = String(res.headers['content-type'] ?? '');
  if (res.statusCode >= 400) {
    expect(type, what).toContain('application/json');
    const body = res.json<object>();
    expect(Object.keys(body), what).toEqual(['error']);
    expect(errorBody.safeParse(body).success, what).toBe(true);
  } else if (res.statusCode < 300) {
    const schema = route.schema?.response?.[String(res.statusCode)] as z.ZodType | undefined;
    if (schema) expect(schema.safeParse(res.json()).success, what).toBe(true);
  }
}

describe.each(backends)('fuzzing every route on $name', (backend) => {
  let app: FastifyInstance;
  let admin: Record<string, string>;
  beforeAll(async () => {
    // Generated logins fail by the hundred from one address: throttling is tested in sessions.test.ts.
    const auth = { ...DEFAULT_AUTH, maxFailuresPerAccount: 1_000_000, maxFailuresPerAddress: 1_000_000 };
    app = await startApp(await backend.demo(), { auth });
    admin = await login(app, 'admin');
  }, 300_000);

  const routes = () => registered.get(app) ?? [];

  it('found the routes', () => {
    expect(routes().map((r) => `${r.method} ${r.url}`)).toEqual(expect.arrayContaining(['POST /api/auth/login', 'GET /api/units/:code', 'POST /api/units']));
  });

  it('refuses NUL and lone surrogates anywhere with a 400 naming the field, before login and validation', async () => {
    const bad = async (req: InjectOptions, field: string, label = field) => {
      const error = expectError(await app.inject(req), 400, 'INVALID_TEXT');
      expect(error.details).toMatchObject({ field });
      expect(error.message).toContain(label);
    };
    await bad({ method: 'POST', url: '/api/auth/login', payload: { username: 'ad\u0000min', password: 'x' } }, 'username', 'tên đăng nhập');
    await bad({ method: 'POST', url: '/api/evaluate', payload: { set: 'xa-ntm-2024', year: 2025, values: { '3.1': 'a\uD800' } } }, 'values.3.1');
    await bad({ method: 'POST', url: '/api/evaluate', payload: { set: 'xa-ntm-2024', year: 2025, values: { 'x\uDC00': 1 } } }, 'values');
    await bad({ url: '/api/units?q=%00' }, 'q');
    await bad({ url: '/api/units/01%00' }, 'code', 'mã');
    const hamlet = { parentCode: '01654', name: 'Zzqx Nà\uD83D', validFrom: '2025-07-01', legalBasis: 'Quyết định thử nghiệm' };
    await bad({ method: 'POST', url: '/api/units', cookies: admin, payload: hamlet }, 'name', 'tên');
    const units = (await app.inject({ url: '/api/units?asOf=2025-07-01&q=Zzqx' })).json<{ units: unknown[] }>().units;
    expect(units, 'nothing written').toEqual([]);
    const upload = await importRequest('bo.json', jsonFile({}), 'ghi\u0000chú');
    await bad({ ...upload, cookies: admin }, 'note', 'ghi chú');
    const path = expectError(await app.inject({ url: '/api/units/%ED%A0%80' }), 400, 'INVALID_TEXT');
    expect(path.details).toMatchObject({ location: 'path' });
  });

  for (const who of ['anonymous', 'admin'] as const) {
    it(`answers generated requests without a 5xx, in the error shape (${who})`, async () => {
      for (const route of routes()) {
        const endsSession = route.url.startsWith('/api/auth/logout');
        await fc.assert(
          fc.asyncProperty(requestFor(route), async (req) => {
            const res = await app.inject({ ...req, ...(who === 'admin' ? { cookies: admin } : {}) });
            if (who === 'admin' && endsSession) admin = await login(app, 'admin');
            check(route, req, res);
          }),
          { numRuns: endsSession && who === 'admin' ? 5 : RUNS, seed: SEED, endOnFailure: true },
        );
      }
    }, 300_000);
  }
});
