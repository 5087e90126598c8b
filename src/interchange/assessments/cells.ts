import type ExcelJS from 'exceljs';

/** A cell as the reader saw it, in a form that crosses the worker boundary as plain data. */
export type CellRead =
  | { t: 'empty' }
  | { t: 'number'; v: number }
  | { t: 'text'; v: string }
  | { t: 'bool'; v: boolean }
  | { t: 'formula' }
  | { t: 'error'; v: string }
  | { t: 'date' };

const EMPTY: CellRead = { t: 'empty' };

/**
 * Reads a cell the way Excel and LibreOffice Calc write it: numbers, shared or inline strings, rich text, booleans,
 * dates, error values and formulas (kept as formulas, so an input cell with one is reported, not evaluated; Calc's
 * TRUE() and FALSE() are its booleans).
 * A number shown as a percentage (0,45 formatted "0%") is read as the percentage the officer sees (45).
 */
export function readCell(cell: ExcelJS.Cell): CellRead {
  const v = cell.value;
  if (v === null || v === undefined) return EMPTY;
  if (typeof v === 'number') return { t: 'number', v: cell.numFmt?.includes('%') ? Math.round(v * 100 * 1e9) / 1e9 : v };
  if (typeof v === 'string') return v.trim() === '' ? EMPTY : { t: 'text', v: v.trim() };
  if (typeof v === 'boolean') return { t: 'bool', v };
  if (v instanceof Date) return { t: 'date' };
  if ('formula' in v || 'sharedFormula' in v) {
    // LibreOffice Calc saves a typed TRUE or FALSE as the formula TRUE() or FALSE(): a boolean, not a computation.
    const calc = 'formula' in v ? /^(TRUE|FALSE)\(\)$/i.exec(v.formula ?? '') : null;
    if (calc) return { t: 'bool', v: calc[1]!.toUpperCase() === 'TRUE' };
    return { t: 'formula' };
  }
  if ('error' in v) return { t: 'error', v: String(v.error) };
  if ('richText' in v) {
    const text = v.richText
      .map((p) => p.text)
      .join('')
      .trim();
    return text === '' ? EMPTY : { t: 'text', v: text };
  }
  if ('text' in v && typeof v.text === 'string') return v.text.trim() === '' ? EMPTY : { t: 'text', v: v.text.trim() };
  return { t: 'text', v: String(cell.text ?? '') };
}

/** The text of an identification or structure cell, whatever its type. */
export function cellText(cell: ExcelJS.Cell): string {
  const r = readCell(cell);
  if (r.t === 'text') return r.v;
  if (r.t === 'number' || r.t === 'bool') return String(r.v);
  return '';
}
