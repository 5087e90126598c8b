import ExcelJS from 'exceljs';
import { DomainError } from '../../domain/errors.ts';
import type { CriteriaSet, CriteriaSetInput } from '../../domain/criteria/schema.ts';
import { validateSet } from '../../domain/criteria/validate.ts';
import { cellData, cellError, dateOf, listOf, numberOf, textOf, yesNoOf, type Where } from './workbook-cells.ts';
import {
  DIMENSION_LABELS,
  COLUMNS,
  INFO_KEYS,
  KIND_LABELS,
  LEVEL_LABELS,
  REQUIRED_INFO,
  SHEET_INFO,
  SHEET_TABLE,
  TIER_LABELS,
  fold,
  labelled,
  type InfoKey,
} from './workbook-layout.ts';
import { IMPORT_LIMITS } from './limits.ts';
import { readTable, type RowIndex } from './workbook-table.ts';

export { setToWorkbook, type WorkbookLayout } from './workbook-write.ts';

const INFO_BY_FOLD = new Map(Object.entries(INFO_KEYS).map(([k, label]) => [fold(label), k as InfoKey]));
const options = (table: Record<string, readonly string[]>) =>
  Object.values(table)
    .map((l) => `"${l[0]}"`)
    .join(', ');

function sheet(wb: ExcelJS.Workbook, name: string, file: string): ExcelJS.Worksheet {
  const ws = wb.worksheets.find((s) => fold(s.name) === fold(name));
  if (!ws)
    throw new DomainError('INVALID_CRITERIA_FILE', `Tệp "${file}" thiếu trang "${name}" (các trang cần có: "${SHEET_INFO}", "${SHEET_TABLE}")`, {
      file,
      sheet: name,
      row: null,
      column: null,
      problem: 'missing sheet',
    });
  return ws;
}

type Info = Partial<CriteriaSetInput>;

function infoValue(key: InfoKey, c: ReturnType<typeof cellData>, w: Where, info: Info): void {
  const text = () => textOf(c, w);
  const pick = <K extends string>(table: Record<K, readonly string[]>): K | undefined => {
    const t = text();
    if (t === undefined) return undefined;
    const v = labelled(table, t);
    if (v === undefined) throw cellError(w, `"${t}" không hợp lệ: ghi một trong ${options(table)}`, { value: t });
    return v;
  };
  switch (key) {
    case 'effectiveFrom':
    case 'effectiveTo':
      info[key] = dateOf(c, w);
      return;
    case 'period': {
      const t = text();
      const m = t === undefined ? null : /^(\d{4})\s*[-–—]\s*(\d{4})$/.exec(t);
      if (t !== undefined && !m) throw cellError(w, `"${t}" không phải giai đoạn dạng 2026-2030`, { value: t });
      if (m) info.period = { from: Number(m[1]), to: Number(m[2]) };
      return;
    }
    case 'unitLevel':
      info.unitLevel = pick(LEVEL_LABELS);
      return;
    case 'dimension':
      info.dimension = pick(DIMENSION_LABELS);
      return;
    case 'tier':
      info.tier = pick(TIER_LABELS);
      return;
    case 'unitTypes':
      info.unitTypes = listOf(c, w);
      return;
    case 'requiresTier': {
      const family = text();
      if (family !== undefined) info.requiresTier = { family };
      return;
    }
    case 'allowsBasicallyMet':
    case 'indicatorsPending':
    case 'sample':
      info[key] = yesNoOf(c, w);
      return;
    case 'declaredIndicatorCount':
      info.declaredIndicatorCount = numberOf(c, w);
      return;
    case 'id':
    case 'family':
    case 'name':
    case 'decision':
    case 'legalSource':
    case 'amends':
    case 'carriedNote':
    case 'note':
      info[key] = text();
  }
}

/** The "Thông tin" sheet: one item per row, its name in column A and its value in column B. */
function readInfo(ws: ExcelJS.Worksheet, file: string): { info: Info; rows: Map<InfoKey, number> } {
  const info: Info = {};
  const rows = new Map<InfoKey, number>();
  for (let r = 1; r <= ws.rowCount; r++) {
    const w: Where = { file, sheet: SHEET_INFO, row: r, column: 'A' };
    const label = textOf(cellData(ws.getRow(r).getCell(1)), w);
    const value = cellData(ws.getRow(r).getCell(2));
    if (label === undefined) {
      if (value.t !== 'blank') throw cellError({ ...w, column: 'B' }, 'có giá trị nhưng chưa ghi tên mục ở cột A');
      continue;
    }
    // The header row ("Mục", "Giá trị"); compared with diacritics since "Mục" and the item "Mức" fold alike.
    if (label.normalize('NFC').toLowerCase() === 'mục') continue;
    const key = INFO_BY_FOLD.get(fold(label));
    if (!key) throw cellError(w, `"${label}" không phải mục đã biết (${Object.values(INFO_KEYS).join(', ')})`);
    if (rows.has(key)) throw cellError(w, `mục "${label}" đã ghi ở dòng ${rows.get(key)}`);
    rows.set(key, r);
    infoValue(key, value, { file, sheet: SHEET_INFO, row: r, column: 'B', item: INFO_KEYS[key] }, info);
  }
  for (const key of Object.keys(info) as InfoKey[]) if (info[key] === undefined) delete info[key];
  for (const key of REQUIRED_INFO)
    if (info[key] === undefined)
      throw cellError({ file, sheet: SHEET_INFO, row: rows.get(key), item: INFO_KEYS[key] }, rows.has(key) ? 'chưa ghi giá trị' : 'thiếu mục này');
  return { info, rows };
}

/**
 * The schema speaks of JSON fields; a spreadsheet user sees items and columns. Each field a schema message can
 * name, as the workbook labels it.
 */
const WORKBOOK_WORDS: [RegExp, string][] = [
  [/"?\bindicatorsPending\b"?/g, `mục "${INFO_KEYS.indicatorsPending}" (trang "${SHEET_INFO}") là có`],
  [/"?\bamends\b"?/g, `mục "${INFO_KEYS.amends}" (trang "${SHEET_INFO}")`],
  [/trường "?relative"?/g, `các cột "${COLUMNS.refFamily}", "${COLUMNS.refIndicator}" và "${COLUMNS.factor}"`],
  [/trường "?requiresTier"?/g, `cột "${COLUMNS.refFamily}"`],
  [/chỉ tiêu min-relative/g, `chỉ tiêu loại "${KIND_LABELS['min-relative'][0]}"`],
  [/chỉ tiêu tier/g, `chỉ tiêu loại "${KIND_LABELS.tier[0]}"`],
  [/\(giá trị null nếu chưa đọc được văn bản\)/g, '(ghi "chưa rõ" nếu chưa đọc được văn bản)'],
  [/phải là true/g, 'phải là "Đạt"'],
];

export function inWorkbookWords(problem: string): string {
  return WORKBOOK_WORDS.reduce((text, [pattern, words]) => text.replace(pattern, words), problem);
}

/** Adds the sheet and row behind a schema problem ("criteria[2].indicators[0]…" or a "Thông tin" item). */
function locate(e: DomainError, file: string, infoRows: Map<InfoKey, number>, rows: RowIndex): DomainError {
  const path = typeof e.details?.path === 'string' ? e.details.path : '';
  const problem = typeof e.details?.problem === 'string' ? e.details.problem : e.message;
  const m = /^criteria\[(\d+)\](?:\.indicators\[(\d+)\](?:\.thresholds\[(\d+)\])?)?/.exec(path);
  let w: Where | undefined;
  if (m) {
    const [ci, ii, ti] = [Number(m[1]), m[2] === undefined ? undefined : Number(m[2]), m[3] === undefined ? undefined : Number(m[3])];
    const row = ti !== undefined && ii !== undefined ? rows.thresholds[ci]?.[ii]?.[ti] : ii !== undefined ? rows.indicators[ci]?.[ii] : rows.criteria[ci];
    w = { file, sheet: SHEET_TABLE, row };
  } else {
    const key = path.split(/[.[]/)[0] as InfoKey;
    if (key in INFO_KEYS) w = { file, sheet: SHEET_INFO, row: infoRows.get(key), column: 'B', item: INFO_KEYS[key] };
  }
  if (!w) return e;
  // The place is named by sheet and row; the schema path is kept in the details (and shown when no row is known).
  const located = cellError(w, w.row === undefined ? `${inWorkbookWords(problem)} (${path})` : inWorkbookWords(problem));
  return new DomainError(e.code, located.message, { ...e.details, ...located.details, path });
}

function checkRowCounts(wb: ExcelJS.Workbook, file: string): void {
  for (const ws of wb.worksheets)
    if (ws.rowCount > IMPORT_LIMITS.sheetRows)
      throw new DomainError(
        'FILE_TOO_LARGE',
        `Tệp "${file}": trang "${ws.name}" có ${ws.rowCount} dòng, quá giới hạn ${IMPORT_LIMITS.sheetRows} dòng của một trang`,
        { file, sheet: ws.name, limit: 'sheetRows', count: ws.rowCount, max: IMPORT_LIMITS.sheetRows },
      );
}

/**
 * Reads a criteria set transcribed from a decision's annex table into an .xlsx workbook: sheet "Thông tin"
 * (the set's metadata) and sheet "Chỉ tiêu" (criteria, indicators, one threshold column per region or commune
 * group). Cell problems throw INVALID_CRITERIA_FILE naming the file, sheet, row and column; the result is
 * validated with the criteria-set schema like a JSON file.
 */
export async function parseSetWorkbook(buf: Buffer, file: string): Promise<CriteriaSet> {
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(buf as unknown as ExcelJS.Buffer);
  } catch (e) {
    throw new DomainError('INVALID_CRITERIA_FILE', `Tệp "${file}" không đọc được như bảng tính Excel (.xlsx)`, { file, problem: (e as Error).message });
  }
  checkRowCounts(wb, file);
  const { info, rows: infoRows } = readInfo(sheet(wb, SHEET_INFO, file), file);
  const { criteria, rows } = readTable(sheet(wb, SHEET_TABLE, file), file, info.dimension!);
  const value: CriteriaSetInput = { ...(info as CriteriaSetInput), criteria };
  value.indicatorsPending ??= criteria.some((c) => (c.indicators ?? []).length === 0);
  try {
    return validateSet(value, file);
  } catch (e) {
    throw e instanceof DomainError ? locate(e, file, infoRows, rows) : e;
  }
}
