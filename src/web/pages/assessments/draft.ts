import type { EntryField } from '../../../domain/assessments/values.ts';
import { checkValue, parseValueText } from '../../../domain/assessments/values.ts';
import type { InputValue, ValueMap } from '../../../domain/evaluation/types.ts';

/**
 * What the officer has typed, field by field, and how it becomes a write. Pure, so that the merge after a conflict
 * and the screen agree, and so that it can be tested without a browser.
 */

/** One field as typed: `raw` is the text of a number, or `true`/`false`, or a status code; '' is "no value". */
export interface FieldDraft {
  raw: string;
  note: string;
}
export type Draft = Record<string, FieldDraft>;

/** The stored side of the GET body that a draft starts from. */
export interface StoredValues {
  values: Record<string, { value: InputValue; note: string | null }>;
  criteria: Record<string, { status: InputValue; note: string | null }>;
}

export interface AssessmentChanges {
  values: Record<string, InputValue>;
  criteria: Record<string, string | null>;
  notes: Record<string, string | null>;
}

/** A stored value as the field shows it (numbers with a decimal comma, as officers write them). */
export function rawOf(value: InputValue | undefined): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return String(value).replace('.', ',');
  return String(value);
}

function storedOf(field: EntryField, stored: StoredValues): { value: InputValue; note: string } {
  const s = field.target === 'criterion' ? stored.criteria[field.code] : stored.values[field.code];
  const value = s ? ('status' in s ? s.status : s.value) : null;
  // A status stored as true/false (an import, the API) stands for met / not met.
  return { value: field.entry === 'status' && typeof value === 'boolean' ? (value ? 'met' : 'not-met') : value, note: s?.note ?? '' };
}

export function draftFrom(fields: readonly EntryField[], stored: StoredValues): Draft {
  const out: Draft = {};
  for (const f of fields) {
    const s = storedOf(f, stored);
    out[f.code] = { raw: rawOf(s.value), note: s.note };
  }
  return out;
}

/** Reads what was typed in a field: the value to store, or the domain's Vietnamese message. */
export function parseRaw(field: EntryField, raw: string): { value: InputValue } | { problem: string } {
  if (raw.trim() === '') return { value: null };
  if (field.entry === 'number' || field.entry === 'percent') return parseValueText(field, raw);
  return checkValue(field, raw === 'true' ? true : raw === 'false' ? false : raw);
}

function same(a: InputValue, b: InputValue): boolean {
  return a === b;
}

/** The value a draft field stands for (an unreadable one stands for itself, so it always counts as changed). */
export function valueOf(field: EntryField, raw: string): InputValue {
  const r = parseRaw(field, raw);
  return 'value' in r ? r.value : raw;
}

/** The problems of a draft by code (only fields whose text cannot be stored). */
export function problemsOf(fields: readonly EntryField[], draft: Draft): Record<string, string> {
  const out: Record<string, string> = {};
  for (const f of fields) {
    const r = parseRaw(f, draft[f.code]?.raw ?? '');
    if ('problem' in r) out[f.code] = r.problem;
  }
  return out;
}

/** What differs from the stored values, as the PUT body's maps. */
export function changesOf(fields: readonly EntryField[], draft: Draft, stored: StoredValues): AssessmentChanges {
  const out: AssessmentChanges = { values: {}, criteria: {}, notes: {} };
  for (const f of fields) {
    const d = draft[f.code];
    if (!d) continue;
    const s = storedOf(f, stored);
    const v = valueOf(f, d.raw);
    if (!same(v, s.value)) {
      if (f.target === 'criterion') out.criteria[f.code] = v === null ? null : String(v);
      else out.values[f.code] = v;
    }
    if (d.note.trim() !== s.note.trim()) out.notes[f.code] = d.note.trim() === '' ? null : d.note.trim();
  }
  return out;
}

export function countChanges(c: AssessmentChanges): number {
  return Object.keys(c.values).length + Object.keys(c.criteria).length + Object.keys(c.notes).length;
}

/** The values to evaluate as the officer types: every readable field (direct statuses under the criterion's code). */
export function liveValues(fields: readonly EntryField[], draft: Draft): ValueMap {
  const out: ValueMap = {};
  for (const f of fields) {
    const r = parseRaw(f, draft[f.code]?.raw ?? '');
    if ('value' in r && r.value !== null) out[f.code] = r.value;
  }
  return out;
}
