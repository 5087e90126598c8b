import { completeness } from '../criteria/completeness.ts';
import type { CriteriaSet, Criterion, Indicator } from '../criteria/schema.ts';
import type { InputValue } from '../evaluation/types.ts';

/**
 * What can be entered in an assessment of a set version, and how a value is checked. Shared by every way in: the
 * entry screen (in the browser, as the officer types), the API, the Excel import and the DHIS2 import, so that a
 * value refused by one is refused by all, with the same Vietnamese message.
 */

/** How a code is entered: an indicator's value, or a criterion's status recorded directly. */
export type EntryKind = 'number' | 'percent' | 'yes-no' | 'status';

export interface EntryField {
  code: string;
  /** `indicator`: a value under the indicator's code; `criterion`: a status recorded directly for the criterion. */
  target: 'indicator' | 'criterion';
  criterion: string;
  name: string;
  unit: string | null;
  entry: EntryKind;
  /** Statuses accepted for `status` entries. */
  statuses: readonly DirectStatus[];
  indicator: Indicator | null;
}

export const DIRECT_STATUSES = ['met', 'basically-met', 'not-met'] as const;
export type DirectStatus = (typeof DIRECT_STATUSES)[number];

export const STATUS_LABELS: Record<DirectStatus, string> = { met: 'Đạt', 'basically-met': 'Cơ bản đạt', 'not-met': 'Chưa đạt' };

function entryOf(ind: Indicator): EntryKind | null {
  switch (ind.kind) {
    case 'min':
    case 'max':
    case 'min-relative':
      return ind.unit === '%' ? 'percent' : 'number';
    case 'boolean':
      return 'yes-no';
    case 'status':
      return 'status';
    case 'tier':
      // Reached or not is worked out from the other set's evaluation; nothing to enter.
      return null;
  }
}

/**
 * Every field of a set version in the decision's order: each criterion's indicators, then (for a criterion whose
 * indicator table is not or only partly loaded) its direct status. An indicator sharing its criterion's code takes
 * the value; the criterion then has no separate status field.
 */
export function entryFields(set: CriteriaSet): EntryField[] {
  const statuses: readonly DirectStatus[] = set.allowsBasicallyMet ? DIRECT_STATUSES : ['met', 'not-met'];
  const out: EntryField[] = [];
  for (const c of set.criteria) {
    for (const ind of c.indicators) {
      const entry = entryOf(ind);
      if (!entry) continue;
      out.push({ code: ind.code, target: 'indicator', criterion: c.code, name: ind.name, unit: ind.unit, entry, statuses, indicator: ind });
    }
    if (completeness(c).takesDirect && !c.indicators.some((i) => i.code === c.code))
      out.push({ code: c.code, target: 'criterion', criterion: c.code, name: criterionStatusName(c), unit: null, entry: 'status', statuses, indicator: null });
  }
  return out;
}

function criterionStatusName(c: Criterion): string {
  return c.indicators.length === 0 ? `${c.name} (đánh giá chung của tiêu chí)` : `${c.name} (đánh giá chung, vì bảng chỉ tiêu chưa nạp đủ)`;
}

/** The fields of a set by code. */
export function fieldIndex(set: CriteriaSet): Map<string, EntryField> {
  return new Map(entryFields(set).map((f) => [f.code, f]));
}

export interface ValueProblem {
  code: string;
  message: string;
}

/** Upper bound of plausible numbers: beyond it a value is a typing mistake (an extra digit), not a measurement. */
const MAX_NUMBER = 1e12;

/**
 * Checks a value for a field; returns the value to store (statuses normalised) or the problem in Vietnamese.
 * `null` clears the value and is always accepted.
 */
export function checkValue(field: EntryField, raw: unknown): { value: InputValue } | { problem: string } {
  if (raw === null) return { value: null };
  switch (field.entry) {
    case 'number':
    case 'percent': {
      if (typeof raw !== 'number' || !Number.isFinite(raw)) return { problem: `cần một số${field.unit ? ` (${field.unit})` : ''}` };
      if (raw < 0) return { problem: 'không được âm' };
      if (field.entry === 'percent' && raw > 100) return { problem: `tỷ lệ phải từ 0 đến 100 %, nhận được ${formatNumber(raw)}` };
      if (raw > MAX_NUMBER) return { problem: `số quá lớn (${formatNumber(raw)})` };
      return { value: raw };
    }
    case 'yes-no':
      return typeof raw === 'boolean' ? { value: raw } : { problem: 'cần Đạt hoặc Chưa đạt (true/false)' };
    case 'status': {
      const s = raw === true ? 'met' : raw === false ? 'not-met' : raw;
      if (typeof s === 'string' && (field.statuses as readonly string[]).includes(s)) return { value: s };
      return { problem: `cần một trong: ${field.statuses.map((x) => `"${x}" (${STATUS_LABELS[x]})`).join(', ')}` };
    }
  }
}

function formatNumber(n: number): string {
  return String(n).replace('.', ',');
}

/** Words officers write in spreadsheets and DHIS2 sends, by meaning (compared without tone marks or case). */
const YES = ['dat', 'co', 'yes', 'true', '1', 'x'];
const NO = ['khong dat', 'chua dat', 'khong', 'no', 'false', '0'];
const BASIC = ['co ban dat', 'basically-met', 'basically met'];

function fold(s: string): string {
  return s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();
}

/**
 * Reads a value written as text (a spreadsheet cell, a DHIS2 data value) for a field: numbers with a comma or a
 * point as decimal separator and an optional % sign; Đạt / Chưa đạt / Có / Không; status words. An empty text is
 * "no value" (null). Then checks it like any other value.
 */
export function parseValueText(field: EntryField, text: string): { value: InputValue } | { problem: string } {
  const t = text.trim();
  if (t === '') return { value: null };
  const f = fold(t);
  if (field.entry === 'number' || field.entry === 'percent') {
    const m = /^([+-]?\d{1,15}(?:[.,]\d+)?)\s*%?$/.exec(t.replace(/\s(?=\d{3}\b)/g, ''));
    if (!m) return { problem: `"${t}" không phải là số` };
    return checkValue(field, Number(m[1]!.replace(',', '.')));
  }
  if (field.entry === 'yes-no') {
    if (YES.includes(f) || f === 'met') return { value: true };
    if (NO.includes(f) || f === 'not-met') return { value: false };
    return { problem: `"${t}" không phải Đạt/Chưa đạt` };
  }
  if (BASIC.includes(f)) return checkValue(field, 'basically-met');
  if (YES.includes(f) || f === 'met') return { value: 'met' };
  if (NO.includes(f) || f === 'not-met') return { value: 'not-met' };
  return checkValue(field, t);
}

/** How a stored value is written back as text (the workbook's "current value" column, DHIS2's `value`). */
export function valueText(field: EntryField, value: InputValue): string {
  if (value === null) return '';
  if (typeof value === 'boolean') return field.entry === 'yes-no' ? (value ? 'Đạt' : 'Chưa đạt') : String(value);
  if (typeof value === 'number') return String(value);
  if ((DIRECT_STATUSES as readonly string[]).includes(value)) return STATUS_LABELS[value as DirectStatus];
  return value;
}
