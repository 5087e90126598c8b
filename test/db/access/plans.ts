/**
 * Access matrix rows of plans. The shipped plans are, in order: 1 Plan 2452/KH-UBND (the province, 04) and 2 Plan
 * 313/KH-UBND (Cao Bằng city, 040). The POST rows create a plan per account (the province's, then a plan of the old
 * Hoà An district 051); the PUT rows save those plans again at their current version.
 */
import { expect } from 'vitest';
import { matrixContext, signedIn, one, type Expected, type Role, type Row } from './cases.ts';

const plan = (role: Role, scope: string, date: string) => ({
  number: `${scope}-${role}/KH-MT`,
  date,
  issuer: 'UBND',
  title: `Kế hoạch thử quyền (${role})`,
  scope,
  period: { from: Number(date.slice(0, 4)), to: Number(date.slice(0, 4)) + 1 },
  targets: [
    {
      key: 'xa',
      kind: 'units-reach-tier',
      sentence: 'Phấn đấu 1 xã đạt chuẩn',
      deadline: `${Number(date.slice(0, 4)) + 1}-12-31`,
      counts: 'evaluation',
      scope,
      level: 'commune',
      tier: 'ntm',
      count: 1,
    },
  ],
});

const writers = (status: number, district: number): Expected => ({ anonymous: 401, viewer: 403, commune: 403, district, province: status, admin: status });

/** The current version and document of a plan, read with the admin session. */
async function current(match: (p: { id: number; number: string }) => boolean): Promise<{ id: number; version: number; document: unknown }> {
  const { app, admin } = matrixContext;
  const list = (await app!.inject({ url: '/api/plans', cookies: admin })).json<{ plans: { id: number; number: string }[] }>().plans;
  const found = list.find(match);
  if (!found) return { id: 2, version: 1, document: {} };
  return (await app!.inject({ url: `/api/plans/${found.id}`, cookies: admin })).json();
}

export const PLAN_ROWS: Record<string, Row> = {
  'GET /api/plans': one({
    request: () => ({ url: '/api/plans' }),
    expected: signedIn(200),
    shows: (_role, body) =>
      expect((body as { plans: { number: string }[] }).plans.map((p) => p.number)).toEqual(expect.arrayContaining(['2452/KH-UBND', '313/KH-UBND'])),
  }),
  'GET /api/plans/:id': one({ request: () => ({ url: '/api/plans/1' }), expected: signedIn(200) }),
  'GET /api/plans/:id/report': one({ request: () => ({ url: '/api/plans/2/report?format=xlsx&asOf=2025-06-30' }), expected: signedIn(200) }),
  'GET /api/plans/:id/progress': one({ request: () => ({ url: '/api/plans/2/progress?asOf=2025-06-30' }), expected: signedIn(200) }),
  'GET /api/plans/:id/revisions': one({ request: () => ({ url: '/api/plans/1/revisions' }), expected: signedIn(200) }),
  'POST /api/plans': {
    // The province's plan: outside the district account's unit.
    'out of scope': {
      request: (role) => ({ method: 'POST', url: '/api/plans', payload: { plan: plan(role, '04', '2026-02-01') } }),
      expected: writers(201, 403),
    },
    'in scope': { request: (role) => ({ method: 'POST', url: '/api/plans', payload: { plan: plan(role, '051', '2024-02-01') } }), expected: writers(201, 201) },
  },
  'PUT /api/plans/:id': {
    // Plan 313 of Cao Bằng city: outside the district account's unit (the old Hoà An district).
    'out of scope': {
      request: async () => {
        const p = await current((x) => x.number === '313/KH-UBND');
        return { method: 'PUT', url: `/api/plans/${p.id}`, payload: { version: p.version, plan: p.document } };
      },
      expected: writers(200, 403),
    },
    'in scope': {
      request: async (role) => {
        const p = await current((x) => x.number === `051-${role}/KH-MT`);
        return { method: 'PUT', url: `/api/plans/${p.id}`, payload: { version: p.version, plan: p.document } };
      },
      expected: writers(200, 200),
    },
  },
};
