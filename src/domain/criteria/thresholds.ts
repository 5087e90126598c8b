import type { CommuneGroup, Indicator, RegionCode, Threshold } from './schema.ts';

export interface ThresholdContext {
  region?: RegionCode | undefined;
  group?: CommuneGroup | undefined;
  year: number;
}

/**
 * Picks the threshold entry that applies: every selector it names (region, group, year) must match the
 * context, and the entry naming the most selectors wins; on a tie the first listed wins.
 */
export function resolveThreshold(ind: Pick<Indicator, 'thresholds'>, ctx: ThresholdContext): Threshold | undefined {
  let best: Threshold | undefined;
  let bestScore = -1;
  for (const t of ind.thresholds) {
    if (t.region !== undefined && t.region !== ctx.region) continue;
    if (t.group !== undefined && t.group !== ctx.group) continue;
    if (t.year !== undefined && t.year !== ctx.year) continue;
    const score = (t.region ? 1 : 0) + (t.group ? 1 : 0) + (t.year !== undefined ? 1 : 0);
    if (score > bestScore) {
      best = t;
      bestScore = score;
    }
  }
  return best;
}
