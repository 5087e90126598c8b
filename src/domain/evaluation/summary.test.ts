import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildLadder } from '../../../test/factories.ts';
import { SetRegistry } from '../criteria/registry.ts';
import { evaluateCompiled } from './explain.ts';
import { compiledFor } from './ladder.ts';
import { summarizer } from './summary.ts';
import type { ValueMap } from './types.ts';

const { ntm, model, all } = buildLadder({ income: 40, advancedIncome: 50 });
const registry = new SetRegistry(all);
const ctx = { year: 2023 };
const base = compiledFor(registry, ntm, ctx);
const top = compiledFor(registry, model, ctx);
const summarize = summarizer(base, top);

const values = fc.record(
  {
    INC: fc.oneof(fc.integer({ min: 0, max: 80 }), fc.constant('x')),
    HOUSE: fc.oneof(fc.boolean(), fc.constant(3)),
    GREEN: fc.constantFrom<ValueMap[string]>('met', 'not-met', true, false, 'other'),
    'KM.1': fc.boolean(),
    'KM.2': fc.integer({ min: 0, max: 80 }),
    ZZ: fc.integer(),
  },
  { requiredKeys: [] },
);

describe('overview summary on the compiled path', () => {
  it('agrees with the full explanation on criteria met, missing data and tier (property)', () => {
    fc.assert(
      fc.property(values, (map) => {
        const input = { values: map, stored: true };
        const b = evaluateCompiled(base, input);
        const t = evaluateCompiled(top, input);
        const s = summarize(() => map);
        expect(s.criteriaMet).toBe(b.criteriaMet);
        expect(s.criteriaNoData).toBe(Object.values(b.criteria).filter((c) => c.status === 'no-data').length);
        expect(s.tier).toBe(t.tier);
      }),
    );
  });
});
