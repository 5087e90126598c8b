import { describe, expect, it } from 'vitest';
import { buildLadder, evaluate } from '../../../test/factories.ts';

// Income thresholds: NTM 40, advanced 50, so the model commune's KM.2 needs ≥ 55 (1.1 × 50).
const { ntm, advanced, model, all } = buildLadder({ income: 40, advancedIncome: 50 });
const others = all;

describe('tier ladder', () => {
  it('reaches NTM on the NTM set alone', () => {
    const e = evaluate(ntm, { INC: 45, HOUSE: true }, { others });
    expect(e).toMatchObject({ tier: 'ntm', setTierReached: true, criteriaMet: 2, prerequisites: [] });
  });

  it('does not reach advanced without NTM, even when every advanced criterion is met', () => {
    const e = evaluate(advanced, { INC: 60, GREEN: 'met', HOUSE: false }, { others });
    expect(e.criteriaMet).toBe(2);
    expect(e.setTierReached).toBe(false);
    expect(e.tier).toBeNull();
    expect(e.prerequisites).toEqual([{ set: ntm.id, tier: 'ntm', reached: false }]);
  });

  it('falls back to NTM when advanced is not reached', () => {
    const e = evaluate(advanced, { INC: 45, GREEN: 'met', HOUSE: true }, { others });
    expect(e.tier).toBe('ntm');
    expect(e.setTierReached).toBe(false);
  });

  it('reaches advanced with NTM and every advanced criterion', () => {
    const e = evaluate(advanced, { INC: 50, GREEN: true, HOUSE: true }, { others });
    expect(e.tier).toBe('nang-cao');
    expect(e.prerequisites).toEqual([{ set: ntm.id, tier: 'ntm', reached: true }]);
  });

  it('cannot tell advanced when NTM data is missing', () => {
    const e = evaluate(advanced, { INC: 60, GREEN: true }, { others });
    expect(e.setTierReached).toBe(false);
    expect(e.tier).toBeNull();
    expect(e.prerequisites[0]!.reached).toBeNull();
  });

  describe('model commune', () => {
    const full = { INC: 60, HOUSE: true, GREEN: true };
    it('needs advanced (KM.1, derived from the advanced set) and income ≥ 1.1 × the advanced threshold (KM.2)', () => {
      const e = evaluate(model, { ...full, 'KM.2': 55 }, { others });
      expect(e.indicators['KM.1']).toMatchObject({ status: 'met', value: true });
      expect(e.indicators['KM.2']).toMatchObject({ status: 'met', threshold: 55 });
      expect(e.tier).toBe('kieu-mau');
      expect(e.prerequisites).toEqual([
        { set: advanced.id, tier: 'nang-cao', reached: true },
        { set: ntm.id, tier: 'ntm', reached: true },
      ]);
    });

    it('stays advanced when KM.2 income is just under 1.1 × the advanced threshold', () => {
      const e = evaluate(model, { ...full, 'KM.2': 54.9 }, { others });
      expect(e.indicators['KM.2']!.status).toBe('not-met');
      expect(e.gap.find((g) => g.indicator === 'KM.2')!.difference).toBe(0.1);
      expect(e.tier).toBe('nang-cao');
    });

    it('is not reached when advanced is not, even with KM.1 recorded as true', () => {
      const e = evaluate(model, { INC: 60, HOUSE: true, GREEN: false, 'KM.1': true, 'KM.2': 80 }, { others });
      expect(e.indicators['KM.1']!.status).toBe('met');
      expect(e.setTierReached).toBe(false);
      expect(e.tier).toBe('ntm');
    });

    it('is not reached when NTM is not, and then no tier is', () => {
      const e = evaluate(model, { INC: 60, HOUSE: false, GREEN: true, 'KM.2': 80 }, { others });
      expect(e.indicators['KM.1']!.status).toBe('not-met');
      expect(e.tier).toBeNull();
      expect(e.prerequisites.map((p) => p.reached)).toEqual([false, false]);
    });

    it('reads a prerequisite’s own values when given separately per set', () => {
      const e = evaluate(model, { 'KM.2': 80 }, { others, bySet: { [advanced.family]: { INC: 60, GREEN: true }, [ntm.id]: { INC: 45, HOUSE: true } } });
      expect(e.tier).toBe('kieu-mau');
      // The advanced set is read from its own map, so NTM income 45 < 50 does not matter there.
      expect(e.prerequisites.map((p) => p.reached)).toEqual([true, true]);
    });
  });

  it('resolves relative thresholds per region', () => {
    const regional = buildLadder({ dimension: 'region', income: 40, advancedIncome: 50 });
    const e = evaluate(regional.model, { INC: 60, HOUSE: true, GREEN: true, 'KM.2': 56 }, { others: regional.all, ctx: { region: 'TDMNPB' } });
    expect(e.region).toBe('TDMNPB');
    expect(e.indicators['KM.2']!.threshold).toBeCloseTo(55, 9);
  });
});
