import ExcelJS from 'exceljs';
import { DomainError } from '../../domain/errors.ts';
import { cellText, readCell, type CellRead } from './cells.ts';
import { COLUMNS, columnLetter, GUIDE_ID_ROWS, GUIDE_SHEET, HEADER_ROW, HEADERS, ID_COLUMN, ID_ROWS, TEMPLATE } from './layout.ts';
import { WORKBOOK_LIMITS } from './limits.ts';
import { checkWorkbookFile } from './file-check.ts';
import type { SheetProblem } from './problems.ts';

export interface SheetIdentity {
  unitCode: string;
  family: string;
  year: number;
  version: number;
  setId: string;
  asOf: string;
}

export interface InputRow {
  row: number;
  code: string;
  value: CellRead;
  note: CellRead;
}

export interface ParsedSheet {
  name: string;
  /** null: the sheet carries no identification of ours (an added sheet, or another template). */
  identity: SheetIdentity | null;
  rows: InputRow[];
}

export interface ParsedWorkbook {
  /** The guide sheet's list: what the workbook was downloaded for. null when the guide sheet is missing. */
  guide: { scope: string; family: string; year: number; asOf: string; units: string[] } | null;
  sheets: ParsedSheet[];
  /** Problems of structure found while reading (a changed header, values outside the table, too many rows). */
  problems: SheetProblem[];
}

function idOf(ws: ExcelJS.Worksheet, row: number): string {
  return cellText(ws.getCell(row, ID_COLUMN));
}

function readGuide(ws: ExcelJS.Worksheet): ParsedWorkbook['guide'] {
  const g = GUIDE_ID_ROWS;
  if (idOf(ws, g.template) !== TEMPLATE) return null;
  const count = Number(idOf(ws, g.count));
  const units: string[] = [];
  for (let i = 0; i < Math.min(Number.isInteger(count) ? count : 0, WORKBOOK_LIMITS.sheets); i++) units.push(idOf(ws, g.firstUnit + i));
  return { scope: idOf(ws, g.scope), family: idOf(ws, g.family), year: Number(idOf(ws, g.year)), asOf: idOf(ws, g.asOf), units };
}

function readIdentity(ws: ExcelJS.Worksheet): SheetIdentity | null {
  if (idOf(ws, ID_ROWS.template) !== TEMPLATE) return null;
  return {
    unitCode: idOf(ws, ID_ROWS.unitCode),
    family: idOf(ws, ID_ROWS.family),
    year: Number(idOf(ws, ID_ROWS.year)),
    version: Number(idOf(ws, ID_ROWS.version)),
    setId: idOf(ws, ID_ROWS.setId),
    asOf: idOf(ws, ID_ROWS.asOf),
  };
}

function checkHeader(ws: ExcelJS.Worksheet, problems: SheetProblem[]): boolean {
  for (const [key, col] of Object.entries(COLUMNS)) {
    const want = HEADERS[key as keyof typeof COLUMNS];
    if (cellText(ws.getCell(HEADER_ROW, col)) !== want) {
      problems.push({ sheet: ws.name, row: HEADER_ROW, column: columnLetter(col), message: `Tiêu đề cột phải là "${want}": trang tính không đúng mẫu phiếu` });
      return false;
    }
  }
  return true;
}

function readRows(ws: ExcelJS.Worksheet, problems: SheetProblem[]): InputRow[] {
  const rows: InputRow[] = [];
  if (ws.rowCount > WORKBOOK_LIMITS.sheetRows + HEADER_ROW) {
    problems.push({ sheet: ws.name, row: null, column: null, message: `Trang tính có ${ws.rowCount} dòng, quá giới hạn ${WORKBOOK_LIMITS.sheetRows} dòng` });
    return rows;
  }
  for (let r = HEADER_ROW + 1; r <= ws.rowCount; r++) {
    const row = ws.getRow(r);
    const code = cellText(row.getCell(COLUMNS.code));
    const value = readCell(row.getCell(COLUMNS.newValue));
    const note = readCell(row.getCell(COLUMNS.note));
    if (code) rows.push({ row: r, code, value, note });
    else if (value.t !== 'empty' || note.t !== 'empty')
      problems.push({
        sheet: ws.name,
        row: r,
        column: columnLetter(value.t !== 'empty' ? COLUMNS.newValue : COLUMNS.note),
        message: `Dòng ${r} không có mã chỉ tiêu (cột ${columnLetter(COLUMNS.code)}): giá trị ở dòng này không biết thuộc chỉ tiêu nào`,
      });
  }
  return rows;
}

/**
 * Reads an uploaded assessment workbook: the guide sheet's list of units and, for each sheet, its identification and
 * its input rows, without judging the values (that needs the stored assessments: see check.ts). Runs in a worker.
 */
export async function readAssessmentWorkbook(buf: Buffer, file: string): Promise<ParsedWorkbook> {
  checkWorkbookFile(buf, file, { inflate: true });
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(buf as unknown as ArrayBuffer);
  } catch (e) {
    throw new DomainError('WORKBOOK_INVALID', `Tệp "${file}" không đọc được như bảng tính Excel (.xlsx): tệp hỏng hoặc không phải bảng tính`, {
      file,
      problem: (e as Error).message,
      problems: [{ sheet: null, row: null, column: null, message: 'Tệp hỏng hoặc không phải bảng tính .xlsx' }],
    });
  }
  const problems: SheetProblem[] = [];
  const sheets: ParsedSheet[] = [];
  let guide: ParsedWorkbook['guide'] = null;
  let total = 0;
  for (const ws of wb.worksheets) {
    if (ws.name === GUIDE_SHEET && !guide) {
      guide = readGuide(ws);
      continue;
    }
    const identity = readIdentity(ws);
    const rows = identity && checkHeader(ws, problems) ? readRows(ws, problems) : [];
    total += rows.length;
    sheets.push({ name: ws.name, identity, rows });
  }
  if (sheets.length > WORKBOOK_LIMITS.sheets || total > WORKBOOK_LIMITS.totalRows)
    throw new DomainError('FILE_TOO_LARGE', `Tệp "${file}" có ${sheets.length} trang tính và ${total} dòng, quá giới hạn của một lần nạp`, {
      file,
      limit: sheets.length > WORKBOOK_LIMITS.sheets ? 'sheets' : 'totalRows',
      max: sheets.length > WORKBOOK_LIMITS.sheets ? WORKBOOK_LIMITS.sheets : WORKBOOK_LIMITS.totalRows,
    });
  return { guide, sheets, problems };
}
