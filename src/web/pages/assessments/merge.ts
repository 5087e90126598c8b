import type { EntryField } from '../../../domain/assessments/values.ts';
import type { Draft, StoredValues } from './draft.ts';
import { draftFrom, valueOf } from './draft.ts';

/**
 * Merging my unsaved draft with what someone else saved meanwhile (the 409 CONFLICT's `details.current`). A part of
 * a field (its value or its note) that only they changed takes theirs, one that only I changed keeps mine; where
 * both changed it differently, the officer chooses. Nothing is dropped without being shown.
 */

export type Part = 'value' | 'note';
export type Choice = 'mine' | 'theirs';

export interface Conflict {
  key: string;
  code: string;
  part: Part;
  base: string;
  mine: string;
  theirs: string;
}

function partOf(field: EntryField, d: Draft, part: Part): string {
  const f = d[field.code] ?? { raw: '', note: '' };
  return part === 'note' ? f.note.trim() : f.raw.trim();
}

function differ(field: EntryField, part: Part, a: string, b: string): boolean {
  return part === 'note' ? a !== b : valueOf(field, a) !== valueOf(field, b);
}

export function conflictKey(code: string, part: Part): string {
  return `${code}:${part}`;
}

/** Where both sides changed a part differently since `base` (the values my draft started from). */
export function findConflicts(fields: readonly EntryField[], base: StoredValues, mine: Draft, theirs: StoredValues): Conflict[] {
  const b = draftFrom(fields, base);
  const t = draftFrom(fields, theirs);
  const out: Conflict[] = [];
  for (const f of fields)
    for (const part of ['value', 'note'] as const) {
      const [pb, pm, pt] = [partOf(f, b, part), partOf(f, mine, part), partOf(f, t, part)];
      if (differ(f, part, pb, pm) && differ(f, part, pb, pt) && differ(f, part, pm, pt))
        out.push({ key: conflictKey(f.code, part), code: f.code, part, base: pb, mine: pm, theirs: pt });
    }
  return out;
}

/**
 * The draft to save on top of theirs: my changes where only I changed something, theirs where only they did, and
 * the officer's choice (mine unless told otherwise) where both did.
 */
export function mergeDrafts(
  fields: readonly EntryField[],
  base: StoredValues,
  mine: Draft,
  theirs: StoredValues,
  choices: Readonly<Record<string, Choice>>,
): Draft {
  const b = draftFrom(fields, base);
  const t = draftFrom(fields, theirs);
  const out: Draft = {};
  for (const f of fields) {
    const pick = (part: Part): string => {
      const [pb, pm, pt] = [partOf(f, b, part), partOf(f, mine, part), partOf(f, t, part)];
      if (!differ(f, part, pb, pm)) return pt;
      if (!differ(f, part, pb, pt)) return pm;
      return (choices[conflictKey(f.code, part)] ?? 'mine') === 'mine' ? pm : pt;
    };
    out[f.code] = { raw: pick('value'), note: pick('note') };
  }
  return out;
}
