/**
 * Values as DHIS2 writes them: every value is a string; yes/no as `true`/`false`, numbers in plain notation with a
 * point, statuses by their stable code (`met`, `basically-met`, `not-met`). Read back through `parseValueText`,
 * which accepts all of these.
 */
export function dhis2Text(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  if (typeof value === 'number') return Number.isInteger(value) ? String(value) : String(Number(value.toPrecision(15)));
  return typeof value === 'string' ? value : JSON.stringify(value);
}
