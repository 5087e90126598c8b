/** Access matrix rows of the status boards, the deadlines and the bulk actions. */
import { expect } from 'vitest';
import { provinceAndAdmin, signedIn, one, type Row } from './cases.ts';

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
};
