// Search parameters of the recognition register (/cong-nhan), parsed like every screen's: anything malformed is dropped.
import { yearParam } from '../../routes/search.ts';
import { STEPS, TIERS, type RecognitionTier, type StepKind } from './queries.ts';

export interface RecognitionSearch {
  year?: number;
  tier?: RecognitionTier;
  /** The step dossiers have reached. */
  step?: StepKind | 'create';
  /** Unit name or code. */
  q?: string;
  /** Which list: the dossiers (default) or the units whose recognised and computed tiers disagree. */
  tab?: 'disagreements';
}

export function recognitionSearch(raw: Record<string, unknown>): RecognitionSearch {
  const pick = <T extends string>(v: unknown, list: readonly T[]) => (typeof v === 'string' && (list as readonly string[]).includes(v) ? (v as T) : undefined);
  const out: RecognitionSearch = {
    year: yearParam(raw.year),
    tier: pick(raw.tier, TIERS),
    step: pick(raw.step, STEPS),
    q: typeof raw.q === 'string' && raw.q.trim() !== '' && raw.q.length <= 100 ? raw.q : undefined,
    tab: raw.tab === 'disagreements' ? 'disagreements' : undefined,
  };
  return Object.fromEntries(Object.entries(out).filter(([, v]) => v !== undefined));
}
