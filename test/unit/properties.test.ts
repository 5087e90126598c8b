import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { CriteriaSet, Tier } from '../../src/domain/criteria/schema.ts';
import { parseSetJson } from '../../src/interchange/criteria/files.ts';
import type { Status, ValueMap } from '../../src/domain/evaluation/types.ts';
import { buildCriterion, buildIndicator, buildSet, buildThreshold, evaluate, type IndicatorInput } from '../factories.ts';

/** Order of the statuses that carry a judgement; no-data is outside it. */
const RANK: Record<Exclude<Status, 'no-data'>, number> = { 'not-met': 0, 'basically-met': 1, met: 2 };

type Kind = 'min' | 'max' | 'boolean' | 'status';
interface IndicatorSpec {
  kind: Kind;
  /** null: threshold not read yet. */
  threshold: number | null;
  slack: number;
}

/** `unreadOneIn`: about one threshold in this many is still unread (null). */
const indicatorSpec = (unreadOneIn: number): fc.Arbitrary<IndicatorSpec> =>
  fc.record({
    kind: fc.constantFrom<Kind>('min', 'max', 'boolean', 'status'),
    threshold: fc.option(fc.integer({ min: 0, max: 100 }), { nil: null, freq: unreadOneIn - 1 }),
    slack: fc.integer({ min: 0, max: 20 }),
  });

function indicatorFrom(code: string, s: IndicatorSpec): IndicatorInput {
  if (s.kind === 'boolean' || s.kind === 'status') return buildIndicator({ code, kind: s.kind });
  const t = s.threshold;
  const basicallyMet = t === null || s.slack === 0 ? undefined : s.kind === 'min' ? t - s.slack : t + s.slack;
  return buildIndicator({ code, kind: s.kind, thresholds: [buildThreshold({ value: t, ...(basicallyMet === undefined ? {} : { basicallyMet }) })] });
}

/** A generated set: 1–5 criteria of 1–4 indicators each; codes start with `prefix`. */
function setArb(prefix: string, extra: Partial<Parameters<typeof buildSet>[0]> = {}, opts = { maxCriteria: 5, unreadOneIn: 6 }): fc.Arbitrary<CriteriaSet> {
  const spec = indicatorSpec(opts.unreadOneIn);
  return fc
    .record({
      allowsBasicallyMet: fc.boolean(),
      criteria: fc.array(fc.array(spec, { minLength: 1, maxLength: 4 }), { minLength: 1, maxLength: opts.maxCriteria }),
    })
    .map(({ allowsBasicallyMet, criteria }) =>
      buildSet({
        ...extra,
        allowsBasicallyMet,
        criteria: criteria.map((inds, ci) =>
          buildCriterion({ code: `${prefix}C${ci}`, indicators: inds.map((s, ii) => indicatorFrom(`${prefix}${ci}.${ii}`, s)) }),
        ),
      }),
    );
}

/**
 * A value (or no value) of the right type for every indicator of the sets. Values that meet the threshold are
 * favoured so that whole sets, and whole ladders, are met often enough to test what follows from that.
 */
function valuesArb(sets: CriteriaSet[], weights = { good: 4, any: 2, none: 1 }): fc.Arbitrary<ValueMap> {
  const entries: Record<string, fc.Arbitrary<ValueMap[string]>> = {};
  for (const set of sets)
    for (const c of set.criteria)
      for (const ind of c.indicators) {
        const t = ind.thresholds[0]?.value;
        const any: fc.Arbitrary<ValueMap[string]> =
          ind.kind === 'min' || ind.kind === 'max'
            ? fc.double({ min: -10, max: 130, noNaN: true })
            : ind.kind === 'boolean'
              ? fc.boolean()
              : fc.constantFrom<ValueMap[string]>('met', 'not-met', ...(set.allowsBasicallyMet ? ['basically-met'] : []));
        const meets: fc.Arbitrary<ValueMap[string]> =
          typeof t !== 'number'
            ? any
            : ind.kind === 'min'
              ? fc.double({ min: t, max: t + 30, noNaN: true })
              : ind.kind === 'max'
                ? fc.double({ min: t - 30, max: t, noNaN: true })
                : any;
        const good = ind.kind === 'boolean' ? fc.constant(true) : ind.kind === 'status' ? fc.constant('met') : meets;
        entries[ind.code] = fc.oneof(
          { weight: weights.good, arbitrary: good },
          { weight: weights.any, arbitrary: any },
          { weight: weights.none, arbitrary: fc.constant(undefined) },
        );
      }
  return fc.record(entries);
}

const numericCodes = (set: CriteriaSet, kind: 'min' | 'max') => set.criteria.flatMap((c) => c.indicators.filter((i) => i.kind === kind).map((i) => i.code));

describe('properties of the evaluation', () => {
  for (const kind of ['min', 'max'] as const) {
    it(`${kind === 'min' ? 'raising a min' : 'lowering a max'} value never lowers its status, its criterion or the count met`, () => {
      const arb = setArb('X').chain((set) =>
        fc.record({
          set: fc.constant(set),
          values: valuesArb([set]),
          code: numericCodes(set, kind).length ? fc.constantFrom(...numericCodes(set, kind)) : fc.constant(null),
          from: fc.double({ min: -10, max: 130, noNaN: true }),
          step: fc.double({ min: 0, max: 50, noNaN: true }),
        }),
      );
      fc.assert(
        fc.property(arb, ({ set, values, code, from, step }) => {
          fc.pre(code !== null);
          const to = kind === 'min' ? from + step : from - step;
          const before = evaluate(set, { ...values, [code]: from });
          const after = evaluate(set, { ...values, [code]: to });
          const b = before.indicators[code]!.status;
          const a = after.indicators[code]!.status;
          // No data (an unread threshold) stays no data whatever the value.
          expect(a === 'no-data').toBe(b === 'no-data');
          if (a !== 'no-data' && b !== 'no-data') expect(RANK[a]).toBeGreaterThanOrEqual(RANK[b]);
          const crit = before.indicators[code]!.criterion;
          const cb = before.criteria[crit]!.status;
          const ca = after.criteria[crit]!.status;
          if (cb !== 'not-met' && cb !== 'no-data') expect(ca === 'no-data' ? -1 : RANK[ca]).toBeGreaterThanOrEqual(RANK[cb]);
          expect(after.criteriaMet).toBeGreaterThanOrEqual(before.criteriaMet);
          if (before.setTierReached) expect(after.setTierReached).toBe(true);
        }),
      );
    });
  }

  it('criteriaMet is the number of criteria with status met, and the tier is reached exactly when all are', () => {
    const arb = setArb('Y').chain((set) => fc.record({ set: fc.constant(set), values: valuesArb([set]) }));
    fc.assert(
      fc.property(arb, ({ set, values }) => {
        const e = evaluate(set, values);
        const statuses = Object.values(e.criteria).map((c) => c.status);
        expect(e.criteriaMet).toBe(statuses.filter((s) => s === 'met').length);
        expect(e.criteriaTotal).toBe(set.criteria.length);
        expect(e.setTierReached).toBe(statuses.every((s) => s === 'met'));
        expect(e.tier).toBe(e.setTierReached ? 'ntm' : null);
        // Every indicator not met is in the gap, once.
        const notMet = Object.values(e.indicators)
          .filter((i) => i.status !== 'met')
          .map((i) => i.code);
        expect(e.gap.map((g) => g.indicator)).toEqual(notMet);
        // A criterion is met only when every one of its indicators is.
        for (const c of Object.values(e.criteria)) if (c.status === 'met') expect(c.indicatorsMet).toBe(c.indicatorsTotal);
      }),
    );
  });

  it('a set written to a JSON file reads back the same', () => {
    fc.assert(
      fc.property(setArb('J'), (set) => {
        expect(parseSetJson(JSON.stringify(set, null, 2), 'bo.json')).toEqual(set);
      }),
    );
  });

  it('a tier implies every tier below it', () => {
    const small = { maxCriteria: 3, unreadOneIn: 20 };
    const arb = fc
      .tuple(
        setArb('N', { family: 'p-ntm', id: 'p-ntm', tier: 'ntm' }, small),
        setArb('A', { family: 'p-nc', id: 'p-nc', tier: 'nang-cao', requiresTier: { family: 'p-ntm' } }, small),
        setArb('M', { family: 'p-km', id: 'p-km', tier: 'kieu-mau', requiresTier: { family: 'p-nc' } }, small),
      )
      .chain((sets) => fc.record({ sets: fc.constant(sets), values: valuesArb(sets, { good: 12, any: 2, none: 1 }) }));
    const below: Record<string, Tier[]> = { ntm: [], 'nang-cao': ['ntm'], 'kieu-mau': ['nang-cao', 'ntm'] };
    const reached = { ntm: 0, 'nang-cao': 0, 'kieu-mau': 0 } as Record<Tier, number>;
    fc.assert(
      fc.property(arb, ({ sets: [ntm, nc, km], values }) => {
        const others = [ntm, nc, km];
        const top = evaluate(km, values, { others });
        // The lower sets evaluated on their own, with the values of their own ladder only.
        const only = (prefixes: string) => Object.fromEntries(Object.entries(values).filter(([k]) => prefixes.includes(k[0]!)));
        const alone = { ntm: evaluate(ntm, only('N'), { others }), 'nang-cao': evaluate(nc, only('NA'), { others }) };
        if (top.tier === null) return;
        reached[top.tier]++;
        expect(top.setTierReached).toBe(top.tier === 'kieu-mau');
        for (const lower of below[top.tier]!) {
          expect(top.prerequisites.find((p) => p.tier === lower)!.reached).toBe(true);
          expect(alone[lower as 'ntm' | 'nang-cao'].setTierReached).toBe(true);
        }
        // The advanced evaluation agrees with the model one about the advanced tier.
        if (top.tier !== 'ntm') expect(alone['nang-cao'].tier).toBe('nang-cao');
      }),
      { numRuns: 300 },
    );
    // Every rung is reached by some generated case, so the property is not vacuous.
    expect(reached.ntm).toBeGreaterThan(0);
    expect(reached['nang-cao']).toBeGreaterThan(0);
    expect(reached['kieu-mau']).toBeGreaterThan(0);
  });
});
