/** Helpers for the Excel round-trip tests: upload requests, workbooks edited as an officer would, and row counts. */
import { sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { queryRows, type Db } from '../../src/db/client.ts';
import { COLUMNS, HEADER_ROW } from '../../src/interchange/assessments/layout.ts';

export const IMPORT_URL = '/api/workbooks/assessments/import';

/** A `multipart/form-data` workbook upload for `app.inject`, encoded the way a browser's FormData is. */
export async function uploadRequest(
  fileName: string,
  content: Buffer,
  fields: Record<string, string> = {},
  headers: Record<string, string> = {},
): Promise<{ url: string; method: 'POST'; payload: Buffer; headers: Record<string, string> }> {
  const form = new FormData();
  for (const [k, v] of Object.entries(fields)) form.append(k, v);
  form.append('file', new Blob([new Uint8Array(content)]), fileName);
  const encoded = new Request('http://localhost/', { method: 'POST', body: form });
  return {
    url: IMPORT_URL,
    method: 'POST',
    payload: Buffer.from(await encoded.arrayBuffer()),
    headers: { 'content-type': encoded.headers.get('content-type')!, ...headers },
  };
}

export async function loadWorkbook(buf: Buffer): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(buf as unknown as ArrayBuffer);
  return wb;
}

/** The workbook after `fn` changed it (a sheet removed or added, cells typed), written again by ExcelJS. */
export async function editWorkbook(buf: Buffer, fn: (wb: ExcelJS.Workbook) => void): Promise<Buffer> {
  const wb = await loadWorkbook(buf);
  fn(wb);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** The data row of an indicator code on a unit sheet. */
export function rowOf(ws: ExcelJS.Worksheet, code: string): ExcelJS.Row {
  for (let r = HEADER_ROW + 1; r <= ws.rowCount; r++) if (ws.getRow(r).getCell(COLUMNS.code).text === code) return ws.getRow(r);
  throw new Error(`no row for ${code} on ${ws.name}`);
}

/** Types a new value in every input row of every unit sheet: `value(code, threshold text, unit)` or nothing. */
export function fillAll(wb: ExcelJS.Workbook, value: (code: string, threshold: string, unit: string) => ExcelJS.CellValue | undefined): number {
  let n = 0;
  for (const ws of wb.worksheets.slice(1))
    for (let r = HEADER_ROW + 1; r <= ws.rowCount; r++) {
      const row = ws.getRow(r);
      const code = row.getCell(COLUMNS.code).text;
      if (!code) continue;
      const v = value(code, row.getCell(COLUMNS.threshold).text, row.getCell(COLUMNS.unit).text);
      if (v === undefined) continue;
      row.getCell(COLUMNS.newValue).value = v;
      n++;
    }
  return n;
}

/** A plausible value for a row: a number where the threshold is a bound or the row has a unit, else Đạt. */
export function plausible(threshold: string, unit = ''): ExcelJS.CellValue {
  return /[≥≤]/.test(threshold) || unit !== '' ? 50 : 'Đạt';
}

/** Rows of everything an import could write: a refused import must leave every count as it was. */
export async function writtenCounts(db: Db): Promise<{ assessments: number; values: number; events: number }> {
  const [row] = await queryRows<{ assessments: number; values: number; events: number }>(
    db,
    sql`SELECT (SELECT count(*)::int FROM assessments) AS assessments, (SELECT count(*)::int FROM assessment_values) AS "values",
               (SELECT count(*)::int FROM assessment_events) AS events`,
  );
  return row!;
}
