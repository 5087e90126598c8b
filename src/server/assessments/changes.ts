import type { StoredEntry, NewEvent } from '../../db/repos/assessment-entries.ts';
import { checkValue, fieldIndex, type EntryField } from '../../domain/assessments/values.ts';
import type { CriteriaSet } from '../../domain/criteria/schema.ts';
import type { InputValue } from '../../domain/evaluation/types.ts';

/** Changes to one assessment, however they arrive (screen, API, workbook, DHIS2). */
export interface AssessmentChanges {
  /** Indicator code → value; null clears it. */
  values?: Record<string, InputValue> | undefined;
  /** Criterion code → status recorded directly ('met' | 'basically-met' | 'not-met'); null clears it. */
  criteria?: Record<string, InputValue> | undefined;
  /** Code → note; null clears it. */
  notes?: Record<string, string | null> | undefined;
}

export interface ChangeProblem {
  code: string;
  /** Which part of the request: values, criteria or notes. */
  field: 'values' | 'criteria' | 'notes';
  message: string;
}

export interface ChangeCounts {
  imported: number;
  updated: number;
  deleted: number;
  ignored: number;
}

export interface PlannedChanges {
  problems: ChangeProblem[];
  /** Rows to write (current value and note of each touched code). */
  rows: { code: string; value: InputValue; note: string | null }[];
  events: NewEvent[];
  counts: ChangeCounts;
}

function fieldFor(fields: Map<string, EntryField>, code: string, part: 'values' | 'criteria'): EntryField | string {
  const f = fields.get(code);
  if (!f) return part === 'values' ? `không có chỉ tiêu mã "${code}" trong phiên bản bộ tiêu chí này` : `không có tiêu chí mã "${code}" để ghi trạng thái`;
  if (part === 'values' && f.target !== 'indicator') return `"${code}" là tiêu chí ghi trạng thái trực tiếp: gửi trong "criteria", không phải "values"`;
  if (part === 'criteria' && f.target !== 'criterion') return `tiêu chí "${code}" được đánh giá theo các chỉ tiêu, không ghi trạng thái trực tiếp`;
  return f;
}

const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

/**
 * Checks changes against the set version's fields and the stored entries, and plans what to write: one event per
 * code whose value, status or note really changes (an unchanged value is counted as ignored, not recorded).
 */
export function planChanges(set: CriteriaSet, stored: readonly StoredEntry[], changes: AssessmentChanges): PlannedChanges {
  const fields = fieldIndex(set);
  const current = new Map(stored.map((e) => [e.code, e]));
  const next = new Map<string, { value: InputValue; note: string | null }>();
  const problems: ChangeProblem[] = [];
  const events: NewEvent[] = [];
  const counts: ChangeCounts = { imported: 0, updated: 0, deleted: 0, ignored: 0 };
  const touch = (code: string) => {
    let n = next.get(code);
    if (!n) next.set(code, (n = { value: current.get(code)?.value ?? null, note: current.get(code)?.note ?? null }));
    return n;
  };
  for (const part of ['values', 'criteria'] as const) {
    for (const [code, raw] of Object.entries(changes[part] ?? {})) {
      const f = fieldFor(fields, code, part);
      if (typeof f === 'string') {
        problems.push({ code, field: part, message: `${code}: ${f}` });
        continue;
      }
      const checked = checkValue(f, raw);
      if ('problem' in checked) {
        problems.push({ code, field: part, message: `${code} (${f.name}): ${checked.problem}` });
        continue;
      }
      const before = current.get(code)?.value ?? null;
      if (same(before, checked.value)) {
        counts.ignored++;
        continue;
      }
      touch(code).value = checked.value;
      if (checked.value === null) counts.deleted++;
      else if (before === null) counts.imported++;
      else counts.updated++;
      events.push({ action: part === 'values' ? 'value' : 'criterion', code, before, after: checked.value });
    }
  }
  for (const [code, note] of Object.entries(changes.notes ?? {})) {
    if (!fields.has(code)) {
      problems.push({ code, field: 'notes', message: `${code}: không có chỉ tiêu hay tiêu chí mã "${code}" để ghi chú` });
      continue;
    }
    const text = note === null || note.trim() === '' ? null : note.trim();
    const before = current.get(code)?.note ?? null;
    if (before === text) continue;
    touch(code).note = text;
    events.push({ action: 'note', code, before, after: text });
  }
  return { problems, rows: [...next].map(([code, n]) => ({ code, ...n })), events, counts };
}
