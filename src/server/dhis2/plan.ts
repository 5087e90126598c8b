import type { InputValue } from '../../domain/evaluation/types.ts';
import type { ImportStrategy } from './schema.ts';

export interface Current {
  value: InputValue;
  note: string | null;
}

export type Outcome = 'imported' | 'updated' | 'deleted' | 'ignored';

/**
 * What one DHIS2 data value does to the stored value of its code, and how it is counted:
 * - a value where none is stored is `imported`, a different value (or comment) over a stored one `updated`, the
 *   same value and comment `ignored` (nothing is written, nothing recorded);
 * - an empty value removes a stored one (`deleted`, as DHIS2 does), and is `ignored` where nothing is stored;
 * - CREATE leaves stored values alone (`ignored`), UPDATE does not add values (`ignored`), DELETE removes the
 *   value and its note.
 * A comment sets the note (an empty comment clears it); without one the note is kept.
 * `value`/`note` undefined: not to be changed.
 */
export function planValue(
  strategy: ImportStrategy,
  current: Current | undefined,
  value: InputValue,
  comment: string | null | undefined,
): { outcome: Outcome; value?: InputValue; note?: string | null } {
  const had = current !== undefined && current.value !== null;
  if (strategy === 'DELETE') return had || current?.note ? { outcome: had ? 'deleted' : 'ignored', value: null, note: null } : { outcome: 'ignored' };
  if (strategy === 'CREATE' && had) return { outcome: 'ignored' };
  if (strategy === 'UPDATE' && !had) return { outcome: 'ignored' };
  const note = comment === undefined ? undefined : comment === null || comment.trim() === '' ? null : comment;
  const noteChanges = note !== undefined && note !== (current?.note ?? null);
  if (value === null) {
    if (had) return { outcome: 'deleted', value: null, ...(noteChanges ? { note } : {}) };
    return noteChanges ? { outcome: 'updated', note } : { outcome: 'ignored' };
  }
  if (!had) return { outcome: 'imported', value, ...(noteChanges ? { note } : {}) };
  const same = JSON.stringify(current.value) === JSON.stringify(value);
  if (same && !noteChanges) return { outcome: 'ignored' };
  return { outcome: 'updated', ...(same ? {} : { value }), ...(noteChanges ? { note } : {}) };
}
