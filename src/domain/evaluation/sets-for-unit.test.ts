import { describe, expect, it } from 'vitest';
import { SetRegistry } from '../criteria/registry.ts';
import { buildLadder, buildSet } from '../../../test/factories.ts';
import { appliesTo, compiledFor, ladder, setsForUnit } from './ladder.ts';

const xa = { level: 'commune', type: 'Xã' };

describe('sets for a unit', () => {
  it('gives the NTM set as base and the model set (longest ladder) as top', () => {
    const { ntm, advanced, model, all } = buildLadder();
    const registry = new SetRegistry(all);
    expect(setsForUnit(registry, xa, '2023-06-01')).toEqual({ base: ntm, top: model });
    expect(ladder(registry, model, 2023).map((s) => s.id)).toEqual([model.id, advanced.id, ntm.id]);
  });

  it('gives nothing to a unit whose type the sets do not list, or before any set is in force', () => {
    const { all } = buildLadder();
    const typed = all.map((s) => ({ ...s, unitTypes: ['Xã'] }));
    const registry = new SetRegistry(typed);
    expect(setsForUnit(registry, { level: 'commune', type: 'Phường' }, '2023-06-01')).toBeUndefined();
    expect(setsForUnit(registry, xa, '2021-06-01')).toBeUndefined();
    expect(appliesTo(typed[0]!, { level: 'hamlet', type: 'Xã' })).toBe(false);
  });

  it('needs a base set: an advanced set alone is no base', () => {
    const { advanced } = buildLadder();
    expect(setsForUnit(new SetRegistry([advanced]), xa, '2023-06-01')).toBeUndefined();
  });

  it('picks the version of each family in force on the date', () => {
    const first = buildSet({ id: 'a-2022', family: 'a', effectiveFrom: '2022-01-01' });
    const second = buildSet({ id: 'a-2024', family: 'a', amends: 'a-2022', effectiveFrom: '2024-03-01' });
    const registry = new SetRegistry([first, second]);
    expect(setsForUnit(registry, xa, '2024-02-29')?.base.id).toBe('a-2022');
    expect(setsForUnit(registry, xa, '2024-03-01')?.base.id).toBe('a-2024');
  });

  it('compiles a set once per registry and context', () => {
    const { ntm, all } = buildLadder();
    const registry = new SetRegistry(all);
    const a = compiledFor(registry, ntm, { year: 2023 });
    expect(compiledFor(registry, ntm, { year: 2023 })).toBe(a);
    expect(compiledFor(registry, ntm, { year: 2024 })).not.toBe(a);
    expect(compiledFor(new SetRegistry(all), ntm, { year: 2023 })).not.toBe(a);
  });
});
