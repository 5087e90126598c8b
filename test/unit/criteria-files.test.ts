import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { criteriaSetSchema, type CriteriaSet } from '../../src/domain/criteria/schema.ts';
import { SetRegistry } from '../../src/domain/criteria/registry.ts';
import { DomainError } from '../../src/domain/errors.ts';
import { evaluateSet } from '../../src/domain/evaluation/explain.ts';
import { loadBuiltinSets, parseSetJson } from '../../src/interchange/criteria/files.ts';
import { DATA_DIR } from '../../src/paths.ts';

const dir = path.join(DATA_DIR, 'criteria');
const files = fs
  .readdirSync(dir)
  .filter((f) => f.endsWith('.json') && f !== 'pending.json')
  .sort();
const read = (f: string): unknown => JSON.parse(fs.readFileSync(path.join(dir, f), 'utf8'));

describe('shipped criteria sets (data/criteria)', () => {
  it('are there', () => {
    expect(files.length).toBeGreaterThanOrEqual(10);
  });

  it.each(files)('%s is valid and named after its id', (f) => {
    const r = criteriaSetSchema.safeParse(read(f));
    expect(r.success ? [] : r.error.issues).toEqual([]);
    expect(`${r.data!.id}.json`).toBe(f);
  });

  const sets = loadBuiltinSets();
  const registry = new SetRegistry(sets);

  it('reference only families that exist', () => {
    const families = new Set(sets.map((s) => s.family));
    for (const s of sets) {
      const refs = [
        s.requiresTier?.family,
        ...s.criteria.flatMap((c) => c.indicators.flatMap((i) => [i.relative?.family, i.requiresTier?.family, i.derive?.family])),
      ];
      for (const f of refs) if (f) expect(families, `${s.id} → ${f}`).toContain(f);
    }
  });

  it('have versions of one family that follow each other without overlapping', () => {
    for (const s of sets) {
      const to = registry.effectiveTo(s);
      const later = sets.filter((o) => o.family === s.family && o.effectiveFrom > s.effectiveFrom);
      for (const o of later) expect(to !== null && to < o.effectiveFrom, `${s.id} overlaps ${o.id}`).toBe(true);
      // The declared end date agrees with the one implied by the next version.
      if (s.effectiveTo && later.length) expect(s.effectiveTo, s.id).toBe(to);
    }
  });

  it('can each be evaluated with no values for every year of their period', () => {
    for (const s of sets) {
      for (let year = s.period.from; year <= s.period.to; year++) {
        const ctx = { year, region: 'TDMNPB' as const, group: s.dimension === 'group' ? ('3' as const) : undefined };
        const e = evaluateSet(s, ctx, { values: {} }, registry.resolverFor(s, year));
        expect(e.criteriaTotal, s.id).toBe(s.criteria.length);
        expect(e.tier, `${s.id} ${year}`).toBeNull();
        expect(Object.keys(e.indicators).length).toBe(s.criteria.reduce((n, c) => n + c.indicators.length, 0));
      }
    }
  });

  it('list the pending annexes separately', () => {
    const pending = read('pending.json') as unknown[];
    expect(Array.isArray(pending)).toBe(true);
    expect(criteriaSetSchema.safeParse(pending).success).toBe(false);
  });
});

describe('parseSetJson on bad files', () => {
  const good = read('xa-ntm-2024.json') as CriteriaSet;
  const failure = (text: string, file = 'bo-loi.json'): DomainError => {
    try {
      parseSetJson(text, file);
    } catch (e) {
      expect(e).toBeInstanceOf(DomainError);
      return e as DomainError;
    }
    throw new Error('the bad file was accepted');
  };
  /** The shipped set, changed by `fn` the way a person editing the file might get it wrong. */
  const mutated = (fn: (s: CriteriaSet) => void): string => {
    const copy = structuredClone(good);
    fn(copy);
    return JSON.stringify(copy);
  };
  const loose = (o: object) => o as Record<string, unknown>;

  it('accepts the shipped file itself', () => {
    expect(parseSetJson(JSON.stringify(good), 'xa-ntm-2024.json').id).toBe('xa-ntm-2024');
  });

  it('names the file and the path of a wrong indicator kind', () => {
    const e = failure(mutated((s) => (loose(s.criteria[2]!.indicators[0]!).kind = 'percent')));
    expect(e.code).toBe('INVALID_CRITERIA_FILE');
    expect(e.message).toContain('"bo-loi.json"');
    expect(e.message).toContain('criteria[2].indicators[0].kind');
    expect(e.details).toMatchObject({ file: 'bo-loi.json', path: 'criteria[2].indicators[0].kind' });
  });

  it('names the path of a text threshold in a numeric indicator', () => {
    const e = failure(mutated((s) => (loose(s.criteria[2]!.indicators[0]!.thresholds[0]!).value = '80%')));
    expect(e.details).toMatchObject({ path: 'criteria[2].indicators[0].thresholds[0].value' });
    expect(e.message).toContain('criteria[2].indicators[0].thresholds[0].value');
  });

  it('names a missing top-level field and an unknown one', () => {
    expect(failure(mutated((s) => delete loose(s).family)).details).toMatchObject({ path: 'family' });
    const extra = failure(mutated((s) => (loose(s.criteria[0]!).weight = 2)));
    expect(extra.details).toMatchObject({ path: 'criteria[0]' });
    expect(extra.message).toContain('weight');
  });

  it('names a duplicate indicator code', () => {
    const e = failure(mutated((s) => (s.criteria[1]!.indicators[0]!.code = s.criteria[0]!.indicators[0]!.code)));
    expect(e.details).toMatchObject({ path: 'criteria[1].indicators[0].code' });
  });

  it('reports text that is not JSON, naming the file', () => {
    const e = failure('{ "id": "x", ', 'hong.json');
    expect(e.code).toBe('INVALID_CRITERIA_FILE');
    expect(e.message).toContain('"hong.json"');
    expect(e.message).toContain('JSON');
  });

  it('reports a JSON value that is not an object at the root', () => {
    const e = failure('[1, 2]');
    expect(e.details).toMatchObject({ path: '(gốc)' });
  });
});
