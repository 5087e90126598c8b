/**
 * The Excel round trip (issue 8, point 7): a pre-filled workbook downloaded for a commune or the province, filled
 * in and uploaded back, stored all or nothing; the workbook LibreOffice Calc saved imports like Excel's.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { FastifyInstance } from 'fastify';
import { beforeAll, describe, expect, it } from 'vitest';
import { findUnitAsOf } from '../../src/db/repos/units.ts';
import { GUIDE_SHEET, COLUMNS } from '../../src/interchange/assessments/layout.ts';
import { buildUser } from '../factories.ts';
import { FIXTURE, TYPED } from '../fixtures/workbooks/make-libreoffice.ts';
import { backends } from './backends.ts';
import { expectError, login, startApp } from './http.ts';
import { editWorkbook, fillAll, loadWorkbook, plausible, rowOf, uploadRequest, writtenCounts } from './workbook-files.ts';
import type { Database } from '../../src/db/client.ts';

const FIXTURES = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../fixtures/workbooks');
const FAMILY = 'xa-ntm-2021-2025';
const ONE = `/api/workbooks/assessments/01654/${FAMILY}/2025?asOf=2025-07-01`;
const PROVINCE = `/api/workbooks/assessments/${FAMILY}/2025?scope=04&asOf=2025-07-01`;
const ASSESSMENT = `/api/assessments/01654/${FAMILY}/2025?asOf=2025-07-01`;

describe.each(backends)('Excel round trip on $name', (backend) => {
  let app: FastifyInstance;
  let database: Database;
  let commune: Record<string, string>;
  let province: Record<string, string>;

  beforeAll(async () => {
    database = await backend.shared();
    app = await startApp(database);
    const hoaAn = (await findUnitAsOf(database.db, '01654', '2025-07-01'))!;
    const caoBang = (await findUnitAsOf(database.db, '04', '2025-07-01'))!;
    const c = await buildUser(database.db, { role: 'commune', unit: hoaAn });
    const p = await buildUser(database.db, { role: 'province', unit: caoBang });
    commune = await login(app, c.username, c.password);
    province = await login(app, p.username, p.password);
  }, 300_000);

  it('gives a commune its workbook: the guide sheet and its own sheet, with what is stored and the version', async () => {
    const res = await app.inject({ url: ONE, cookies: commune });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-type']).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    expect(res.headers['content-disposition']).toContain(`phieu-danh-gia-01654-${FAMILY}-2025.xlsx`);
    const wb = await loadWorkbook(res.rawPayload);
    expect(wb.worksheets.map((w) => w.name)).toEqual([GUIDE_SHEET, '01654 Hòa An']);
    const ws = wb.worksheets[1]!;
    expect([rowOf(ws, '3.1').getCell(COLUMNS.threshold).text, rowOf(ws, '3.1').getCell(COLUMNS.confirmed).text]).toEqual(['≥ 80 %', 'chưa xác nhận']);
    // Hòa An is in the northern midlands and mountains (TDMNPB): its own row of a threshold set per region.
    expect(rowOf(ws, '15.3').getCell(COLUMNS.threshold).text).toBe('≤ 24 %');
    expect(rowOf(ws, '2.1').getCell(COLUMNS.threshold).text).toBe('(chưa có giá trị)');
  });

  it('imports the workbook LibreOffice Calc saved: every typed value lands, from the import, in one version', async () => {
    const before = await writtenCounts(database.db);
    const file = fs.readFileSync(path.join(FIXTURES, FIXTURE));
    const res = await app.inject({ ...(await uploadRequest(FIXTURE, file, { scope: '01654', family: FAMILY, year: '2025' })), cookies: commune });
    expect(res.statusCode, res.body).toBe(200);
    const report = res.json<{ sheets: { unitCode: string; version: number; counts: Record<string, number> }[]; totals: Record<string, number> }>();
    expect(report.sheets).toHaveLength(1);
    expect(report.sheets[0]).toMatchObject({ unitCode: '01654', version: 1 });
    expect(report.totals).toMatchObject({ imported: Object.keys(TYPED).length, updated: 0, cleared: 0, notes: 2 });
    const body = (await app.inject({ url: ASSESSMENT, cookies: commune })).json<{
      version: number;
      values: Record<string, { value: unknown; note: string | null }>;
    }>();
    expect(body.version).toBe(1);
    expect(body.values['1.1']!.value).toBe(true);
    expect(body.values['1.2']).toMatchObject({ value: false, note: 'Quy hoạch đang điều chỉnh' });
    expect(body.values['2.1']!.value).toBe(95);
    expect(body.values['2.2']!.value).toBe(87.5);
    expect(body.values['10']).toMatchObject({ value: 42.3, note: 'Số liệu Chi cục Thống kê' });
    expect(body.values['11']!.value).toBe(3.5);
    expect(body.values['3.2']!.value).toBe('met');
    const history = (await app.inject({ url: ASSESSMENT.replace('?', '/history?'), cookies: commune })).json<{ source: string; sourceRef?: string }[]>();
    expect(history.filter((h) => h.source === 'import').length).toBeGreaterThanOrEqual(Object.keys(TYPED).length);
    expect(history.every((h) => h.source !== 'import' || h.sourceRef === FIXTURE)).toBe(true);
    expect((await writtenCounts(database.db)).values).toBe(before.values + Object.keys(TYPED).length);
  });

  it('refuses the same file again once the assessment moved on: 409 naming the sheet, nothing written', async () => {
    const before = await writtenCounts(database.db);
    const file = fs.readFileSync(path.join(FIXTURES, FIXTURE));
    const err = expectError(await app.inject({ ...(await uploadRequest(FIXTURE, file)), cookies: commune }), 409, 'CONFLICT');
    expect(err.details).toMatchObject({ problems: [{ sheet: '01654 Hòa An', message: expect.stringContaining('đã được lưu sau khi tải phiếu') as string }] });
    expect(await writtenCounts(database.db)).toEqual(before);
  });

  it('round-trips the province workbook: one sheet per commune, every sheet stored in one transaction', async () => {
    const res = await app.inject({ url: PROVINCE, cookies: province });
    expect(res.statusCode, res.body).toBe(200);
    const wb = await loadWorkbook(res.rawPayload);
    const sheets = wb.worksheets.slice(1);
    expect(sheets.length).toBeGreaterThan(40);
    expect(sheets.every((s) => /^\d{5} /.test(s.name))).toBe(true);
    // Hòa An's sheet already carries the values imported above; fill the other communes.
    const others = await editWorkbook(res.rawPayload, (w) => fillAll(w, (_code, threshold, unit) => plausible(threshold, unit)));
    const out = await app.inject({ ...(await uploadRequest('tinh.xlsx', others, { scope: '04', year: '2025' })), cookies: province });
    expect(out.statusCode, out.body).toBe(200);
    const report = out.json<{ sheets: { unitCode: string; counts: { imported: number; updated: number } }[] }>();
    expect(report.sheets).toHaveLength(sheets.length);
    expect(report.sheets.filter((s) => s.unitCode !== '01654').every((s) => s.counts.imported > 0)).toBe(true);
  });
});
