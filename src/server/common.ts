export { errorBody, isoDateParam, yearParam } from './contracts.ts';

/** Today's date in Vietnam (UTC+7), as yyyy-mm-dd. */
export function todayVn(now = new Date()): string {
  return new Date(now.getTime() + 7 * 3_600_000).toISOString().slice(0, 10);
}
