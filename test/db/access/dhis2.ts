/** Access matrix rows of the DHIS2 interchange (mapping, dataValueSets). */
import { expect } from 'vitest';
import { dataElementSeed, generatedUid, orgUnitSeed } from '../../../src/interchange/dhis2/uid.ts';
import { entryStaff, one, provinceAndAdmin, signedIn, type Role, type Row } from './cases.ts';

// Identifiers of the generated mapping (nothing stored in the demo): the district account sees Hoà An's communes
// before the merger (01657, from the start of the records), the others the new Xã Hòa An (01654, from 1/7/2025).
const inScope = (role: Role) => (role === 'district' ? generatedUid(orgUnitSeed('01657', null)) : generatedUid(orgUnitSeed('01654', '2025-07-01')));
const outOfScope = generatedUid(orgUnitSeed('01304', '2025-07-01'));
const importRequest = (orgUnit: string) => ({
  url: '/api/dataValueSets?dryRun=true',
  payload: { dataValues: [{ dataElement: generatedUid(dataElementSeed('xa-ntm-2021-2025', '2.2')), period: '2025', orgUnit, value: '50' }] },
});
const conflicts = (body: unknown) => (body as { conflicts: { value: string }[] }).conflicts.map((c) => c.value).join(' | ');
const exportUrl = (uid: string) => `/api/dataValueSets?dataSet=xa-ntm-2021-2025&period=2025&orgUnit=${uid}`;

export const DHIS2_ROWS: Record<string, Row> = {
  'GET /api/dhis2/mappings': one({ request: () => ({ url: '/api/dhis2/mappings?kind=orgUnit' }), expected: provinceAndAdmin(200) }),
  // An empty mapping: the generated identifiers stay in force, so the other rows are not affected.
  'PUT /api/dhis2/mappings': one({ request: () => ({ url: '/api/dhis2/mappings', payload: { mappings: [] } }), expected: provinceAndAdmin(200) }),
  'GET /api/dataValueSets': {
    'in scope': { request: (role) => ({ url: exportUrl(inScope(role)) }), expected: signedIn(200) },
    'out of scope': {
      request: () => ({ url: exportUrl(outOfScope) }),
      expected: { anonymous: 401, viewer: 200, commune: 403, district: 403, province: 200, admin: 200 },
    },
  },
  // A value for a unit outside the scope is a conflict of the import summary (DHIS2's way), not a refused request.
  'POST /api/dataValueSets': {
    'in scope': { request: (role) => importRequest(inScope(role)), expected: entryStaff(200) },
    'out of scope': {
      request: () => importRequest(outOfScope),
      expected: entryStaff(200),
      shows: (role, body) => {
        if (role === 'commune' || role === 'district') expect(conflicts(body)).toMatch(/ngoài phạm vi/);
        else expect(conflicts(body)).not.toMatch(/ngoài phạm vi/);
      },
    },
  },
};
