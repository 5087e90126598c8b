import type ExcelJS from 'exceljs';
import { DomainError } from '../../domain/errors.ts';
import { fold, yesNo } from './workbook-layout.ts';

/** What a cell holds once Excel's representations (rich text, formulas, hyperlinks, merges) are unwrapped. */
export type CellData =
  { t: 'blank' } | { t: 'number'; n: number } | { t: 'text'; s: string } | { t: 'bool'; b: boolean } | { t: 'date'; d: Date } | { t: 'error'; e: string };

/** Where a problem is: the file, the sheet, the row as Excel numbers it and the column's header (or item). */
export interface Where {
  file: string;
  sheet: string;
  row?: number;
  column?: string;
  /** On the "Thông tin" sheet: the item of the row. */
  item?: string;
}

export function cellError(w: Where, problem: string, extra: Record<string, unknown> = {}): DomainError {
  const parts = [`Tệp "${w.file}"`, `trang "${w.sheet}"`];
  if (w.row !== undefined) parts.push(`dòng ${w.row}`);
  if (w.column !== undefined) parts.push(`cột "${w.column}"`);
  if (w.item !== undefined) parts.push(`mục "${w.item}"`);
  return new DomainError('INVALID_CRITERIA_FILE', `${parts.join(', ')}: ${problem}`, {
    file: w.file,
    sheet: w.sheet,
    row: w.row ?? null,
    column: w.column ?? null,
    ...(w.item !== undefined ? { item: w.item } : {}),
    problem,
    ...extra,
  });
}

function unwrap(v: ExcelJS.CellValue, numFmt: string | undefined): CellData {
  if (v === null || v === undefined) return { t: 'blank' };
  if (typeof v === 'number') {
    // A cell typed as "80%" holds 0.8 with a percent format: the officer meant 80.
    return { t: 'number', n: numFmt?.includes('%') ? Math.round(v * 100 * 1e9) / 1e9 : v };
  }
  if (typeof v === 'string') return v.trim() === '' ? { t: 'blank' } : { t: 'text', s: v.trim() };
  if (typeof v === 'boolean') return { t: 'bool', b: v };
  if (v instanceof Date) return { t: 'date', d: v };
  if ('richText' in v) return unwrap(v.richText.map((r) => r.text).join(''), undefined);
  if ('error' in v) return { t: 'error', e: String(v.error) };
  if ('hyperlink' in v) return unwrap(typeof v.text === 'string' ? v.text : v.hyperlink, undefined);
  if ('formula' in v || 'sharedFormula' in v) return unwrap((v as { result?: ExcelJS.CellValue }).result ?? null, numFmt);
  return { t: 'blank' };
}

export function cellData(cell: ExcelJS.Cell): CellData {
  return unwrap(cell.value, cell.numFmt);
}

const pad = (n: number) => String(n).padStart(2, '0');
export const isoOf = (y: number, m: number, d: number) => `${y}-${pad(m)}-${pad(d)}`;
export function dmyOf(iso: string): string {
  const [y, m, d] = iso.split('-');
  return `${d}/${m}/${y}`;
}

/** The cell as text (numbers as written by JavaScript, dates as dd/mm/yyyy); undefined when blank. */
export function textOf(c: CellData, w: Where): string | undefined {
  switch (c.t) {
    case 'blank':
      return undefined;
    case 'text':
      return c.s;
    case 'number':
      return String(c.n);
    case 'bool':
      return c.b ? 'có' : 'không';
    case 'date':
      return dmyOf(isoOf(c.d.getUTCFullYear(), c.d.getUTCMonth() + 1, c.d.getUTCDate()));
    case 'error':
      throw cellError(w, `ô có lỗi công thức ${c.e}`);
  }
}

/**
 * Reads a number written the Vietnamese way or plainly: "80", "80%", "≥ 80 %", "≤ 13", "1.234,5", "0,5", "12.75".
 * A dot followed by groups of exactly three digits is a thousands separator ("1.234" = 1234).
 */
export function parseNumberText(text: string): number | undefined {
  let s = fold(text).replace(/^(?:≥|≤|>=|<=|>|<|=)\s*/, '');
  for (const word of ['toi thieu', 'toi da', 'it nhat', 'khong qua']) if (s.startsWith(word)) s = s.slice(word.length);
  s = s.replace(/\s+/g, '').replace(/%$/, '');
  let normal: string | undefined;
  if (/^[+-]?\d{1,3}(?:\.\d{3})+(?:,\d+)?$/.test(s)) normal = s.replace(/\./g, '').replace(',', '.');
  else if (/^[+-]?\d+(?:,\d+)?$/.test(s)) normal = s.replace(',', '.');
  else if (/^[+-]?\d*\.?\d+(?:e[+-]?\d+)?$/i.test(s)) normal = s;
  if (normal === undefined) return undefined;
  const n = Number(normal);
  return Number.isFinite(n) ? n : undefined;
}

export function numberOf(c: CellData, w: Where): number | undefined {
  if (c.t === 'blank') return undefined;
  if (c.t === 'number') return c.n;
  const text = textOf(c, w)!;
  const n = c.t === 'text' ? parseNumberText(text) : undefined;
  if (n === undefined) throw cellError(w, `"${text}" không phải số`, { value: text });
  return n;
}

export function yesNoOf(c: CellData, w: Where): boolean | undefined {
  if (c.t === 'blank') return undefined;
  if (c.t === 'bool') return c.b;
  const text = textOf(c, w)!;
  const b = yesNo(text);
  if (b === undefined) throw cellError(w, `"${text}" không phải "có" hoặc "không"`, { value: text });
  return b;
}

/** A date from a date cell, "dd/mm/yyyy" (or d/m/yyyy) or "yyyy-mm-dd", as yyyy-mm-dd; the day must exist. */
export function dateOf(c: CellData, w: Where): string | undefined {
  if (c.t === 'blank') return undefined;
  let y: number;
  let m: number;
  let d: number;
  if (c.t === 'date') [y, m, d] = [c.d.getUTCFullYear(), c.d.getUTCMonth() + 1, c.d.getUTCDate()];
  else {
    const text = textOf(c, w)!;
    const dmy = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(text);
    const ymd = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
    if (dmy) [d, m, y] = [Number(dmy[1]), Number(dmy[2]), Number(dmy[3])];
    else if (ymd) [y, m, d] = [Number(ymd[1]), Number(ymd[2]), Number(ymd[3])];
    else throw cellError(w, `"${text}" không phải ngày dạng dd/mm/yyyy`, { value: text });
    const check = new Date(Date.UTC(y, m - 1, d));
    if (check.getUTCFullYear() !== y || check.getUTCMonth() !== m - 1 || check.getUTCDate() !== d)
      throw cellError(w, `ngày "${text}" không tồn tại`, { value: text });
  }
  return isoOf(y, m, d);
}

/** A comma (or semicolon) separated list; undefined when blank. */
export function listOf(c: CellData, w: Where): string[] | undefined {
  const text = textOf(c, w);
  if (text === undefined) return undefined;
  const items = text
    .split(/[,;]/)
    .map((s) => s.trim())
    .filter(Boolean);
  return items.length ? items : undefined;
}
