import { describe, expect, it } from 'vitest';
import { buildCriterion, buildIndicator, buildSet, buildThreshold } from '../../../test/factories.ts';
import { criteriaSetSchema, indicatorSchema, isIndicatorConfirmed } from './schema.ts';

/** The paths (joined with '.') of the problems the schema reports for a set built from `overrides`. */
function problems(overrides: Record<string, unknown>): string[] {
  const base = { ...buildSetInput(), ...overrides };
  const r = criteriaSetSchema.safeParse(base);
  return r.success ? [] : r.error.issues.map((i) => i.path.join('.'));
}

function buildSetInput() {
  return {
    id: 'bo-thu',
    family: 'ho-thu',
    name: 'Bộ thử',
    decision: '1/QĐ',
    legalSource: 'QĐ 1',
    effectiveFrom: '2022-01-01',
    period: { from: 2021, to: 2025 },
    unitLevel: 'commune',
    dimension: 'region',
    tier: 'ntm',
    criteria: [buildCriterion({ code: 'A', indicators: [buildIndicator({ code: 'A.1' })] })],
  };
}

describe('criteriaSetSchema', () => {
  it('accepts the factory’s set and fills defaults', () => {
    const s = buildSet();
    expect(s.effectiveTo).toBeNull();
    expect(s.allowsBasicallyMet).toBe(false);
    expect(s.criteria[0]!.indicatorsIncomplete).toBe(false);
  });

  it('rejects duplicate criterion and indicator codes', () => {
    expect(problems({ criteria: [buildCriterion({ code: 'A' }), buildCriterion({ code: 'A' })] })).toContain('criteria.1.code');
    expect(problems({ criteria: [buildCriterion({ indicators: [buildIndicator({ code: 'X' }), buildIndicator({ code: 'X' })] })] })).toContain(
      'criteria.0.indicators.1.code',
    );
  });

  it('allows a criterion without indicators only in a set whose indicator table is pending', () => {
    expect(problems({ criteria: [buildCriterion({ indicators: [] })] })).toContain('criteria.0.indicators');
    expect(problems({ indicatorsPending: true, criteria: [buildCriterion({ indicators: [] })] })).toEqual([]);
  });

  it('checks thresholds against the indicator kind and the set’s dimension', () => {
    const one = (ind: ReturnType<typeof buildIndicator>, extra: Record<string, unknown> = {}) =>
      problems({ ...extra, criteria: [buildCriterion({ indicators: [ind] })] });
    expect(one(buildIndicator({ thresholds: [buildThreshold({ value: true })] }))).toContain('criteria.0.indicators.0.thresholds.0.value');
    expect(one(buildIndicator({ kind: 'boolean', thresholds: [buildThreshold({ value: 3 })] }))).toContain('criteria.0.indicators.0.thresholds.0.value');
    expect(one(buildIndicator({ thresholds: [buildThreshold({ group: '1' })] }))).toContain('criteria.0.indicators.0.thresholds.0.group');
    expect(one(buildIndicator({ thresholds: [buildThreshold({ region: 'TDMNPB' })] }), { dimension: 'group' })).toContain(
      'criteria.0.indicators.0.thresholds.0.region',
    );
    expect(one(buildIndicator({ thresholds: [{ value: null, confirmed: true }] }))).toContain('criteria.0.indicators.0.thresholds.0.confirmed');
    expect(one(buildIndicator({ thresholds: [] }))).toContain('criteria.0.indicators.0.thresholds');
    // "Basically met" must be looser than "met": lower for min, higher for max.
    expect(one(buildIndicator({ thresholds: [buildThreshold({ value: 80, basicallyMet: 90 })] }))).toContain(
      'criteria.0.indicators.0.thresholds.0.basicallyMet',
    );
    expect(one(buildIndicator({ kind: 'max', thresholds: [buildThreshold({ value: 5, basicallyMet: 3 })] }))).toContain(
      'criteria.0.indicators.0.thresholds.0.basicallyMet',
    );
    expect(one(buildIndicator({ thresholds: [buildThreshold({ value: 80, basicallyMet: 70 })] }))).toEqual([]);
  });

  it('requires the reference of tier and min-relative indicators', () => {
    expect(problems({ criteria: [buildCriterion({ indicators: [buildIndicator({ kind: 'tier' })] })] })).toContain('criteria.0.indicators.0.requiresTier');
    expect(problems({ criteria: [buildCriterion({ indicators: [buildIndicator({ kind: 'min-relative' })] })] })).toContain('criteria.0.indicators.0.relative');
  });

  it('rejects unknown fields, bad ids, reversed dates and periods', () => {
    expect(problems({ extra: 1 })).toEqual(['']);
    expect(problems({ id: 'Bộ Thử' })).toContain('id');
    expect(problems({ effectiveFrom: '2022-3-1' })).toContain('effectiveFrom');
    expect(problems({ effectiveTo: '2021-12-31' })).toContain('effectiveTo');
    expect(problems({ period: { from: 2025, to: 2021 } })).toContain('period');
    expect(problems({ criteria: [] })).toContain('criteria');
  });
});

describe('isIndicatorConfirmed', () => {
  const parse = (o: Parameters<typeof buildIndicator>[0]) => indicatorSchema.parse(buildIndicator(o));
  it('needs every threshold confirmed', () => {
    expect(isIndicatorConfirmed(parse({ thresholds: [buildThreshold({ region: 'TDMNPB' }), buildThreshold({ value: null })] }))).toBe(false);
    expect(isIndicatorConfirmed(parse({ thresholds: [buildThreshold({ region: 'TDMNPB' }), buildThreshold({ region: 'DBSH' })] }))).toBe(true);
  });
  it('uses the name check for rules without thresholds', () => {
    expect(isIndicatorConfirmed(parse({ kind: 'status', nameConfirmed: true }))).toBe(true);
    expect(isIndicatorConfirmed(parse({ kind: 'status', nameConfirmed: false }))).toBe(false);
    expect(isIndicatorConfirmed(parse({ kind: 'tier', requiresTier: { family: 'x' }, nameConfirmed: true }))).toBe(true);
  });
});
