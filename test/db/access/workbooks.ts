/** Access matrix rows of the Excel round trip (download a workbook, upload it back). */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseSetJson } from '../../../src/interchange/criteria/files.ts';
import { writeAssessmentWorkbook } from '../../../src/interchange/assessments/write.ts';
import { uploadRequest } from '../workbook-files.ts';
import { entryStaff, signedIn, type Role, type Row } from './cases.ts';

const FAMILY = 'xa-ntm-2021-2025';
const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');

// The district account is the old Hoà An district (to 30/06/2025): its communes are in scope before the merger only.
const inScope = (role: Role) => (role === 'district' ? { code: '01657', asOf: '2025-06-01' } : { code: '01654', asOf: '2025-07-01' });
const scopeOf = (role: Role) =>
  role === 'district' ? { code: '051', asOf: '2025-06-01' } : role === 'commune' ? { code: '01654', asOf: '2025-07-01' } : { code: '04', asOf: '2025-07-01' };

/**
 * A workbook with one sheet for `unit`; its one row has an unknown code, so an upload that passes the access checks
 * is answered 400 and stores nothing, whatever the demo holds.
 */
async function workbookFor(unit: { code: string; asOf: string }) {
  const set = parseSetJson(fs.readFileSync(path.join(ROOT, 'data/criteria/xa-ntm-2024.json'), 'utf8'), 'xa-ntm-2024.json');
  const bytes = await writeAssessmentWorkbook({
    scope: { code: unit.code, fullName: unit.code },
    family: FAMILY,
    year: 2025,
    asOf: unit.asOf,
    sheets: [
      {
        unit: { code: unit.code, fullName: unit.code, shortName: 'ma trận' },
        set: { ...set, criteria: [{ ...set.criteria[0]!, indicators: [{ ...set.criteria[0]!.indicators[0]!, code: 'khong-co' }] }] },
        version: 0,
        status: 'draft',
        current: {},
        context: { year: 2025 },
      },
    ],
  });
  return uploadRequest(`ma-tran-${unit.code}.xlsx`, bytes);
}

export const WORKBOOK_ROWS: Record<string, Row> = {
  'GET /api/workbooks/assessments/:unitCode/:family/:year': {
    'in scope': {
      request: (role) => ({ url: `/api/workbooks/assessments/${inScope(role).code}/${FAMILY}/2025?asOf=${inScope(role).asOf}` }),
      expected: signedIn(200),
    },
    'out of scope': {
      request: () => ({ url: `/api/workbooks/assessments/01304/${FAMILY}/2025?asOf=2025-07-01` }),
      expected: { anonymous: 401, viewer: 200, commune: 403, district: 403, province: 200, admin: 200 },
    },
  },
  'GET /api/workbooks/assessments/:family/:year': {
    'in scope': {
      request: (role) => ({ url: `/api/workbooks/assessments/${FAMILY}/2025?scope=${scopeOf(role).code}&asOf=${scopeOf(role).asOf}` }),
      expected: signedIn(200),
    },
    'out of scope': {
      request: () => ({ url: `/api/workbooks/assessments/${FAMILY}/2025?scope=04&asOf=2025-07-01` }),
      expected: { anonymous: 401, viewer: 200, commune: 403, district: 403, province: 200, admin: 200 },
    },
  },
  'POST /api/workbooks/assessments/import': {
    'in scope': { request: (role) => workbookFor(inScope(role)), expected: entryStaff(400) },
    'out of scope': {
      request: () => workbookFor({ code: '01304', asOf: '2025-07-01' }),
      expected: { anonymous: 401, viewer: 403, commune: 403, district: 403, province: 400, admin: 400 },
    },
  },
};
