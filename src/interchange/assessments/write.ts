import ExcelJS from 'exceljs';
import { entryFields, STATUS_LABELS, valueText, type EntryField } from '../../domain/assessments/values.ts';
import { STATE_LABELS, type AssessmentState } from '../../domain/assessments/workflow.ts';
import type { CriteriaSet } from '../../domain/criteria/schema.ts';
import type { ThresholdContext } from '../../domain/criteria/thresholds.ts';
import type { InputValue } from '../../domain/evaluation/types.ts';
import { CLEAR_WORD, COLUMNS, GUIDE_ID_ROWS, GUIDE_SHEET, HEADER_ROW, HEADERS, ID_COLUMN, ID_ROWS, TEMPLATE, sheetName } from './layout.ts';
import { thresholdText } from './threshold-text.ts';
import { GUIDE_LINES } from './guide.ts';

/** One unit's sheet: the pinned set version, the stored values and where the assessment stands. */
export interface UnitSheet {
  unit: { code: string; fullName: string; shortName: string };
  set: CriteriaSet;
  version: number;
  status: AssessmentState;
  /** Stored value and note by field code (indicator values and criteria's direct statuses alike). */
  current: Record<string, { value: InputValue; note: string | null }>;
  /** The threshold column of the unit (region, commune group). */
  context: ThresholdContext;
}

export interface WorkbookInput {
  /** The province or district the workbook covers, or the unit itself for a one-unit workbook. */
  scope: { code: string; fullName: string };
  family: string;
  year: number;
  /** The date the units were taken in force on; the upload resolves the same units. */
  asOf: string;
  sheets: UnitSheet[];
}

const HEADER_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE2EFDA' } };
const CRITERION_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFF2F2F2' } };
const INPUT_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFFF2CC' } };
const THIN: Partial<ExcelJS.Border> = { style: 'thin', color: { argb: 'FFBFBFBF' } };
const BORDER: Partial<ExcelJS.Borders> = { top: THIN, left: THIN, bottom: THIN, right: THIN };
const WIDTHS: Record<keyof typeof COLUMNS, number> = {
  criterion: 8,
  code: 9,
  name: 48,
  unit: 9,
  threshold: 15,
  confirmed: 14,
  current: 14,
  newValue: 14,
  note: 28,
};

/** A4, landscape, one page wide, the header row repeated on every page (printed as the commune files it). */
function pageSetup(ws: ExcelJS.Worksheet): void {
  ws.pageSetup = {
    paperSize: 9,
    orientation: 'landscape',
    fitToPage: true,
    fitToWidth: 1,
    fitToHeight: 0,
    horizontalCentered: true,
    margins: { left: 0.4, right: 0.4, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 },
    printTitlesRow: `${HEADER_ROW}:${HEADER_ROW}`,
  };
  ws.headerFooter = { oddFooter: '&L&A&RTrang &P/&N' };
}

/** Sheet protection without a password: structure cells are kept from slips, not from a determined user. */
async function protect(ws: ExcelJS.Worksheet): Promise<void> {
  await ws.protect('', { selectLockedCells: true, selectUnlockedCells: true, formatColumns: true, formatRows: true });
}

function writeIdentity(ws: ExcelJS.Worksheet, cells: Record<string, { row: number; value: string | number }>): void {
  for (const { row, value } of Object.values(cells)) ws.getCell(row, ID_COLUMN).value = value;
  ws.getColumn(ID_COLUMN).hidden = true;
}

function titleRows(ws: ExcelJS.Worksheet, input: WorkbookInput, s: UnitSheet): void {
  ws.mergeCells(1, 1, 1, COLUMNS.note);
  const title = ws.getCell(1, 1);
  title.value = `Phiếu nhập số liệu đánh giá: ${s.unit.fullName} (mã ${s.unit.code})`;
  title.font = { bold: true, size: 14 };
  const lines: [string, string][] = [
    ['Bộ tiêu chí', `${s.set.name} (họ ${input.family}, phiên bản ${s.set.id})`],
    ['Năm đánh giá', String(input.year)],
    ['Bản đánh giá', `phiên bản ${s.version}, trạng thái "${STATE_LABELS[s.status]}"`],
    ['Cách nhập', `Chỉ nhập ở cột "${HEADERS.newValue}" và "${HEADERS.note}" (ô màu vàng). Để trống: giữ nguyên; ${CLEAR_WORD}: xoá giá trị.`],
    ['Tải về ngày', input.asOf.split('-').reverse().join('/')],
  ];
  lines.forEach(([label, text], i) => {
    ws.getCell(2 + i, 1).value = label;
    ws.getCell(2 + i, 1).font = { bold: true };
    ws.mergeCells(2 + i, 2, 2 + i, COLUMNS.note);
    ws.getCell(2 + i, 2).value = text;
  });
}

function validationFor(field: EntryField): ExcelJS.DataValidation | undefined {
  const list = (items: string[]): ExcelJS.DataValidation => ({
    type: 'list',
    allowBlank: true,
    formulae: [`"${[...items, CLEAR_WORD].join(',')}"`],
    showErrorMessage: true,
    errorStyle: 'warning',
  });
  if (field.entry === 'yes-no') return list(['Đạt', 'Chưa đạt']);
  if (field.entry === 'status') return list(field.statuses.map((s) => STATUS_LABELS[s]));
  return undefined;
}

function dataRows(ws: ExcelJS.Worksheet, s: UnitSheet): void {
  const header = ws.getRow(HEADER_ROW);
  for (const [key, col] of Object.entries(COLUMNS)) header.getCell(col).value = HEADERS[key as keyof typeof COLUMNS];
  header.font = { bold: true };
  header.alignment = { wrapText: true, vertical: 'middle' };
  for (let c = 1; c <= COLUMNS.note; c++) {
    header.getCell(c).fill = HEADER_FILL;
    header.getCell(c).border = BORDER;
  }
  const names = new Map(s.set.criteria.map((c) => [c.code, c.name]));
  let row = HEADER_ROW + 1;
  let criterion = '';
  for (const field of entryFields(s.set)) {
    if (field.criterion !== criterion) {
      criterion = field.criterion;
      const r = ws.getRow(row++);
      r.values = [criterion, null, names.get(criterion) ?? ''];
      r.font = { bold: true };
      for (let c = 1; c <= COLUMNS.note; c++) r.getCell(c).fill = CRITERION_FILL;
    }
    fieldRow(ws.getRow(row++), field, s);
  }
}

function fieldRow(r: ExcelJS.Row, field: EntryField, s: UnitSheet): void {
  const stored = s.current[field.code];
  const t = thresholdText(field, s.context);
  r.values = [
    field.criterion,
    field.code,
    field.name,
    field.unit ?? '',
    t.text,
    t.confirmed,
    stored ? valueText(field, stored.value) : '',
    null,
    stored?.note ?? null,
  ];
  r.alignment = { wrapText: true, vertical: 'top' };
  for (let c = 1; c <= COLUMNS.note; c++) r.getCell(c).border = BORDER;
  for (const col of [COLUMNS.newValue, COLUMNS.note]) {
    const cell = r.getCell(col);
    cell.protection = { locked: false };
    cell.fill = INPUT_FILL;
    cell.numFmt = '@';
  }
  // Numbers stay numbers: a text format would turn a typed 45 into the text "45".
  if (field.entry === 'number' || field.entry === 'percent') r.getCell(COLUMNS.newValue).numFmt = 'General';
  const v = validationFor(field);
  if (v) r.getCell(COLUMNS.newValue).dataValidation = v;
}

async function unitSheet(wb: ExcelJS.Workbook, input: WorkbookInput, s: UnitSheet, taken: Set<string>): Promise<void> {
  const ws = wb.addWorksheet(sheetName(s.unit.code, s.unit.shortName, taken), { views: [{ state: 'frozen', ySplit: HEADER_ROW }] });
  ws.columns = Object.entries(WIDTHS).map(([, width]) => ({ width }));
  titleRows(ws, input, s);
  dataRows(ws, s);
  const id = ID_ROWS;
  writeIdentity(ws, {
    template: { row: id.template, value: TEMPLATE },
    unitCode: { row: id.unitCode, value: s.unit.code },
    family: { row: id.family, value: input.family },
    year: { row: id.year, value: input.year },
    version: { row: id.version, value: s.version },
    setId: { row: id.setId, value: s.set.id },
    asOf: { row: id.asOf, value: input.asOf },
  });
  pageSetup(ws);
  await protect(ws);
}

async function guideSheet(wb: ExcelJS.Workbook, input: WorkbookInput): Promise<void> {
  const ws = wb.addWorksheet(GUIDE_SHEET);
  ws.getColumn(1).width = 110;
  ws.getCell(1, 1).value = `Phiếu nhập số liệu đánh giá năm ${input.year}: ${input.scope.fullName}`;
  ws.getCell(1, 1).font = { bold: true, size: 14 };
  GUIDE_LINES.forEach((line, i) => {
    ws.getCell(3 + i, 1).value = line;
    ws.getCell(3 + i, 1).alignment = { wrapText: true };
  });
  const g = GUIDE_ID_ROWS;
  const cells: Record<string, { row: number; value: string | number }> = {
    template: { row: g.template, value: TEMPLATE },
    scope: { row: g.scope, value: input.scope.code },
    family: { row: g.family, value: input.family },
    year: { row: g.year, value: input.year },
    asOf: { row: g.asOf, value: input.asOf },
    count: { row: g.count, value: input.sheets.length },
  };
  input.sheets.forEach((s, i) => (cells[`unit${i}`] = { row: g.firstUnit + i, value: s.unit.code }));
  writeIdentity(ws, cells);
  ws.pageSetup = { paperSize: 9, orientation: 'portrait', fitToPage: true, fitToWidth: 1, fitToHeight: 0 };
  await protect(ws);
}

/** The workbook to download: a guide sheet, then one sheet per unit, pre-filled with what is stored. */
export async function writeAssessmentWorkbook(input: WorkbookInput): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Chung Sức';
  wb.title = `Phiếu đánh giá ${input.family} ${input.year}`;
  await guideSheet(wb, input);
  const taken = new Set<string>([GUIDE_SHEET.toLowerCase()]);
  for (const s of input.sheets) await unitSheet(wb, input, s, taken);
  return Buffer.from(await wb.xlsx.writeBuffer());
}
