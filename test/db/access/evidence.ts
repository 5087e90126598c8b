/**
 * Access matrix rows of the evidence routes. Rows run in order on one database: the uploads below store the
 * database's first files, which the download rows then ask for by number (evidence_files starts empty in the demo).
 */
import { pdfFile } from '../../evidence-files.ts';
import { evidenceUpload } from '../evidence-request.ts';
import { entryStaff, signedIn, type Role, type Row } from './cases.ts';

/** Each account writes to an assessment no one else touches, so that version 0 (none yet) is the current one. */
const IN_SCOPE: Record<Role, { unit: string; family: string; year: number; asOf?: string }> = {
  anonymous: { unit: '01654', family: 'xa-ntm-2026-2030', year: 2030 },
  viewer: { unit: '01654', family: 'xa-ntm-2026-2030', year: 2030 },
  commune: { unit: '01654', family: 'xa-ntm-2026-2030', year: 2030 },
  // The old Hoà An district's own assessment, before the 1/7/2025 reorganisation (the demo has none).
  district: { unit: '051', family: 'huyen-ntm-2021-2025', year: 2024, asOf: '2025-06-01' },
  province: { unit: '01654', family: 'xa-ntm-2026-2030', year: 2029 },
  admin: { unit: '01654', family: 'xa-ntm-2026-2030', year: 2028 },
};
const outOfScope = (role: Role) => ({ unit: '01304', family: 'xa-ntm-2026-2030', year: role === 'admin' ? 2029 : 2030 });
const CODE = { 'xa-ntm-2026-2030': '1', 'huyen-ntm-2021-2025': '1' } as Record<string, string>;

const path = (a: { unit: string; family: string; year: number }) => `/api/assessments/${a.unit}/${a.family}/${a.year}`;
const query = (a: { asOf?: string }) => (a.asOf ? `?asOf=${a.asOf}` : '');

const uploadTo = (a: { unit: string; family: string; year: number; asOf?: string }, role: Role, where: string) =>
  evidenceUpload(`${path(a)}/evidence${query(a)}`, { code: CODE[a.family]!, version: 0 }, { name: `ma-tran-${role}-${where}.pdf`, content: pdfFile() });

export const EVIDENCE_ROWS: Record<string, Row> = {
  // Files 1–4: commune, district, province and admin in scope; 5–6: province and admin on commune 01304.
  'POST /api/assessments/:unitCode/:family/:year/evidence': {
    'in scope': { request: (role) => uploadTo(IN_SCOPE[role], role, 'trong'), expected: entryStaff(201) },
    'out of scope': {
      request: (role) => uploadTo(outOfScope(role), role, 'ngoai'),
      expected: { anonymous: 401, viewer: 403, commune: 403, district: 403, province: 201, admin: 201 },
    },
  },
  // Access passes in scope; the file is not attached to that code, hence 404 (nothing is changed).
  'DELETE /api/assessments/:unitCode/:family/:year/evidence/:fileId': {
    'in scope': {
      request: (role) => ({ url: `${path(IN_SCOPE[role])}/evidence/1?code=2&version=1${IN_SCOPE[role].asOf ? `&asOf=${IN_SCOPE[role].asOf}` : ''}` }),
      expected: entryStaff(404),
    },
    'out of scope': {
      request: (role) => ({ url: `${path(outOfScope(role))}/evidence/5?code=2&version=1` }),
      expected: { anonymous: 401, viewer: 403, commune: 403, district: 403, province: 404, admin: 404 },
    },
  },
  'GET /api/evidence/:id': {
    // File 1 belongs to commune 01654, file 2 to the old district, file 5 to commune 01304.
    'in scope': { request: (role) => ({ url: `/api/evidence/${role === 'district' ? 2 : 1}` }), expected: signedIn(200) },
    'out of scope': {
      request: () => ({ url: '/api/evidence/5' }),
      expected: { anonymous: 401, viewer: 200, commune: 403, district: 403, province: 200, admin: 200 },
    },
  },
};
