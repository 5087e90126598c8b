/**
 * Access matrix rows of the recognition register. The demo's sample dossiers are, in order (src/seed/recognition.ts):
 * 1 Xã Đại Tiến 01666 ntm 2022 (version 6), 2 Xã Hồng Việt 01687 ntm 2023 (6), 3 the same nang-cao 2024 (6),
 * 4 Xã Dân Chủ 01657 ntm 2021 revoked (7), 5 Xã Hòa An 01654 ntm 2025 in progress (3), 6 Xã Quảng Lâm 01304 ntm 2025
 * (5). The rows below create dossiers 7–10 (province then admin, in scope then out of scope) and take steps on them.
 */
import { expect } from 'vitest';
import { provinceAndAdmin, signedIn, type Role, type Row } from './cases.ts';

const codes = (body: unknown) => (body as { dossiers: { unit: { code: string } }[] }).dossiers.map((d) => d.unit.code);
const disagreeing = (body: unknown) => (body as { rows: { unit: { code: string; parentCode: string | null } }[] }).rows.map((r) => r.unit);
// The commune account holds Xã Hòa An and the communes it was formed from; the district account, the old Hoà An district.
const COMMUNE_SCOPE = ['01654', '01666', '01687'];
const HOA_AN_DISTRICT = ['01654', '01657', '01660', '01666', '01669', '01672', '01675', '01687', '01696', '01699', '01702', '01708', '01711', '01714', '01723'];

const forRole = <T>(role: Role, province: T, admin: T) => (role === 'admin' ? admin : province);
const outsideCommune = { anonymous: 401, viewer: 200, commune: 403, district: 403, province: 200, admin: 200 };

export const RECOGNITION_ROWS: Record<string, Row> = {
  'GET /api/recognitions': {
    register: {
      request: () => ({ url: '/api/recognitions?asOf=2025-07-01' }),
      expected: signedIn(200),
      shows: (role, body, all) => {
        if (role === 'commune') expect([...new Set(codes(body))].sort()).toEqual(COMMUNE_SCOPE);
        else if (role === 'district') expect(codes(body).every((c) => HOA_AN_DISTRICT.includes(c))).toBe(true);
        else expect(codes(body)).toEqual(codes(all));
        expect(codes(all)).toContain('01304');
      },
    },
  },
  'GET /api/recognitions/disagreements': {
    'after the merger': {
      request: () => ({ url: '/api/recognitions/disagreements?asOf=2025-07-01&year=2025' }),
      expected: signedIn(200),
      shows: (role, body, all) => {
        if (role === 'commune') expect(disagreeing(body).every((u) => u.code === '01654')).toBe(true);
        else if (role === 'district') expect(disagreeing(body)).toEqual([]);
        else expect(disagreeing(body)).toEqual(disagreeing(all));
      },
    },
    'before the merger': {
      request: () => ({ url: '/api/recognitions/disagreements?asOf=2025-06-01&year=2024' }),
      expected: signedIn(200),
      shows: (role, body, all) => {
        if (role === 'district') expect(disagreeing(body).every((u) => u.parentCode === '051')).toBe(true);
        else if (role === 'commune') expect(disagreeing(body).every((u) => COMMUNE_SCOPE.includes(u.code))).toBe(true);
        else expect(disagreeing(body)).toEqual(disagreeing(all));
      },
    },
  },
  'GET /api/recognitions/:id': {
    // Xã Đại Tiến: part of Xã Hòa An since 1/7/2025, and of the old Hoà An district.
    'in scope': { request: () => ({ url: '/api/recognitions/1' }), expected: signedIn(200) },
    'out of scope': { request: () => ({ url: '/api/recognitions/6' }), expected: outsideCommune },
  },
  'POST /api/recognitions': {
    'in scope': {
      request: (role) => ({ url: '/api/recognitions', payload: { unitCode: '01654', tier: forRole(role, 'nang-cao', 'kieu-mau'), year: 2025 } }),
      expected: provinceAndAdmin(201),
    },
    // Province staff hold the whole province.
    'out of scope': {
      request: (role) => ({ url: '/api/recognitions', payload: { unitCode: '01304', tier: forRole(role, 'nang-cao', 'kieu-mau'), year: 2025 } }),
      expected: provinceAndAdmin(201),
    },
  },
  'POST /api/recognitions/:id/steps': {
    'in scope': {
      request: (role) => ({ url: `/api/recognitions/${forRole(role, 7, 8)}/steps`, payload: { version: 1, kind: 'proposal', date: '2025-08-01' } }),
      expected: provinceAndAdmin(200),
    },
    'out of scope': {
      request: (role) => ({ url: `/api/recognitions/${forRole(role, 9, 10)}/steps`, payload: { version: 1, kind: 'proposal', date: '2025-08-01' } }),
      expected: provinceAndAdmin(200),
    },
  },
  'POST /api/recognitions/:id/revoke': {
    'in scope': {
      request: (role) => ({
        url: `/api/recognitions/${forRole(role, 2, 3)}/revoke`,
        payload: { version: 6, reason: 'Kiểm tra ma trận quyền', date: '2025-01-10' },
      }),
      expected: provinceAndAdmin(200),
    },
    'out of scope': {
      request: (role) => ({
        url: `/api/recognitions/${forRole(role, 6, 1)}/revoke`,
        payload: { version: forRole(role, 5, 6), reason: 'Kiểm tra ma trận quyền', date: forRole(role, '2026-01-10', '2025-01-10') },
      }),
      expected: provinceAndAdmin(200),
    },
  },
  'GET /api/units/:code/recognition': {
    'in scope': {
      request: (role) => ({ url: role === 'district' ? '/api/units/01657/recognition?asOf=2025-06-01' : '/api/units/01654/recognition?asOf=2025-07-01' }),
      expected: signedIn(200),
    },
    'out of scope': { request: () => ({ url: '/api/units/01304/recognition?asOf=2025-07-01' }), expected: outsideCommune },
  },
};
