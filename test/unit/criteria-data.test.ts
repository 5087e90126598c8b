import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { SetRegistry } from '../../src/domain/criteria/registry.ts';
import { criteriaSetSchema, type CriteriaSet } from '../../src/domain/criteria/schema.ts';
import { evaluateSet } from '../../src/domain/evaluation/explain.ts';

const load = (id: string): CriteriaSet => criteriaSetSchema.parse(JSON.parse(fs.readFileSync(`data/criteria/${id}.json`, 'utf8')));
const all = fs
  .readdirSync('data/criteria')
  .filter((f) => f.endsWith('.json') && f !== 'pending.json')
  .map((f) => load(f.replace(/\.json$/, '')));
const registry = new SetRegistry(all);
const evaluate = (id: string, values: Record<string, number>) => {
  const set = registry.get(id);
  return evaluateSet(set, { year: 2023, region: 'TDMNPB' }, { values }, registry.resolverFor(set, 2023));
};

describe('thresholds read in round 3 (TDMNPB, secondary source)', () => {
  it('15.3 stunting is met at most 24 %, confirmed in the 2022 text', () => {
    expect(evaluate('xa-ntm-2022', { '15.3': 24 }).indicators['15.3']).toMatchObject({ status: 'met', threshold: 24, confirmed: true });
    expect(evaluate('xa-ntm-2022', { '15.3': 24.5 }).indicators['15.3']!.status).toBe('not-met');
  });

  it('15.4 e-health records is met from 50 %', () => {
    expect(evaluate('xa-ntm-2022', { '15.4': 50 }).indicators['15.4']).toMatchObject({ status: 'met', threshold: 50, confirmed: true });
    expect(evaluate('xa-ntm-2022', { '15.4': 49 }).indicators['15.4']!.status).toBe('not-met');
  });

  it('carries them into the 2024 version unconfirmed, the version saying its values were not checked against QĐ 211', () => {
    expect(evaluate('xa-ntm-2024', { '15.3': 20 }).indicators['15.3']).toMatchObject({ status: 'met', confirmed: false });
    for (const id of ['xa-ntm-2024', 'xa-nang-cao-2024']) expect(registry.get(id).carriedNote).toMatch(/chưa đối chiếu với QĐ 211/);
    expect(registry.get('xa-ntm-2022').carriedNote).toBeUndefined();
  });

  it('notes in the advanced sets that QĐ 318 applies the TDMNPB level to them too', () => {
    for (const id of ['xa-nang-cao-2022', 'xa-nang-cao-2024']) expect(registry.get(id).note).toMatch(/nông thôn mới nâng cao đối với xã đặc biệt khó khăn/);
  });
});
