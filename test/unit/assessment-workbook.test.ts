import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { fieldIndex } from '../../src/domain/assessments/values.ts';
import { checkSheetRows } from '../../src/interchange/assessments/check.ts';
import { checkWorkbookFile } from '../../src/interchange/assessments/file-check.ts';
import { COLUMNS, GUIDE_SHEET, HEADER_ROW } from '../../src/interchange/assessments/layout.ts';
import { readAssessmentWorkbook } from '../../src/interchange/assessments/read.ts';
import { writeAssessmentWorkbook, type WorkbookInput } from '../../src/interchange/assessments/write.ts';
import { buildCriterion, buildIndicator, buildSet } from '../factories.ts';

const set = buildSet({
  id: 'thu-2025',
  family: 'thu',
  indicatorsPending: true,
  criteria: [
    buildCriterion({ code: '1', indicators: [buildIndicator({ code: '1.1', kind: 'min', unit: '%' }), buildIndicator({ code: '1.2', kind: 'boolean' })] }),
    buildCriterion({ code: '2', indicators: [buildIndicator({ code: '2.1', kind: 'max', unit: 'hộ' })] }),
    buildCriterion({ code: '3', indicators: [] }),
  ],
});

const stored80: Record<string, { value: number; note: string | null }> = { '1.1': { value: 80, note: 'cũ' }, '2.1': { value: 3, note: null } };

const input = (): WorkbookInput => ({
  scope: { code: '04', fullName: 'Tỉnh Cao Bằng' },
  family: 'thu',
  year: 2025,
  asOf: '2025-07-01',
  sheets: ['01654', '01657'].map((code, i) => ({
    unit: { code, fullName: `Xã Thử ${i}`, shortName: `Thử ${i}` },
    set,
    version: i,
    status: 'draft' as const,
    current: i === 0 ? stored80 : {},
    context: { year: 2025 },
  })),
});

async function edit(buf: Buffer, fn: (wb: ExcelJS.Workbook) => void): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(buf as unknown as ArrayBuffer);
  fn(wb);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

function rowOf(ws: ExcelJS.Worksheet, code: string): ExcelJS.Row {
  for (let r = HEADER_ROW + 1; r <= ws.rowCount; r++) if (ws.getRow(r).getCell(COLUMNS.code).value === code) return ws.getRow(r);
  throw new Error(`no row ${code}`);
}

describe('assessment workbook', () => {
  it('writes a guide sheet and one protected, printable sheet per unit, read back with its identification', async () => {
    const buf = await writeAssessmentWorkbook(input());
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(buf as unknown as ArrayBuffer);
    expect(wb.worksheets.map((w) => w.name)).toEqual([GUIDE_SHEET, '01654 Thử 0', '01657 Thử 1']);
    const ws = wb.worksheets[1]!;
    expect(ws.pageSetup).toMatchObject({ paperSize: 9, orientation: 'landscape', fitToWidth: 1, printTitlesRow: `${HEADER_ROW}:${HEADER_ROW}` });
    expect((ws as unknown as { sheetProtection: unknown }).sheetProtection).toMatchObject({ sheet: true });
    const r = rowOf(ws, '1.1');
    expect(r.getCell(COLUMNS.current).value).toBe('80');
    expect(r.getCell(COLUMNS.threshold).value).toBe('≥ 50 %');
    expect(r.getCell(COLUMNS.confirmed).value).toBe('đã đối chiếu văn bản');
    expect(r.getCell(COLUMNS.newValue).protection).toMatchObject({ locked: false });
    expect(r.getCell(COLUMNS.name).protection?.locked).not.toBe(false);
    expect(rowOf(ws, '1.2').getCell(COLUMNS.newValue).dataValidation).toMatchObject({ type: 'list' });
    expect(rowOf(ws, '3').getCell(COLUMNS.newValue).dataValidation).toMatchObject({ type: 'list' });

    const parsed = await readAssessmentWorkbook(buf, 'phieu.xlsx');
    expect(parsed.problems).toEqual([]);
    expect(parsed.guide).toEqual({ scope: '04', family: 'thu', year: 2025, asOf: '2025-07-01', units: ['01654', '01657'] });
    expect(parsed.sheets[0]!.identity).toEqual({ unitCode: '01654', family: 'thu', year: 2025, version: 0, setId: 'thu-2025', asOf: '2025-07-01' });
    expect(parsed.sheets[0]!.rows.map((x) => x.code)).toEqual(['1.1', '1.2', '2.1', '3']);
  });

  it('checks new values with the shared rules and counts what changes', async () => {
    const buf = await edit(await writeAssessmentWorkbook(input()), (wb) => {
      const ws = wb.worksheets[1]!;
      rowOf(ws, '1.1').getCell(COLUMNS.newValue).value = 92.5;
      rowOf(ws, '1.2').getCell(COLUMNS.newValue).value = 'Đạt';
      rowOf(ws, '2.1').getCell(COLUMNS.newValue).value = '(xoá)';
      rowOf(ws, '3').getCell(COLUMNS.newValue).value = 'Chưa đạt';
      rowOf(ws, '1.1').getCell(COLUMNS.note).value = null;
    });
    const sheet = (await readAssessmentWorkbook(buf, 'phieu.xlsx')).sheets[0]!;
    const stored = { '1.1': { value: 80, note: 'cũ' }, '2.1': { value: 3, note: null } };
    const out = checkSheetRows(sheet.name, sheet.rows, fieldIndex(set), stored, set.id);
    expect(out.problems).toEqual([]);
    expect(out.changes).toEqual({ values: { '1.1': 92.5, '1.2': true, '2.1': null }, criteria: { '3': 'not-met' }, notes: { '1.1': null } });
    expect(out.counts).toEqual({ imported: 2, updated: 1, cleared: 1, unchanged: 0, notes: 1 });
  });

  it('reports every bad cell by sheet, row and column', async () => {
    const buf = await edit(await writeAssessmentWorkbook(input()), (wb) => {
      const ws = wb.worksheets[1]!;
      rowOf(ws, '1.1').getCell(COLUMNS.newValue).value = 140;
      rowOf(ws, '1.2').getCell(COLUMNS.newValue).value = { formula: '1+1', result: 2 };
      rowOf(ws, '2.1').getCell(COLUMNS.newValue).value = 'nhiều';
      rowOf(ws, '3').getCell(COLUMNS.code).value = '9.9';
    });
    const sheet = (await readAssessmentWorkbook(buf, 'phieu.xlsx')).sheets[0]!;
    const out = checkSheetRows(sheet.name, sheet.rows, fieldIndex(set), {}, set.id);
    expect(out.problems.map((p) => [p.sheet, p.column, p.message])).toEqual([
      ['01654 Thử 0', 'H', 'Chỉ tiêu 1.1: tỷ lệ phải từ 0 đến 100 %, nhận được 140'],
      ['01654 Thử 0', 'H', 'Chỉ tiêu 1.2: ô chứa công thức: hãy nhập giá trị (dán dạng giá trị), không dùng công thức'],
      ['01654 Thử 0', 'H', 'Chỉ tiêu 2.1: "nhiều" không phải là số'],
      ['01654 Thử 0', 'B', 'Mã chỉ tiêu "9.9" không có trong bộ tiêu chí thu-2025'],
    ]);
    expect(out.problems.every((p) => typeof p.row === 'number')).toBe(true);
  });

  it('refuses files that are not workbooks before reading them', () => {
    const pdf = Buffer.from('%PDF-1.7\n1 0 obj\n');
    expect(() => checkWorkbookFile(pdf, 'phieu.xlsx')).toThrow(/nội dung không phải bảng tính .xlsx \(là tài liệu PDF\)/);
    expect(() => checkWorkbookFile(pdf, 'phieu.csv')).toThrow(/đuôi .xlsx/);
    expect(() => checkWorkbookFile(Buffer.from('PK\u0003\u0004garbage'), 'phieu.xlsx')).toThrow(/bị hỏng/);
  });
});
