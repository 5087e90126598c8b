import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildCriterion, buildIndicator, buildSet, buildThreshold, evaluate } from '../../../test/factories.ts';
import { completeness } from '../criteria/completeness.ts';
import { criteriaSetSchema } from '../criteria/schema.ts';
import { SetRegistry } from '../criteria/registry.ts';
import { evaluateSet } from './explain.ts';
import type { ValueMap } from './types.ts';

/** A version whose criterion 1 was recorded directly, and its amendment that gives criterion 1 an indicator. */
const before = buildSet({
  id: 'v1',
  family: 'f',
  indicatorsPending: true,
  criteria: [buildCriterion({ code: '1', indicators: [] }), buildCriterion({ code: '2', indicators: [] })],
});
const after = buildSet({
  id: 'v2',
  family: 'f',
  amends: 'v1',
  effectiveFrom: '2023-01-01',
  indicatorsPending: true,
  criteria: [buildCriterion({ code: '1', indicators: [buildIndicator({ code: '1.1' })] }), buildCriterion({ code: '2', indicators: [] })],
});
const stored = (values: ValueMap) =>
  evaluateSet(after, { year: 2023 }, { values: {}, bySet: { f: values }, stored: true }, new SetRegistry([before, after]).resolverFor(after, 2023));

describe('stored values under a newer version', () => {
  it('refuses the caller’s own input with a code the version lacks (UNKNOWN_INDICATOR)', () => {
    expect(() => evaluate(after, { '1': true, '9.9': 3 })).toThrow(/không có trong bộ tiêu chí/);
  });

  it('keeps a direct status of a criterion that now has indicators as an earlier record, not as its status', () => {
    const e = stored({ '1': true, '2': true });
    expect(e.criteria['1']).toMatchObject({ status: 'no-data', direct: false, earlierRecord: { value: true, storedUnder: 'f' } });
    expect(e.criteria['2']).toMatchObject({ status: 'met', direct: true, earlierRecord: null });
    expect(e.criteriaMet).toBe(1);
    // The gap row of a criterion judged by indicators is the indicator's, never the old record.
    expect(e.gap.filter((g) => g.criterion === '1').map((g) => g.indicator)).toEqual(['1.1']);
  });

  it('lists values whose code the version lacks, or of the wrong kind, and ignores them', () => {
    const e = stored({ '9.9': 3, '1.1': 'met', '2': 7 });
    expect([...e.notInVersion].sort((a, b) => a.code.localeCompare(b.code))).toEqual([
      { code: '1.1', value: 'met', storedUnder: 'f', reason: 'wrong-kind' },
      { code: '2', value: 7, storedUnder: 'f', reason: 'wrong-kind' },
      { code: '9.9', value: 3, storedUnder: 'f', reason: 'unknown-code' },
    ]);
    expect(e.indicators['1.1']!.status).toBe('no-data');
    expect(e.criteria['2']).toMatchObject({ status: 'no-data', awaitingDirect: true, reason: 'awaiting-direct' });
  });

  it('never throws on any stored map (property)', () => {
    const value = fc.oneof(fc.double(), fc.boolean(), fc.constantFrom('met', 'not-met', 'basically-met', 'x'), fc.constant(null));
    const code = fc.oneof(fc.constantFrom('1', '1.1', '2', '3', ''), fc.string({ maxLength: 4 }));
    fc.assert(
      fc.property(fc.dictionary(code, value), (map) => {
        const e = stored(map);
        expect(e.criteriaTotal).toBe(2);
      }),
    );
  });
});

describe('criteria with fewer indicators loaded than the decision has', () => {
  const set = buildSet({
    criteria: [
      buildCriterion({ code: 'A', indicatorsDeclared: 3, indicators: [buildIndicator({ code: 'A.1' }), buildIndicator({ code: 'A.2' })] }),
      buildCriterion({ code: 'B', indicatorsDeclared: 1, indicators: [buildIndicator({ code: 'B.1' })] }),
    ],
  });

  it('are incomplete when fewer are loaded than declared, complete when as many', () => {
    expect(completeness(set.criteria[0]!)).toEqual({ loaded: 2, declared: 3, incomplete: true, takesDirect: true });
    expect(completeness(set.criteria[1]!)).toEqual({ loaded: 1, declared: 1, incomplete: false, takesDirect: false });
    expect(completeness(buildSet({ indicatorsPending: true, criteria: [buildCriterion({ indicators: [] })] }).criteria[0]!).incomplete).toBe(true);
  });

  it('say so in the evaluation and wait for a direct status before they can be met', () => {
    const e = evaluate(set, { 'A.1': 90, 'A.2': 90, 'B.1': 90 });
    expect(e.criteria.A).toMatchObject({
      status: 'no-data',
      indicatorsLoaded: 2,
      indicatorsDeclared: 3,
      indicatorsIncomplete: true,
      awaitingDirect: true,
      reason: 'awaiting-direct',
    });
    expect(e.criteria.B).toMatchObject({ status: 'met', indicatorsIncomplete: false, awaitingDirect: false });
    expect(evaluate(set, { 'A.1': 90, 'A.2': 90, A: 'met' }).criteria.A!.status).toBe('met');
    expect(evaluate(set, { 'A.1': 10, 'A.2': 90 }).criteria.A).toMatchObject({ status: 'not-met', awaitingDirect: false });
  });

  it('can never be met on the loaded indicators alone (property)', () => {
    fc.assert(
      fc.property(fc.option(fc.double({ min: 0, max: 100, noNaN: true })), fc.option(fc.double({ min: 0, max: 100, noNaN: true })), (a1, a2) => {
        const values: ValueMap = {};
        if (a1 !== null) values['A.1'] = a1;
        if (a2 !== null) values['A.2'] = a2;
        expect(evaluate(set, values).criteria.A!.status).not.toBe('met');
      }),
    );
  });

  it('refuses a declared count below the loaded one, naming the field', () => {
    const input = { ...set, criteria: [{ ...set.criteria[0]!, indicatorsDeclared: 1 }] };
    const r = criteriaSetSchema.safeParse(input);
    expect(r.success).toBe(false);
    expect(r.error!.issues[0]!.path).toEqual(['criteria', 0, 'indicatorsDeclared']);
  });
});

describe('a value without a threshold', () => {
  it('is no-data for the threshold, not for the value', () => {
    const set = buildSet({
      criteria: [buildCriterion({ code: 'C', indicators: [buildIndicator({ code: 'X', thresholds: [buildThreshold({ value: null })] })] })],
    });
    expect(evaluate(set, { X: 5 }).indicators.X).toMatchObject({ status: 'no-data', reason: 'no-threshold' });
  });
});
