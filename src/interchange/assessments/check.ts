import { checkValue, parseValueText, type EntryField } from '../../domain/assessments/values.ts';
import type { InputValue } from '../../domain/evaluation/types.ts';
import type { CellRead } from './cells.ts';
import { CLEAR_WORDS, COLUMNS, columnLetter } from './layout.ts';
import { WORKBOOK_LIMITS } from './limits.ts';
import type { SheetProblem } from './problems.ts';
import type { InputRow } from './read.ts';

export interface SheetChanges {
  values: Record<string, InputValue>;
  criteria: Record<string, string | null>;
  notes: Record<string, string | null>;
}

/** Values of one sheet compared with what is stored: new, changed, cleared, the same (or left empty); notes apart. */
export interface SheetCounts {
  imported: number;
  updated: number;
  cleared: number;
  unchanged: number;
  notes: number;
}

export type Stored = Record<string, { value: InputValue; note: string | null } | undefined>;

function fold(s: string): string {
  return s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/gi, 'd')
    .toLowerCase()
    .trim();
}

const COL_VALUE = columnLetter(COLUMNS.newValue);
const COL_NOTE = columnLetter(COLUMNS.note);

/** The value a new-value cell asks for (`undefined`: left empty, keep what is stored), or the problem. */
export function cellValue(field: EntryField, cell: CellRead): { value: InputValue | undefined } | { problem: string } {
  switch (cell.t) {
    case 'empty':
      return { value: undefined };
    case 'formula':
      return { problem: 'ô chứa công thức: hãy nhập giá trị (dán dạng giá trị), không dùng công thức' };
    case 'error':
      return { problem: `ô có lỗi ${cell.v}` };
    case 'date':
      return { problem: 'ô chứa ngày tháng, không phải giá trị của chỉ tiêu' };
    case 'bool':
      return field.entry === 'number' || field.entry === 'percent'
        ? { problem: `cần một số${field.unit ? ` (${field.unit})` : ''}, không phải TRUE/FALSE` }
        : checkValue(field, cell.v);
    case 'number':
      return field.entry === 'number' || field.entry === 'percent' ? checkValue(field, cell.v) : parseValueText(field, String(cell.v));
    case 'text':
      return CLEAR_WORDS.includes(fold(cell.v)) ? { value: null } : parseValueText(field, cell.v);
  }
}

function noteOf(cell: CellRead): { note: string | null } | { problem: string } {
  switch (cell.t) {
    case 'empty':
      return { note: null };
    case 'formula':
      return { problem: 'ô ghi chú chứa công thức: hãy ghi chữ' };
    case 'text':
      return cell.v.length > WORKBOOK_LIMITS.noteChars ? { problem: `ghi chú dài quá ${WORKBOOK_LIMITS.noteChars} ký tự` } : { note: cell.v };
    case 'error':
      return { problem: `ô ghi chú có lỗi ${cell.v}` };
    case 'number':
    case 'bool':
      return { note: String(cell.v) };
    case 'date':
      return { problem: 'ô ghi chú chứa ngày tháng: hãy ghi dạng chữ (dd/mm/yyyy)' };
  }
}

function changeKind(before: InputValue | undefined, after: InputValue): 'imported' | 'updated' | 'cleared' | 'unchanged' {
  const had = before !== undefined && before !== null;
  if (after === null) return had ? 'cleared' : 'unchanged';
  if (!had) return 'imported';
  return before === after ? 'unchanged' : 'updated';
}

/**
 * Checks every input row of one sheet against the fields of its set version and the stored values, through the same
 * rules as every other way of entry (`checkValue`, `parseValueText`). Returns only what changes, the counts, and each
 * problem with its row and column.
 */
export function checkSheetRows(sheet: string, rows: InputRow[], fields: Map<string, EntryField>, stored: Stored, setId: string) {
  const changes: SheetChanges = { values: {}, criteria: {}, notes: {} };
  const counts: SheetCounts = { imported: 0, updated: 0, cleared: 0, unchanged: 0, notes: 0 };
  const problems: SheetProblem[] = [];
  const seen = new Map<string, number>();
  for (const r of rows) {
    const field = fields.get(r.code);
    const at = (column: string, message: string) => problems.push({ sheet, row: r.row, column, message });
    if (!field) {
      at(columnLetter(COLUMNS.code), `Mã chỉ tiêu "${r.code}" không có trong bộ tiêu chí ${setId}`);
      continue;
    }
    if (seen.has(r.code)) {
      at(columnLetter(COLUMNS.code), `Mã chỉ tiêu "${r.code}" đã có ở dòng ${seen.get(r.code)}`);
      continue;
    }
    seen.set(r.code, r.row);
    const before = stored[r.code];
    const v = cellValue(field, r.value);
    if ('problem' in v) at(COL_VALUE, `Chỉ tiêu ${r.code}: ${v.problem}`);
    else if (v.value === undefined) counts.unchanged++;
    else {
      const kind = changeKind(before?.value, v.value);
      counts[kind]++;
      if (kind !== 'unchanged') (field.target === 'criterion' ? changes.criteria : changes.values)[r.code] = v.value;
    }
    const n = noteOf(r.note);
    if ('problem' in n) at(COL_NOTE, `Chỉ tiêu ${r.code}: ${n.problem}`);
    else if (n.note !== (before?.note ?? null)) {
      changes.notes[r.code] = n.note;
      counts.notes++;
    }
  }
  return { changes, counts, problems };
}
