import { describe, expect, it } from 'vitest';
import { buildCriterion, buildIndicator, buildSet, buildThreshold, evaluate } from '../../../test/factories.ts';
import type { IndicatorInput } from '../../../test/factories.ts';
import { DomainError } from '../errors.ts';
import type { CriteriaSetInput } from '../criteria/schema.ts';

/** A set with one criterion holding one indicator. */
const single = (ind: Partial<IndicatorInput>, set: Partial<CriteriaSetInput> = {}) =>
  buildSet({ ...set, criteria: [buildCriterion({ code: 'C', indicators: [buildIndicator({ code: 'X', ...ind })] })] });

const statusOf = (set: ReturnType<typeof buildSet>, value: unknown) => {
  const e = evaluate(set, value === undefined ? {} : { X: value as never });
  return e.indicators.X!.status;
};

function codeOf(fn: () => unknown): string {
  try {
    fn();
  } catch (e) {
    if (e instanceof DomainError) return e.code;
    throw e;
  }
  throw new Error('expected a DomainError');
}

describe('rule kinds', () => {
  it('min: met at and above the threshold', () => {
    const s = single({ kind: 'min', thresholds: [buildThreshold({ value: 80 })] });
    expect(statusOf(s, 79.9)).toBe('not-met');
    expect(statusOf(s, 80)).toBe('met');
    expect(statusOf(s, 100)).toBe('met');
  });

  it('max: met at and below the threshold', () => {
    const s = single({ kind: 'max', thresholds: [buildThreshold({ value: 5 })] });
    expect(statusOf(s, 5.1)).toBe('not-met');
    expect(statusOf(s, 5)).toBe('met');
    expect(statusOf(s, 0)).toBe('met');
  });

  it('boolean: met only when true', () => {
    const s = single({ kind: 'boolean' });
    expect(statusOf(s, true)).toBe('met');
    expect(statusOf(s, false)).toBe('not-met');
  });

  it('status: takes the recorded assessment (true/false or its names, English or Vietnamese)', () => {
    const s = single({ kind: 'status' });
    for (const v of [true, 'met', 'dat']) expect(statusOf(s, v)).toBe('met');
    for (const v of [false, 'not-met', 'chua-dat']) expect(statusOf(s, v)).toBe('not-met');
  });

  it('tier: met when the referenced family’s tier is reached, or when recorded directly', () => {
    const base = buildSet({ family: 'nen', criteria: [buildCriterion({ indicators: [buildIndicator({ code: 'B', kind: 'boolean' })] })] });
    const s = buildSet({ criteria: [buildCriterion({ indicators: [buildIndicator({ code: 'T', kind: 'tier', requiresTier: { family: 'nen' } })] })] });
    expect(evaluate(s, { B: true }, { others: [base] }).indicators.T).toMatchObject({ status: 'met', value: true });
    expect(evaluate(s, { B: false }, { others: [base] }).indicators.T).toMatchObject({ status: 'not-met', value: false });
    expect(evaluate(s, {}, { others: [base] }).indicators.T).toMatchObject({ status: 'no-data', value: null, reason: 'no-value' });
    expect(evaluate(s, { T: true }, { others: [base] }).indicators.T!.status).toBe('met');
  });

  it('min-relative: met at factor × the threshold of the referenced indicator', () => {
    const ref = buildSet({
      family: 'tham-chieu',
      criteria: [buildCriterion({ indicators: [buildIndicator({ code: 'INC', thresholds: [buildThreshold({ value: 50 })] })] })],
    });
    const s = buildSet({
      criteria: [
        buildCriterion({
          indicators: [buildIndicator({ code: 'R', kind: 'min-relative', relative: { family: 'tham-chieu', indicator: 'INC', factor: 1.2 } })],
        }),
      ],
    });
    const at = (v: number) => evaluate(s, { R: v }, { others: [ref] }).indicators.R!;
    expect(at(59.9)).toMatchObject({ status: 'not-met', threshold: 60 });
    expect(at(60).status).toBe('met');
  });

  it('min-relative to a missing indicator is a CRITERIA_REFERENCE error', () => {
    const ref = buildSet({ family: 'tham-chieu-2' });
    const s = buildSet({
      criteria: [
        buildCriterion({ indicators: [buildIndicator({ kind: 'min-relative', relative: { family: 'tham-chieu-2', indicator: 'KHONG', factor: 1 } })] }),
      ],
    });
    expect(codeOf(() => evaluate(s, {}, { others: [ref] }))).toBe('CRITERIA_REFERENCE');
    expect(codeOf(() => evaluate(s, {}))).toBe('CRITERIA_REFERENCE');
  });

  it('uses the threshold of the context’s region and year', () => {
    const s = single({ thresholds: [buildThreshold({ value: 90 }), buildThreshold({ region: 'TDMNPB', year: 2024, value: 70 })] }, { dimension: 'region' });
    expect(evaluate(s, { X: 75 }, { ctx: { region: 'TDMNPB', year: 2024 } }).indicators.X).toMatchObject({ status: 'met', threshold: 70 });
    expect(evaluate(s, { X: 75 }, { ctx: { region: 'TDMNPB', year: 2023 } }).indicators.X).toMatchObject({ status: 'not-met', threshold: 90 });
    expect(evaluate(s, { X: 75 }, { ctx: { region: 'DBSH', year: 2024 } }).indicators.X).toMatchObject({ status: 'not-met', threshold: 90 });
  });
});

describe('basically met', () => {
  const thresholds = [buildThreshold({ value: 80, basicallyMet: 70 })];
  it('applies between the two bounds only when the set allows it', () => {
    const allowed = single({ thresholds }, { allowsBasicallyMet: true });
    expect(statusOf(allowed, 75)).toBe('basically-met');
    expect(statusOf(allowed, 70)).toBe('basically-met');
    expect(statusOf(allowed, 69)).toBe('not-met');
    expect(evaluate(allowed, { X: 75 }).indicators.X!.basicallyMet).toBe(70);
    const strict = single({ thresholds });
    expect(statusOf(strict, 75)).toBe('not-met');
    expect(evaluate(strict, { X: 75 }).indicators.X!.basicallyMet).toBeUndefined();
  });

  it('works the other way round for max rules', () => {
    const s = single({ kind: 'max', thresholds: [buildThreshold({ value: 5, basicallyMet: 7 })] }, { allowsBasicallyMet: true });
    expect(statusOf(s, 6)).toBe('basically-met');
    expect(statusOf(s, 7.5)).toBe('not-met');
  });

  it('is accepted as a recorded status only when the set allows it', () => {
    expect(statusOf(single({ kind: 'status' }, { allowsBasicallyMet: true }), 'basically-met')).toBe('basically-met');
    expect(statusOf(single({ kind: 'status' }, { allowsBasicallyMet: true }), 'co-ban-dat')).toBe('basically-met');
    expect(codeOf(() => statusOf(single({ kind: 'status' }), 'basically-met'))).toBe('INVALID_VALUE');
  });

  it('makes the criterion basically met, not met, when it is the worst indicator', () => {
    const s = buildSet({
      allowsBasicallyMet: true,
      criteria: [buildCriterion({ code: 'C', indicators: [buildIndicator({ code: 'A', thresholds }), buildIndicator({ code: 'B', kind: 'boolean' })] })],
    });
    const e = evaluate(s, { A: 75, B: true });
    expect(e.criteria.C).toMatchObject({ status: 'basically-met', indicatorsMet: 1, indicatorsTotal: 2 });
    expect(e.criteriaMet).toBe(0);
    expect(e.setTierReached).toBe(false);
  });
});

describe('no data', () => {
  it('says whether the value or the threshold is missing', () => {
    const unread = single({ thresholds: [buildThreshold({ value: null })] });
    expect(evaluate(unread, { X: 99 }).indicators.X).toMatchObject({ status: 'no-data', reason: 'no-threshold', value: 99, threshold: null, confirmed: false });
    const read = single({ thresholds: [buildThreshold({ value: 80 })] });
    expect(evaluate(read, {}).indicators.X).toMatchObject({ status: 'no-data', reason: 'no-value', value: null, threshold: 80 });
    expect(evaluate(read, { X: null }).indicators.X).toMatchObject({ status: 'no-data', reason: 'no-value' });
    // A threshold whose region does not match counts as no threshold.
    const other = single({ thresholds: [buildThreshold({ region: 'DBSH', value: 80 })] }, { dimension: 'region' });
    expect(evaluate(other, { X: 99 }, { ctx: { region: 'TDMNPB' } }).indicators.X).toMatchObject({ status: 'no-data', reason: 'no-threshold' });
  });

  it('never counts an unknown threshold as met', () => {
    const s = single({ thresholds: [buildThreshold({ value: null })] });
    const e = evaluate(s, { X: 1e9 });
    expect(e.criteria.C!.status).toBe('no-data');
    expect(e.criteriaMet).toBe(0);
    expect(e.tier).toBeNull();
  });

  it('lets not-met win over no-data in a criterion, and no-data win over met', () => {
    const s = buildSet({ criteria: [buildCriterion({ code: 'C', indicators: [buildIndicator({ code: 'A' }), buildIndicator({ code: 'B' })] })] });
    expect(evaluate(s, { A: 10 }).criteria.C!.status).toBe('not-met');
    expect(evaluate(s, { A: 60 }).criteria.C!.status).toBe('no-data');
    expect(evaluate(s, { A: 60, B: 60 }).criteria.C!.status).toBe('met');
  });
});

describe('criteria recorded directly', () => {
  const pending = buildSet({
    indicatorsPending: true,
    allowsBasicallyMet: true,
    criteria: [buildCriterion({ code: 'D', indicators: [] }), buildCriterion({ code: 'N', indicators: [buildIndicator({ code: 'N.1', kind: 'boolean' })] })],
  });

  it('take the status recorded under the criterion code', () => {
    for (const [v, status] of [
      [true, 'met'],
      ['met', 'met'],
      ['basically-met', 'basically-met'],
      [false, 'not-met'],
      ['chua-dat', 'not-met'],
    ] as const)
      expect(evaluate(pending, { D: v }).criteria.D).toMatchObject({ status, direct: true, indicatorsTotal: 0 });
    expect(evaluate(pending, {}).criteria.D!.status).toBe('no-data');
  });

  it('appear in the gap with the criterion code when not met', () => {
    const gap = evaluate(pending, { D: false, 'N.1': true }).gap;
    expect(gap).toEqual([
      {
        criterion: 'D',
        indicator: null,
        name: pending.criteria[0]!.name,
        status: 'not-met',
        value: false,
        threshold: true,
        difference: null,
        confirmed: false,
      },
    ]);
    expect(evaluate(pending, { 'N.1': true }).gap[0]).toMatchObject({ criterion: 'D', status: 'no-data', reason: 'awaiting-direct' });
  });

  it('reject a value that is not a status', () => {
    expect(codeOf(() => evaluate(pending, { D: 12 }))).toBe('INVALID_VALUE');
    expect(codeOf(() => evaluate(pending, { D: 'maybe' }))).toBe('INVALID_VALUE');
  });

  it('count towards the tier like any other criterion', () => {
    const e = evaluate(pending, { D: true, 'N.1': true });
    expect(e.criteriaMet).toBe(2);
    expect(e.tier).toBe('ntm');
  });
});

describe('criteria with part of their indicators loaded', () => {
  const s = buildSet({
    allowsBasicallyMet: true,
    criteria: [
      buildCriterion({
        code: 'P',
        indicatorsIncomplete: true,
        indicators: [buildIndicator({ code: 'P.1', thresholds: [buildThreshold({ value: 80, basicallyMet: 70 })] })],
      }),
    ],
  });
  const status = (values: Record<string, unknown>) => evaluate(s, values as never).criteria.P!.status;

  it('are met only when the overall status is also recorded as met', () => {
    expect(status({ 'P.1': 90 })).toBe('no-data');
    expect(status({ 'P.1': 90, P: true })).toBe('met');
    expect(status({ 'P.1': 90, P: 'basically-met' })).toBe('basically-met');
    expect(status({ 'P.1': 90, P: false })).toBe('not-met');
  });

  it('still fail on a loaded indicator whatever is recorded', () => {
    expect(status({ 'P.1': 10, P: true })).toBe('not-met');
    expect(status({ 'P.1': 75, P: true })).toBe('basically-met');
  });

  it('stay no-data while a loaded indicator has no value, unless recorded as not met', () => {
    expect(status({ P: true })).toBe('no-data');
    expect(status({ P: false })).toBe('not-met');
  });

  it('are flagged as direct', () => {
    expect(evaluate(s, { 'P.1': 90, P: true }).criteria.P!.direct).toBe(true);
  });
});

describe('gap', () => {
  const s = buildSet({
    criteria: [
      buildCriterion({
        code: 'C1',
        indicators: [
          buildIndicator({ code: 'MIN', thresholds: [buildThreshold({ value: 80 })] }),
          buildIndicator({ code: 'MAX', kind: 'max', thresholds: [buildThreshold({ value: 5 })] }),
        ],
      }),
      buildCriterion({ code: 'C2', indicators: [buildIndicator({ code: 'OK', kind: 'boolean' }), buildIndicator({ code: 'NO', kind: 'boolean' })] }),
      buildCriterion({ code: 'C3', indicators: [buildIndicator({ code: 'UNREAD', thresholds: [buildThreshold({ value: null })] })] }),
    ],
  });
  const e = evaluate(s, { MIN: 72.3, MAX: 6.25, OK: true, NO: false, UNREAD: 3 });
  const byCode = new Map(e.gap.map((g) => [g.indicator, g]));

  it('lists every indicator not met, in set order, and none that is met', () => {
    expect(e.gap.map((g) => g.indicator)).toEqual(['MIN', 'MAX', 'NO', 'UNREAD']);
  });

  it('gives the distance still to cover: threshold − value for min, value − threshold for max', () => {
    expect(byCode.get('MIN')!.difference).toBeCloseTo(7.7, 9);
    expect(byCode.get('MAX')!.difference).toBe(1.25);
    expect(byCode.get('NO')!.difference).toBeNull();
    expect(byCode.get('UNREAD')).toMatchObject({ difference: null, reason: 'no-threshold', threshold: null });
  });

  it('rounds away floating-point noise', () => {
    const g = evaluate(single({ thresholds: [buildThreshold({ value: 0.3 })] }), { X: 0.1 }).gap[0]!;
    expect(g.difference).toBe(0.2);
  });
});

describe('invalid values', () => {
  const s = buildSet({
    criteria: [
      buildCriterion({
        indicators: [buildIndicator({ code: 'N' }), buildIndicator({ code: 'B', kind: 'boolean' }), buildIndicator({ code: 'S', kind: 'status' })],
      }),
    ],
  });
  it('reject the wrong type for the rule with INVALID_VALUE naming the code', () => {
    for (const [code, value] of [
      ['N', '12'],
      ['N', true],
      ['N', Number.NaN],
      ['N', Number.POSITIVE_INFINITY],
      ['B', 1],
      ['B', 'true'],
      ['S', 3],
    ] as const) {
      try {
        evaluate(s, { [code]: value });
        expect.unreachable(`${code}=${String(value)} was accepted`);
      } catch (e) {
        expect(e).toBeInstanceOf(DomainError);
        expect((e as DomainError).code).toBe('INVALID_VALUE');
        expect((e as DomainError).message).toContain(`"${code}"`);
        expect((e as DomainError).details).toMatchObject({ code, set: s.id });
      }
    }
  });

  it('reject a code that is not in the set with UNKNOWN_INDICATOR', () => {
    expect(codeOf(() => evaluate(s, { 'Z.9': 1 }))).toBe('UNKNOWN_INDICATOR');
    // A criterion code is accepted only for criteria recorded directly.
    expect(codeOf(() => evaluate(s, { [s.criteria[0]!.code]: true }))).toBe('UNKNOWN_INDICATOR');
  });

  it('require a commune group for sets split by group (GROUP_REQUIRED)', () => {
    const g = single(
      { thresholds: [buildThreshold({ group: '1', value: 90 }), buildThreshold({ group: '3', value: 60 })] },
      { dimension: 'group', period: { from: 2026, to: 2030 } },
    );
    expect(codeOf(() => evaluate(g, { X: 70 }, { ctx: { year: 2027 } }))).toBe('GROUP_REQUIRED');
    expect(evaluate(g, { X: 70 }, { ctx: { year: 2027, group: '3' } }).indicators.X!.status).toBe('met');
    expect(evaluate(g, { X: 70 }, { ctx: { year: 2027, group: '1' } }).indicators.X!.status).toBe('not-met');
    expect(evaluate(g, { X: 70 }, { ctx: { year: 2027, group: '3' } }).group).toBe('3');
  });
});

describe('result', () => {
  it('lists every indicator of the set with its threshold, value and confirmation', () => {
    const s = buildSet({
      criteria: [
        buildCriterion({
          code: 'C',
          indicators: [
            buildIndicator({ code: 'A', source: 'QĐ 1' }),
            buildIndicator({ code: 'B', thresholds: [buildThreshold({ value: 10, confirmed: false })] }),
          ],
        }),
      ],
    });
    const e = evaluate(s, { A: 70 });
    expect(Object.keys(e.indicators)).toEqual(['A', 'B']);
    expect(e.indicators.A).toMatchObject({ code: 'A', criterion: 'C', kind: 'min', value: 70, threshold: 50, confirmed: true, source: 'QĐ 1' });
    expect(e.indicators.B).toMatchObject({ value: null, threshold: 10, confirmed: false, source: null });
    expect(e).toMatchObject({ set: s.id, family: s.family, criteriaTotal: 1, setTier: 'ntm', region: null, group: null });
  });
});
