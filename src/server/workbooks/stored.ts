import type { EntryField } from '../../domain/assessments/values.ts';
import type { Stored } from '../../interchange/assessments/check.ts';
import type { AssessmentBody } from '../assessments/schema.ts';

/** What an assessment stores, by field code: indicator values and criteria's direct statuses alike, with notes. */
export function storedOf(body: AssessmentBody, fields: Map<string, EntryField>): Stored {
  const out: Stored = {};
  for (const [code, v] of Object.entries(body.values)) out[code] = { value: v.value, note: v.note };
  for (const [code, c] of Object.entries(body.criteria)) if (fields.get(code)?.target === 'criterion') out[code] = { value: c.status, note: c.note };
  return out;
}
