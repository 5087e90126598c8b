/**
 * Access matrix rows of the assessment routes (values, workflow, history). Each state case first brings an
 * assessment into that state (as admin), then every account tries the same kind of request on it. The hamlet
 * cases use 2027, a year the demo has no assessments for, so each starts clean.
 */
import { sql } from 'drizzle-orm';
import type { InjectOptions } from 'fastify';
import { queryRows } from '../../../src/db/client.ts';
import { matrixContext as ctx, signedIn, type Expected, type Role, type Row } from './cases.ts';

const YEAR = 2027;
/** Transition cases need an assessment per account that succeeds: the same hamlets in later years. */
const Y2 = 2028;
const Y3 = 2029;
const hamletCache = new WeakMap<object, Map<string, string[]>>();

/** The demo hamlets of a commune in force after 1/7/2025, by code. */
async function hamletsOf(commune: string): Promise<string[]> {
  const db = ctx.db!;
  let byCommune = hamletCache.get(db);
  if (!byCommune) hamletCache.set(db, (byCommune = new Map<string, string[]>()));
  if (!byCommune.has(commune)) {
    const rows = await queryRows<{ code: string }>(
      db.db,
      sql`SELECT h.code FROM units h JOIN units c ON c.id = h.parent_id
           WHERE c.code = ${commune} AND h.level = 'hamlet' AND h.valid_from = '2025-07-01' ORDER BY h.code`,
    );
    byCommune.set(
      commune,
      rows.map((r) => r.code),
    );
  }
  return byCommune.get(commune)!;
}

const hamletUrl = async (n: number, commune = '01654', year = YEAR) => `/api/assessments/${(await hamletsOf(commune))[n]!}/xom-ntm-mau/${year}`;
/** Pre-merger communes of Hoà An district (in the district's and the commune officer's scope), a past year. */
const oldUrl = (code: '01666' | '01687') => `/api/assessments/${code}/xa-ntm-2021-2025/2023`;

async function admin(method: 'GET' | 'PUT' | 'POST', url: string, payload?: object): Promise<{ version: number; status: string }> {
  const res = await ctx.app!.inject({ method, url, cookies: ctx.admin!, ...(payload ? { payload } : {}) });
  if (res.statusCode >= 300) throw new Error(`${method} ${url}: ${res.statusCode} ${res.body}`);
  return res.json();
}
const versionOf = async (url: string) => (await admin('GET', url)).version;
const act = async (url: string, action: string, reason?: string) =>
  admin('POST', `${url}/transitions`, { action, version: await versionOf(url), ...(reason ? { reason } : {}) });

type State = 'draft' | 'submitted' | 'reviewed' | 'approved' | 'returned';

/** Brings an assessment into a state as admin: a value entered, then the workflow steps to it. */
async function bringTo(url: string, state: State, value: object): Promise<void> {
  const now = await admin('GET', url);
  if (now.status === 'approved') await act(url, 'reopen', 'Chuẩn bị kiểm tra quyền truy cập');
  if (now.status === 'submitted' || now.status === 'reviewed') await act(url, 'return', 'Chuẩn bị kiểm tra quyền truy cập');
  await admin('PUT', url, { version: await versionOf(url), values: value });
  if (state === 'draft') return;
  await act(url, 'submit');
  if (state === 'submitted') return;
  if (state === 'returned') return void (await act(url, 'return', 'Kiểm tra quyền: trả lại'));
  const underDistrict = url.includes('xa-ntm-2021-2025');
  if (underDistrict) await act(url, 'review');
  if (state === 'reviewed') return;
  await act(url, 'approve');
}

const ROLE_VALUE: Record<Role, number> = { anonymous: 11, viewer: 12, commune: 13, district: 14, province: 15, admin: 16 };

/** A PUT of one value on the assessment's current version (each account writes a value of its own). */
const putOn =
  (url: () => Promise<string>, code = '1.1') =>
  async (role: Role): Promise<InjectOptions> => {
    const u = await url();
    return { method: 'PUT', url: u, payload: { version: await versionOf(u), values: { [code]: ROLE_VALUE[role] } } };
  };

/** A transition on the assessment's current version; `urlFor` may give each account an assessment of its own. */
const stepOn =
  (urlFor: (role: Role) => Promise<string>, action: string, reason?: string) =>
  async (role: Role): Promise<InjectOptions> => {
    const u = await urlFor(role);
    return { method: 'POST', url: `${u}/transitions`, payload: { action, version: await versionOf(u), ...(reason ? { reason } : {}) } };
  };

const expect = (commune: number, district: number, province: number, adminStatus: number): Expected => ({
  anonymous: 401,
  viewer: 403,
  commune,
  district,
  province,
  admin: adminStatus,
});
const OLD_VALUE = { '2.1': 90 };
const HAMLET_VALUE = { '1.1': 50 };

/** Hamlet n of the demo commune for the commune officer and the province, hamlet n+1 for admin. */
const perAdmin = (n: number, year: number) => (role: Role) => hamletUrl(role === 'admin' ? n + 1 : n, '01654', year);

const readRow = (path: string): Row => ({
  'in scope': {
    request: async (role) => ({ url: role === 'district' ? `${oldUrl('01666')}${path}` : `${await hamletUrl(0)}${path}` }),
    expected: signedIn(200),
  },
  'out of scope': {
    request: async () => ({ url: `${await hamletUrl(0, '01304')}${path}` }),
    expected: { anonymous: 401, viewer: 200, commune: 403, district: 403, province: 200, admin: 200 },
  },
});

export const ASSESSMENT_ROWS: Record<string, Row> = {
  'GET /api/assessments/:unitCode/:family/:year': readRow(''),
  'GET /api/assessments/:unitCode/:family/:year/history': readRow('/history'),
  'PUT /api/assessments/:unitCode/:family/:year': {
    'in scope': {
      before: async () => bringTo(await hamletUrl(0), 'draft', HAMLET_VALUE),
      request: putOn(() => hamletUrl(0)),
      expected: expect(200, 403, 200, 200),
    },
    'out of scope': { request: putOn(() => hamletUrl(1, '01304')), expected: expect(403, 403, 200, 200) },
    'state: draft': {
      before: async () => bringTo(await hamletUrl(1), 'draft', HAMLET_VALUE),
      request: putOn(() => hamletUrl(1)),
      expected: expect(200, 403, 200, 200),
    },
    'state: submitted': {
      before: async () => bringTo(await hamletUrl(2), 'submitted', HAMLET_VALUE),
      request: putOn(() => hamletUrl(2)),
      expected: expect(409, 403, 409, 409),
    },
    // Reviewed exists only under a district: a pre-merger commune, in the district's and the commune officer's scope.
    'state: reviewed': {
      before: async () => bringTo(oldUrl('01666'), 'reviewed', OLD_VALUE),
      request: putOn(async () => oldUrl('01666'), '2.1'),
      expected: expect(409, 409, 409, 409),
    },
    'state: approved': {
      before: async () => bringTo(await hamletUrl(3), 'approved', HAMLET_VALUE),
      request: putOn(() => hamletUrl(3)),
      expected: expect(409, 403, 409, 409),
    },
    'state: returned': {
      before: async () => bringTo(await hamletUrl(4), 'returned', HAMLET_VALUE),
      request: putOn(() => hamletUrl(4)),
      expected: expect(200, 403, 200, 200),
    },
  },
  'POST /api/assessments/:unitCode/:family/:year/transitions': {
    // Submit: the commune officer and admin may; the province may not (403 by role), the district is out of scope.
    'in scope': {
      before: async () => {
        for (const n of [0, 1]) await bringTo(await hamletUrl(n, '01654', Y2), 'draft', HAMLET_VALUE);
      },
      request: stepOn(perAdmin(0, Y2), 'submit'),
      expected: expect(200, 403, 403, 200),
    },
    // Without a reason, return is refused once scope is known (400); outside it, 403 first.
    'out of scope': { request: stepOn(() => hamletUrl(2, '01304'), 'return'), expected: expect(403, 403, 400, 400) },
    'state: draft': {
      before: async () => {
        for (const n of [2, 3]) await bringTo(await hamletUrl(n, '01654', Y2), 'draft', HAMLET_VALUE);
      },
      request: stepOn(perAdmin(2, Y2), 'submit'),
      expected: expect(200, 403, 403, 200),
    },
    'state: submitted': {
      before: async () => {
        for (const n of [4, 5]) await bringTo(await hamletUrl(n, '01654', Y2), 'submitted', HAMLET_VALUE);
      },
      request: stepOn(perAdmin(4, Y2), 'approve'),
      expected: expect(403, 403, 200, 200),
    },
    'state: reviewed': {
      before: async () => {
        await bringTo(oldUrl('01666'), 'reviewed', OLD_VALUE);
        await bringTo(oldUrl('01687'), 'reviewed', OLD_VALUE);
      },
      request: stepOn(async (role) => oldUrl(role === 'admin' ? '01687' : '01666'), 'approve'),
      // The district reviewed it; only the province approves.
      expected: expect(403, 403, 200, 200),
    },
    'state: approved': {
      before: async () => {
        for (const n of [0, 1]) await bringTo(await hamletUrl(n, '01654', Y3), 'approved', HAMLET_VALUE);
      },
      request: stepOn(perAdmin(0, Y3), 'reopen', 'Kiểm tra quyền: mở lại'),
      expected: expect(403, 403, 200, 200),
    },
    'state: returned': {
      before: async () => {
        for (const n of [2, 3]) await bringTo(await hamletUrl(n, '01654', Y3), 'returned', HAMLET_VALUE);
      },
      request: stepOn(perAdmin(2, Y3), 'submit'),
      expected: expect(200, 403, 403, 200),
    },
  },
};
