/** Access matrix rows of the audit trail (a unit's history of changes). */
import type { Role, Row } from './cases.ts';
import { signedIn } from './cases.ts';

const inScopeUnit = (role: Role) => (role === 'district' ? { code: '01657', asOf: '2025-06-01' } : { code: '01654', asOf: '2025-07-01' });

export const AUDIT_ROWS: Record<string, Row> = {
  'GET /api/units/:code/history': {
    'in scope': {
      request: (role) => ({ url: `/api/units/${inScopeUnit(role).code}/history?asOf=${inScopeUnit(role).asOf}` }),
      expected: signedIn(200),
    },
    'out of scope': {
      request: () => ({ url: '/api/units/01304/history?asOf=2025-07-01' }),
      expected: { anonymous: 401, viewer: 200, commune: 403, district: 403, province: 200, admin: 200 },
    },
  },
};
