// Search parameters of a plan page (/ke-hoach/$id): the date progress is computed for; anything malformed is dropped.
import { isoDate } from '../../routes/search.ts';

export interface PlanSearch {
  /** yyyy-mm-dd; today when absent. */
  asOf?: string;
}

export function planSearch(raw: Record<string, unknown>): PlanSearch {
  const asOf = isoDate(raw.asOf);
  return asOf ? { asOf } : {};
}
