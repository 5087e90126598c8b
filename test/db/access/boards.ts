/** Access matrix rows of the status boards, the deadlines and the bulk actions. */
import { expect } from 'vitest';
import { matrixContext as ctx, provinceAndAdmin, signedIn, one, type Expected, type Role, type Row } from './cases.ts';

/** Reviewers only: the commune officer and viewers are refused before the body is read; each item has its own result. */
const reviewers: Expected = { anonymous: 401, viewer: 403, commune: 403, district: 200, province: 200, admin: 200 };
const OLD_FAMILY = 'xa-ntm-2021-2025';

async function asAdmin(method: 'GET' | 'PUT' | 'POST', url: string, payload?: object): Promise<{ version: number; status: string }> {
  const res = await ctx.app!.inject({ method, url, cookies: ctx.admin!, ...(payload ? { payload } : {}) });
  if (res.statusCode >= 300) throw new Error(`${method} ${url}: ${res.statusCode} ${res.body}`);
  return res.json();
}

/** Brings a pre-merger commune's assessment of a year to submitted (and reviewed, when asked) as admin. */
async function submitted(code: string, year: number, reviewed: boolean): Promise<void> {
  const url = `/api/assessments/${code}/${OLD_FAMILY}/${year}`;
  const step = async (action: string, reason?: string) =>
    asAdmin('POST', `${url}/transitions`, { action, version: (await asAdmin('GET', url)).version, ...(reason ? { reason } : {}) });
  let now = await asAdmin('GET', url);
  if (now.status === 'approved') now = await step('reopen', 'Chuẩn bị kiểm tra quyền truy cập');
  if (now.status === 'submitted' || now.status === 'reviewed') now = await step('return', 'Chuẩn bị kiểm tra quyền truy cập');
  await asAdmin('PUT', url, { version: now.version, values: { '2.1': 91 } });
  await step('submit');
  if (reviewed) await step('review');
}

/** Each reviewer takes the step that is theirs on an assessment of its own (2022 and 2024: years no other case uses). */
const MINE: Partial<Record<Role, { code: string; year: number; action: string }>> = {
  district: { code: '01666', year: 2022, action: 'review' },
  province: { code: '01687', year: 2022, action: 'approve' },
  admin: { code: '01666', year: 2024, action: 'approve' },
};
const bulkOn = async (role: Role) => {
  const m = MINE[role] ?? MINE.province!;
  const { version } = await asAdmin('GET', `/api/assessments/${m.code}/${OLD_FAMILY}/${m.year}`);
  return {
    method: 'POST' as const,
    url: '/api/boards/bulk',
    payload: { action: m.action, items: [{ unit: m.code, family: OLD_FAMILY, year: m.year, version }] },
  };
};
const results = (body: unknown) => (body as { results: { ok: boolean; status?: string; error?: { code: string } }[] }).results;

const boardRows = (body: unknown) => (body as { rows: { unit: { code: string; parentCode: string | null } }[] }).rows.map((r) => r.unit);

export const BOARD_ROWS: Record<string, Row> = {
  'GET /api/deadlines': one({ request: () => ({ url: '/api/deadlines?year=2025' }), expected: signedIn(200) }),
  'PUT /api/deadlines/:year': one({
    request: () => ({ method: 'PUT', url: '/api/deadlines/2031', payload: { deadlines: [{ submitBy: '2031-11-30' }] } }),
    expected: provinceAndAdmin(200),
  }),
  'GET /api/boards': {
    'after the merger': {
      request: () => ({ url: '/api/boards?asOf=2025-07-01&year=2025' }),
      expected: signedIn(200),
      shows: (role, body, all) => {
        const codes = boardRows(body).map((u) => u.code);
        if (role === 'commune') expect(codes).toEqual(['01654']);
        else if (role === 'district') expect(codes).toEqual([]);
        else expect(codes).toEqual(boardRows(all).map((u) => u.code));
        if (role === 'admin') expect(codes.length).toBeGreaterThan(40);
      },
    },
    'before the merger': {
      request: () => ({ url: '/api/boards?asOf=2025-06-01&year=2025' }),
      expected: signedIn(200),
      shows: (role, body, all) => {
        const units = boardRows(body);
        if (role === 'district') {
          expect(units.length).toBeGreaterThan(0);
          expect(units.filter((u) => u.parentCode !== '051')).toEqual([]);
        } else if (role === 'commune')
          // The communes Xã Hòa An was formed from (01654 was a town then: no commune set applies to it).
          expect(units.map((u) => u.code).sort()).toEqual(['01666', '01687']);
        else expect(units.map((u) => u.code)).toEqual(boardRows(all).map((u) => u.code));
      },
    },
  },
  'POST /api/boards/bulk': {
    'in scope': {
      before: async () => {
        await submitted('01666', 2022, false);
        await submitted('01687', 2022, true);
        await submitted('01666', 2024, true);
      },
      request: bulkOn,
      expected: reviewers,
      shows: (role, body) => {
        expect(results(body)).toEqual([expect.objectContaining({ ok: true, status: role === 'district' ? 'reviewed' : 'approved' })]);
      },
    },
    // A commune after the merger: outside the (pre-merger) district's scope, refused in its result; version 0 never
    // matches a stored assessment, so nobody changes it.
    'out of scope': {
      request: () => ({
        method: 'POST',
        url: '/api/boards/bulk',
        payload: { action: 'approve', items: [{ unit: '01304', family: OLD_FAMILY, year: 2025, version: 0 }] },
      }),
      expected: reviewers,
      shows: (role, body) => {
        const [r] = results(body);
        expect(r!.ok).toBe(false);
        if (role === 'district') expect(r!.error?.code).toBe('FORBIDDEN');
        else expect(r!.error?.code).not.toBe('FORBIDDEN');
      },
    },
  },
};
