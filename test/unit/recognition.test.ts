import { describe, expect, it } from 'vitest';
import { checkStep, disagreement, nextSteps, recognisedAsOf, statusAsOf, type DossierFacts } from '../../src/domain/recognition/rules.ts';
import { procedureFor, procedureSteps } from '../../src/domain/recognition/steps.ts';

const facts = (over: Partial<DossierFacts> = {}): DossierFacts => ({
  procedure: 'commune-in-district',
  steps: [],
  unitName: 'Xã Thử',
  unitValidFrom: null,
  unitValidTo: '2025-06-30',
  ...over,
});
const codeOf = (fn: () => void) => {
  try {
    fn();
    return null;
  } catch (e) {
    return (e as { code: string }).code;
  }
};

describe('recognition procedure', () => {
  it('has the district appraisal only for a commune under a district', () => {
    expect(procedureFor({ level: 'commune', type: 'Xã', parentLevel: 'district' })).toMatchObject({ kind: 'commune-in-district' });
    expect(procedureFor({ level: 'commune', type: 'Xã', parentLevel: 'province' })).toMatchObject({ kind: 'commune' });
    expect(procedureSteps('commune').map((s) => s.kind)).not.toContain('district-appraisal');
    expect(procedureFor({ level: 'commune', type: 'Phường', parentLevel: 'province' })).toHaveProperty('refused');
    expect(procedureFor({ level: 'district', type: 'Thành phố', parentLevel: 'province' })).toMatchObject({ tiers: ['hoan-thanh'] });
  });

  it('allows only the next step, dated on or after the one before, within the unit and not in the future', () => {
    const today = '2026-01-01';
    expect(codeOf(() => checkStep(facts(), { kind: 'public-posting', date: '2024-01-01' }, today))).toBe('STEP_OUT_OF_ORDER');
    expect(codeOf(() => checkStep(facts(), { kind: 'proposal', date: '2024-01-01' }, today))).toBeNull();
    const one = facts({ steps: [{ kind: 'proposal', date: '2024-01-10' }] });
    expect(codeOf(() => checkStep(one, { kind: 'proposal', date: '2024-01-11' }, today))).toBe('STEP_ALREADY_RECORDED');
    expect(codeOf(() => checkStep(one, { kind: 'public-posting', date: '2024-01-09' }, today))).toBe('STEP_DATE');
    expect(codeOf(() => checkStep(one, { kind: 'public-posting', date: '2025-07-01' }, today))).toBe('STEP_DATE');
    expect(codeOf(() => checkStep(one, { kind: 'public-posting', date: '2026-01-02' }, today))).toBe('STEP_DATE');
    expect(codeOf(() => checkStep(facts({ procedure: 'commune' }), { kind: 'district-appraisal', date: '2024-01-01' }, today))).toBe('STEP_NOT_IN_PROCEDURE');
    expect(nextSteps(one)).toEqual(['public-posting']);
  });

  it('recognises from the decision date until the revocation date, at the highest tier held', () => {
    const steps = [
      { kind: 'decision' as const, date: '2023-12-01' },
      { kind: 'revocation' as const, date: '2024-03-01' },
    ];
    expect(statusAsOf(steps, '2023-11-30')).toBe('in-progress');
    expect(statusAsOf(steps, '2023-12-01')).toBe('recognised');
    expect(statusAsOf(steps, '2024-03-01')).toBe('revoked');
    const held = recognisedAsOf(
      [
        { tier: 'ntm' as const, steps: [{ kind: 'decision' as const, date: '2022-01-01' }] },
        { tier: 'nang-cao' as const, steps: [{ kind: 'decision' as const, date: '2024-01-01' }] },
      ],
      '2024-06-01',
    );
    expect(held?.tier).toBe('nang-cao');
  });

  it('says how recognised and computed tiers disagree', () => {
    expect(disagreement('ntm', null)).toBe('recognised-not-reached');
    expect(disagreement(null, 'ntm')).toBe('reached-not-recognised');
    expect(disagreement('ntm', 'nang-cao')).toBe('reached-not-recognised');
    expect(disagreement('nang-cao', 'nang-cao')).toBeNull();
    expect(disagreement('hoan-thanh', 'hoan-thanh')).toBeNull();
  });
});
