import { DomainError } from '../errors.ts';
import type { CriteriaSet } from './schema.ts';
import { allIndicators, isIndicatorConfirmed } from './schema.ts';
import type { FamilyResolver } from './context.ts';

export interface SetSummary {
  id: string;
  name: string;
  decision: string;
  effectiveFrom: string;
  effectiveTo: string | null;
  unitLevel: string;
  criteriaCount: number;
  indicatorCount: number;
  confirmedCount: number;
}

/** The fields of a set summary, in the order the CLI prints them. */
export const SET_SUMMARY_KEYS = [
  'id',
  'name',
  'decision',
  'effectiveFrom',
  'effectiveTo',
  'unitLevel',
  'criteriaCount',
  'indicatorCount',
  'confirmedCount',
] as const satisfies readonly (keyof SetSummary)[];

/** Day before an ISO date (yyyy-mm-dd), in UTC. */
export function dayBefore(iso: string): string {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() - 1);
  return d.toISOString().slice(0, 10);
}

/**
 * All versions of all sets. A version is in force from its effective date until its own end date or the day
 * before the next version of the same family takes effect, whichever is first.
 */
export class SetRegistry {
  private readonly byId = new Map<string, CriteriaSet>();
  private readonly families = new Map<string, CriteriaSet[]>();

  constructor(sets: readonly CriteriaSet[]) {
    for (const s of sets) this.byId.set(s.id, s);
    for (const s of sets) {
      const list = this.families.get(s.family) ?? [];
      list.push(s);
      this.families.set(s.family, list);
    }
    // By start date; a version that amends another from the same day comes after it and replaces it.
    const depth = (x: CriteriaSet): number => {
      let d = 0;
      for (let cur = x; cur.amends && this.byId.has(cur.amends) && d < 50; cur = this.byId.get(cur.amends)!) d++;
      return d;
    };
    for (const list of this.families.values()) list.sort((a, b) => a.effectiveFrom.localeCompare(b.effectiveFrom) || depth(a) - depth(b));
  }

  all(): CriteriaSet[] {
    return [...this.families.values()].flat();
  }

  get(id: string): CriteriaSet {
    const s = this.byId.get(id);
    if (!s) throw new DomainError('SET_NOT_FOUND', `Không có bộ tiêu chí mã "${id}"`, { set: id, known: [...this.byId.keys()] });
    return s;
  }

  has(id: string): boolean {
    return this.byId.has(id);
  }

  /**
   * End of a version's period, taking later versions of the family into account. A version replaced from its own
   * first day (a correction that amends it) ends the day before it starts: it was never in force.
   */
  effectiveTo(set: CriteriaSet): string | null {
    const list = this.families.get(set.family) ?? [];
    const next = list[list.indexOf(set) + 1];
    const implied = next ? dayBefore(next.effectiveFrom) : null;
    if (set.effectiveTo && implied) return set.effectiveTo < implied ? set.effectiveTo : implied;
    return set.effectiveTo ?? implied;
  }

  /** The versions of a family, oldest first (a same-day amendment after the version it replaces). */
  versions(family: string): readonly CriteriaSet[] {
    return this.families.get(family) ?? [];
  }

  /** The version of a family in force on a date, if any. */
  inForce(family: string, date: string): CriteriaSet | undefined {
    const list = this.families.get(family) ?? [];
    for (let i = list.length - 1; i >= 0; i--) {
      const s = list[i]!;
      if (s.effectiveFrom <= date) {
        const to = this.effectiveTo(s);
        return to === null || to >= date ? s : undefined;
      }
    }
    return undefined;
  }

  /**
   * The date an evaluation of `set` for `year` refers to: the end of the year, kept inside the version's own
   * period so that prerequisites and relative thresholds come from versions of the same time.
   */
  referenceDate(set: CriteriaSet, year: number): string {
    let d = `${year}-12-31`;
    if (d < set.effectiveFrom) d = set.effectiveFrom;
    const to = this.effectiveTo(set);
    if (to && d > to) d = to;
    return d;
  }

  /** Resolves families for an evaluation of `set` in `year`, falling back to the family's nearest version. */
  resolverFor(set: CriteriaSet, year: number): FamilyResolver {
    const date = this.referenceDate(set, year);
    return (family) => {
      if (family === set.family) return set;
      const hit = this.inForce(family, date);
      if (hit) return hit;
      const list = this.families.get(family) ?? [];
      return [...list].reverse().find((s) => s.effectiveFrom <= date) ?? list[0];
    };
  }

  /** Sets that apply to a unit level on a date, one per family. */
  forLevelOn(level: string, date: string): CriteriaSet[] {
    const out: CriteriaSet[] = [];
    for (const family of this.families.keys()) {
      const s = this.inForce(family, date);
      if (s && s.unitLevel === level) out.push(s);
    }
    return out;
  }

  summary(set: CriteriaSet): SetSummary {
    const inds = allIndicators(set);
    return {
      id: set.id,
      name: set.name,
      decision: set.decision,
      effectiveFrom: set.effectiveFrom,
      effectiveTo: this.effectiveTo(set),
      unitLevel: set.unitLevel,
      criteriaCount: set.criteria.length,
      indicatorCount: inds.length,
      confirmedCount: inds.filter(isIndicatorConfirmed).length,
    };
  }
}
