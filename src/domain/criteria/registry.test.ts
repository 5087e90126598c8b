import { describe, expect, it } from 'vitest';
import { buildCriterion, buildIndicator, buildSet, buildThreshold } from '../../../test/factories.ts';
import { DomainError } from '../errors.ts';
import { dayBefore, SetRegistry } from './registry.ts';

const family = 'xa-thu';
const v1 = buildSet({ id: 'xa-thu-2022', family, effectiveFrom: '2022-03-08' });
const v2 = buildSet({ id: 'xa-thu-2024', family, effectiveFrom: '2024-03-01' });
const v3 = buildSet({ id: 'xa-thu-2026', family, effectiveFrom: '2026-02-15', effectiveTo: '2030-12-31', period: { from: 2026, to: 2030 } });

describe('dayBefore', () => {
  it('crosses month, leap-day and year boundaries', () => {
    expect(dayBefore('2024-03-01')).toBe('2024-02-29');
    expect(dayBefore('2023-03-01')).toBe('2023-02-28');
    expect(dayBefore('2026-01-01')).toBe('2025-12-31');
  });
});

describe('SetRegistry', () => {
  // Listed out of order on purpose: the registry sorts versions by start date.
  const registry = new SetRegistry([v3, v1, v2]);

  it('ends a version the day before the next version of its family starts', () => {
    expect(registry.effectiveTo(v1)).toBe('2024-02-29');
    expect(registry.effectiveTo(v2)).toBe('2026-02-14');
    expect(registry.effectiveTo(v3)).toBe('2030-12-31');
  });

  it('keeps a version’s own end date when it comes before the next version', () => {
    const early = buildSet({ id: 'a-1', family: 'a', effectiveFrom: '2022-01-01', effectiveTo: '2022-12-31' });
    const later = buildSet({ id: 'a-2', family: 'a', effectiveFrom: '2024-01-01' });
    const r = new SetRegistry([early, later]);
    expect(r.effectiveTo(early)).toBe('2022-12-31');
    expect(r.effectiveTo(later)).toBeNull();
    // The gap between the two versions has no version in force.
    expect(r.inForce('a', '2023-06-01')).toBeUndefined();
  });

  it('finds the version in force on a date, including the first and last days', () => {
    expect(registry.inForce(family, '2022-03-07')).toBeUndefined();
    expect(registry.inForce(family, '2022-03-08')).toBe(v1);
    expect(registry.inForce(family, '2024-02-29')).toBe(v1);
    expect(registry.inForce(family, '2024-03-01')).toBe(v2);
    expect(registry.inForce(family, '2026-02-14')).toBe(v2);
    expect(registry.inForce(family, '2026-02-15')).toBe(v3);
    expect(registry.inForce(family, '2031-01-01')).toBeUndefined();
    expect(registry.inForce('khong-co', '2024-01-01')).toBeUndefined();
  });

  it('lists every version, grouped by family and ordered by start date', () => {
    expect(registry.all().map((s) => s.id)).toEqual(['xa-thu-2022', 'xa-thu-2024', 'xa-thu-2026']);
    expect(registry.has('xa-thu-2024')).toBe(true);
    expect(registry.has('xa-thu-2099')).toBe(false);
  });

  it('throws SET_NOT_FOUND for an unknown id', () => {
    expect(() => registry.get('khong-co')).toThrow(DomainError);
    try {
      registry.get('khong-co');
    } catch (e) {
      expect((e as DomainError).code).toBe('SET_NOT_FOUND');
      expect((e as DomainError).message).toContain('khong-co');
    }
  });

  it('dates an evaluation at the end of its year, kept inside the version’s period', () => {
    expect(registry.referenceDate(v1, 2023)).toBe('2023-12-31');
    expect(registry.referenceDate(v1, 2021)).toBe('2022-03-08');
    expect(registry.referenceDate(v1, 2025)).toBe('2024-02-29');
  });

  it('resolves a referenced family to the version in force at the evaluation’s reference date', () => {
    const ref1 = buildSet({ id: 'ref-2022', family: 'ref', effectiveFrom: '2022-03-08' });
    const ref2 = buildSet({ id: 'ref-2024', family: 'ref', effectiveFrom: '2024-03-01' });
    const top = buildSet({ id: 'top', family: 'top', effectiveFrom: '2022-03-08', requiresTier: { family: 'ref' } });
    const r = new SetRegistry([ref1, ref2, top]);
    expect(r.resolverFor(top, 2023)('ref')).toBe(ref1);
    expect(r.resolverFor(top, 2024)('ref')).toBe(ref2);
    // The set itself always answers for its own family.
    expect(r.resolverFor(top, 2024)('top')).toBe(top);
    expect(r.resolverFor(top, 2024)('khong-co')).toBeUndefined();
    // Before any version of the family is in force, the earliest one is used.
    expect(r.resolverFor(top, 2021)('ref')).toBe(ref1);
  });

  it('picks the sets of a level in force on a date, one per family', () => {
    const hamlet = buildSet({ id: 'xom', family: 'xom', unitLevel: 'hamlet', effectiveFrom: '2022-01-01' });
    const r = new SetRegistry([v1, v2, hamlet]);
    expect(r.forLevelOn('commune', '2024-06-01').map((s) => s.id)).toEqual(['xa-thu-2024']);
    expect(r.forLevelOn('hamlet', '2024-06-01').map((s) => s.id)).toEqual(['xom']);
    expect(r.forLevelOn('district', '2024-06-01')).toEqual([]);
  });

  it('summarises a set with counts of criteria, indicators and confirmed indicators', () => {
    const s = buildSet({
      id: 'tom-tat',
      family: 'tom-tat',
      criteria: [
        buildCriterion({ indicators: [buildIndicator(), buildIndicator({ thresholds: [buildThreshold({ value: null })] })] }),
        buildCriterion({ indicators: [buildIndicator({ kind: 'boolean', thresholds: [buildThreshold({ value: true, confirmed: false })] })] }),
      ],
    });
    expect(new SetRegistry([s]).summary(s)).toEqual({
      id: 'tom-tat',
      name: s.name,
      decision: s.decision,
      effectiveFrom: '2022-01-01',
      effectiveTo: null,
      unitLevel: 'commune',
      criteriaCount: 2,
      indicatorCount: 3,
      confirmedCount: 1,
    });
  });

  it('puts a same-day amendment after the version it replaces, whatever the input order', () => {
    const base = buildSet({ id: 'xa-moi-2026', family: 'xa-moi', effectiveFrom: '2026-02-15', period: { from: 2026, to: 2030 } });
    const fix = buildSet({ id: 'xa-moi-2026-sua', family: 'xa-moi', amends: 'xa-moi-2026', effectiveFrom: '2026-02-15', period: { from: 2026, to: 2030 } });
    const r = new SetRegistry([fix, base]);
    expect(r.inForce('xa-moi', '2026-06-01')?.id).toBe('xa-moi-2026-sua');
    expect(r.effectiveTo(base)).toBe('2026-02-14');
    expect(r.effectiveTo(fix)).toBeNull();
  });
});
