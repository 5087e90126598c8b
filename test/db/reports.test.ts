/**
 * Official reports of a plan's progress: the PDF's text layer (read back with pdf.js) and the workbook's cells carry
 * the national motto, the issuing body, the number and date, every target with the figures of the progress route,
 * and the signature block, with Vietnamese diacritics intact. Bad requests are refused with the field named.
 */
import type { FastifyInstance } from 'fastify';
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import type { z } from 'zod';
import type { Database } from '../../src/db/client.ts';
import type { planListResponse, progressResponse } from '../../src/server/plans/schema.ts';
import { pdfText } from '../pdf-text.ts';
import { backends } from './backends.ts';
import { expectError, login, startApp } from './http.ts';

type Progress = z.infer<typeof progressResponse>;

describe.each(backends)('plan reports on $name', (backend) => {
  let app: FastifyInstance;
  let tinh: Record<string, string>;
  let plans: z.infer<typeof planListResponse>['plans'];
  beforeAll(async () => {
    const d: Database = await backend.demo();
    app = await startApp(d);
    tinh = await login(app, 'tinh');
    plans = (await app.inject({ url: '/api/plans', cookies: tinh })).json<z.infer<typeof planListResponse>>().plans;
  }, 300_000);

  const plan = (n: string) => plans.find((p) => p.number === n)!;
  const progress = async (id: number, asOf: string) => (await app.inject({ url: `/api/plans/${id}/progress?asOf=${asOf}`, cookies: tinh })).json<Progress>();

  it('writes Plan 2452’s progress as an official PDF whose text carries every target and its figures', async () => {
    const p = plan('2452/KH-UBND');
    const res = await app.inject({ url: `/api/plans/${p.id}/report?format=pdf&asOf=2025-06-30&date=2025-07-05&number=15/BC-UBND`, cookies: tinh });
    expect(res.statusCode, res.body.slice(0, 300)).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    expect(res.headers['content-disposition']).toMatch(/^attachment; filename=".*\.pdf"; filename\*=UTF-8''/);
    expect(res.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    const text = (await pdfText(res.rawPayload)).join('\n');
    const flat = text.replace(/\s+/g, ' ');
    expect(flat).toContain('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM');
    expect(flat).toContain('Độc lập - Tự do - Hạnh phúc');
    expect(flat).toContain('ỦY BAN NHÂN DÂN TỈNH CAO BẰNG');
    expect(flat).toContain('Số: 15/BC-UBND');
    expect(flat).toContain('Cao Bằng, ngày 05 tháng 07 năm 2025');
    expect(flat).toContain('BÁO CÁO');
    expect(flat).toContain('TM. ỦY BAN NHÂN DÂN');
    expect(flat).toContain('Nơi nhận:');
    const prog = await progress(p.id, '2025-06-30');
    expect(prog.targets.length).toBeGreaterThan(5);
    for (const t of prog.targets) {
      // The first words of each sentence (a table cell may wrap the rest), the goal and the current figure.
      expect(flat).toContain(t.sentence.split(/\s+/).slice(0, 4).join(' '));
      expect(flat).toContain(t.goalText);
      if (t.current !== null) expect(flat).toContain(t.currentText);
      if (t.forecast) expect(flat).toContain(t.forecast.statusLabel);
    }
  }, 120_000);

  it('leaves the number for the clerk when none is given, and writes Plan 313’s lineage notes', async () => {
    const p = plan('313/KH-UBND');
    const res = await app.inject({ url: `/api/plans/${p.id}/report?format=pdf&asOf=2025-12-31`, cookies: tinh });
    expect(res.statusCode, res.body.slice(0, 300)).toBe(200);
    const flat = (await pdfText(res.rawPayload)).join('\n').replace(/\s+/g, ' ');
    expect(flat).toMatch(/Số: \/BC-UBND/);
    expect(flat).toContain('ỦY BAN NHÂN DÂN THÀNH PHỐ CAO BẰNG');
    const prog = await progress(p.id, '2025-12-31');
    const hungDao = prog.targets.flatMap((t) => t.lineage).find((l) => l.includes('01705'));
    expect(hungDao).toBeDefined();
    expect(flat).toContain(hungDao!.split(/\s+/).slice(0, 5).join(' '));
  }, 120_000);

  it('writes the same report as a workbook: header cells, one row per target with the route’s figures, A4', async () => {
    const p = plan('2452/KH-UBND');
    const res = await app.inject({ url: `/api/plans/${p.id}/report?format=xlsx&asOf=2025-06-30&date=2025-07-05`, cookies: tinh });
    expect(res.statusCode, res.body.slice(0, 300)).toBe(200);
    expect(res.headers['content-type']).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const ws = wb.getWorksheet('Báo cáo')!;
    expect(ws.pageSetup.paperSize).toBe(9);
    const cells: string[] = [];
    ws.eachRow((row) => row.eachCell((c) => cells.push(c.text)));
    expect(cells).toContain('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM');
    expect(cells).toContain('ỦY BAN NHÂN DÂN TỈNH CAO BẰNG');
    expect(cells).toContain('Cao Bằng, ngày 05 tháng 07 năm 2025');
    expect(cells).toContain('TM. ỦY BAN NHÂN DÂN');
    const head = cells.indexOf('Chỉ tiêu (nguyên văn kế hoạch)');
    expect(head).toBeGreaterThan(0);
    const prog = await progress(p.id, '2025-06-30');
    let rowNo = 0;
    ws.eachRow((row, n) => {
      if (row.getCell(2).value === 'Chỉ tiêu (nguyên văn kế hoạch)') rowNo = n;
    });
    prog.targets.forEach((t, i) => {
      const row = ws.getRow(rowNo + 1 + i);
      expect(row.getCell(2).text).toContain(t.sentence);
      expect(row.getCell(4).value).toBe(t.goalText);
      if (t.current !== null) expect(row.getCell(5).value).toBe(t.currentText);
      if (t.forecast) expect(row.getCell(7).text).toContain(t.forecast.statusLabel);
    });
  }, 120_000);

  it('writes the criteria results of every commune the reader sees, with the overview’s figures, in the reader’s committee’s name', async () => {
    const overview = (await app.inject({ url: '/api/overview?asOf=2025-06-01&year=2025', cookies: tinh })).json<{
      rows: { code: string; criteriaMet: number | null; criteriaTotal: number | null }[];
    }>();
    expect(overview.rows.length).toBeGreaterThan(100);
    const res = await app.inject({ url: '/api/overview/report?format=xlsx&asOf=2025-06-01&year=2025', cookies: tinh });
    expect(res.statusCode, res.body.slice(0, 300)).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const ws = wb.worksheets[0]!;
    const byCode = new Map<string, string>();
    ws.eachRow((row) => {
      const m = /\((\d{5})\)/.exec(row.getCell(2).text);
      if (m) byCode.set(m[1]!, row.getCell(4).text);
    });
    expect(byCode.size).toBe(overview.rows.length);
    for (const r of overview.rows) expect(byCode.get(r.code)).toBe(r.criteriaMet === null ? '—' : `${r.criteriaMet}/${r.criteriaTotal}`);
    expect(ws.getCell(1, 1).text).toBe('ỦY BAN NHÂN DÂN TỈNH CAO BẰNG');

    const xa = await login(app, 'xa.hoaan');
    const own = await app.inject({ url: '/api/overview/report?format=pdf&asOf=2025-07-01&year=2025', cookies: xa });
    expect(own.statusCode, own.body.slice(0, 300)).toBe(200);
    const flat = (await pdfText(own.rawPayload)).join('\n').replace(/\s+/g, ' ');
    expect(flat).toContain('ỦY BAN NHÂN DÂN XÃ HÒA AN');
    expect(flat).toContain('(01654)');
    expect(flat).toContain('Tổng số: 1 đơn vị');
    expect(flat).toContain('Hòa An, ngày');
  }, 120_000);

  it('refuses an unknown format and a malformed number, naming the field', async () => {
    const p = plan('2452/KH-UBND');
    expect(expectError(await app.inject({ url: `/api/plans/${p.id}/report?format=docx`, cookies: tinh }), 400, 'VALIDATION').message).toMatch(/format/);
    expect(expectError(await app.inject({ url: `/api/plans/${p.id}/report?format=pdf&number=<b>`, cookies: tinh }), 400, 'VALIDATION').message).toMatch(
      /number/,
    );
    expect((await app.inject({ url: `/api/plans/999999/report?format=pdf`, cookies: tinh })).statusCode).toBe(404);
  });
});
