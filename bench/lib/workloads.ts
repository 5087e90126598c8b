import type { CriteriaSet } from '../../src/domain/criteria/schema.ts';
import type { CompiledSet, FamilyResolver } from '../../src/domain/evaluation/compile.ts';
import { K_BOOLEAN, K_MAX, K_MIN, K_STATUS } from '../../src/domain/evaluation/compile.ts';
import type { EncodedInput } from '../../src/domain/evaluation/encode.ts';
import { evaluateVector } from '../../src/domain/evaluation/evaluate.ts';
import { evaluateSet, type EvaluationInput } from '../../src/domain/evaluation/explain.ts';
import type { EvalContext, ValueMap } from '../../src/domain/evaluation/types.ts';
import { plainEvaluate, toPlain, type PlainSet } from './baseline.ts';

/** Units and years of one workload; `ctxOf[u]` picks the compiled context (region or group) of unit u. */
export interface Population {
  units: number;
  years: number[];
  ctxOf: Uint8Array;
}

/**
 * The values of every unit-year for one set, pre-encoded: one flat buffer (read by the baseline at offsets)
 * and, over the same memory, one EncodedInput per unit-year (read by the engine).
 */
export interface Batch {
  compiled: CompiledSet[][];
  plain: PlainSet[][];
  vals: Float64Array;
  dvals: Float64Array;
  off: Int32Array;
  doff: Int32Array;
  inputs: EncodedInput[];
}

export interface Sums {
  criteriaMet: number;
  reached: number;
  unknown: number;
}

const MISSING = 0.02;

/**
 * A plausible raw value for an indicator (NaN = not entered): communes close to the standard, each indicator
 * met about 86 % of the time, numbers scattered around the threshold (60 where the threshold is not loaded).
 */
function valueFor(kind: number, threshold: number, rand: () => number): number {
  if (rand() < MISSING) return NaN;
  const r = rand();
  if (kind === K_BOOLEAN || kind === K_STATUS) return r < 0.86 ? 1 : 0;
  const t = threshold === threshold ? threshold : 60;
  if (kind === K_MIN) return Math.round(t * (0.95 + r * 0.35) * 10) / 10;
  if (kind === K_MAX) return Math.round(t * (1.05 - r * 0.35) * 10) / 10;
  return NaN;
}

function directFor(rand: () => number): number {
  const r = rand();
  return r < MISSING ? NaN : r < 0.97 ? 1 : 0;
}

export function encodeBatch(compiled: CompiledSet[][], pop: Population, rand: () => number): Batch {
  const n = pop.units * pop.years.length;
  const off = new Int32Array(n);
  const doff = new Int32Array(n);
  let nv = 0;
  let nd = 0;
  for (let y = 0; y < pop.years.length; y++)
    for (let u = 0; u < pop.units; u++) {
      const cs = compiled[y]![pop.ctxOf[u]!]!;
      off[y * pop.units + u] = nv;
      doff[y * pop.units + u] = nd;
      nv += cs.codes.length;
      nd += cs.criteriaCodes.length;
    }
  const vals = new Float64Array(nv);
  const dvals = new Float64Array(nd);
  const inputs: EncodedInput[] = new Array<EncodedInput>(n);
  for (let y = 0; y < pop.years.length; y++)
    for (let u = 0; u < pop.units; u++) {
      const j = y * pop.units + u;
      const cs = compiled[y]![pop.ctxOf[u]!]!;
      const v = vals.subarray(off[j], off[j]! + cs.codes.length);
      const d = dvals.subarray(doff[j], doff[j]! + cs.criteriaCodes.length);
      for (let i = 0; i < v.length; i++) v[i] = valueFor(cs.kinds[i]!, cs.threshold[i]!, rand);
      for (let c = 0; c < d.length; c++) d[c] = cs.direct[c]! >= 1 ? directFor(rand) : NaN;
      inputs[j] = { values: v, direct: d };
    }
  return { compiled, plain: compiled.map((row) => row.map(toPlain)), vals, dvals, off, doff, inputs };
}

/** The compiled fast path: evaluateVector per unit-year; `pre` supplies the prerequisite's values. */
export function runEngine(b: Batch, pop: Population, ind: Uint8Array, crit: Uint8Array, pre: Batch | null): Sums {
  const sums: Sums = { criteriaMet: 0, reached: 0, unknown: 0 };
  let cur = 0;
  const inputFor = pre ? () => pre.inputs[cur]! : undefined;
  for (let y = 0; y < pop.years.length; y++) {
    const row = b.compiled[y]!;
    for (let u = 0; u < pop.units; u++) {
      cur = y * pop.units + u;
      const r = evaluateVector(row[pop.ctxOf[u]!]!, b.inputs[cur]!, ind, crit, inputFor);
      sums.criteriaMet += r.criteriaMet;
      if (r.outcome === 1) sums.reached++;
      else if (r.outcome !== r.outcome) sums.unknown++;
    }
  }
  return sums;
}

/** The baseline over the same values (see baseline.ts). */
export function runBaseline(b: Batch, pop: Population, out: Uint8Array, pre: Batch | null): Sums {
  const sums: Sums = { criteriaMet: 0, reached: 0, unknown: 0 };
  const empty = new Float64Array(0);
  for (let y = 0; y < pop.years.length; y++) {
    const row = b.plain[y]!;
    for (let u = 0; u < pop.units; u++) {
      const j = y * pop.units + u;
      const r = plainEvaluate(
        row[pop.ctxOf[u]!]!,
        b.vals,
        b.off[j]!,
        b.dvals,
        b.doff[j]!,
        out,
        pre ? pre.vals : empty,
        pre ? pre.off[j]! : 0,
        pre ? pre.dvals : empty,
        pre ? pre.doff[j]! : 0,
      );
      sums.criteriaMet += r >> 2;
      if ((r & 3) === 1) sums.reached++;
      else if ((r & 3) === 2) sums.unknown++;
    }
  }
  return sums;
}

/** The value map an officer's form would send, decoded from one unit-year's encoded values. */
export function toValueMap(cs: CompiledSet, input: EncodedInput): ValueMap {
  const map: ValueMap = {};
  cs.codes.forEach((code, i) => {
    const v = input.values[i]!;
    if (v !== v) return;
    const k = cs.kinds[i];
    map[code] = k === K_MIN || k === K_MAX ? v : k === K_STATUS ? (v >= 1 ? 'met' : 'not-met') : v >= 1;
  });
  cs.criteriaCodes.forEach((code, c) => {
    const d = input.direct[c]!;
    if (cs.direct[c]! >= 1 && d === d) map[code] = d >= 1;
  });
  return map;
}

export interface ExplainCase {
  set: CriteriaSet;
  ctx: EvalContext;
  input: EvaluationInput;
  resolve: FamilyResolver;
}

/** Every `step`-th unit-year as an explainable-path case (value maps built before timing). */
export function explainCases(b: Batch, pop: Population, count: number, resolvers: FamilyResolver[], pre: Batch | null): ExplainCase[] {
  const total = pop.units * pop.years.length;
  const step = Math.max(1, Math.floor(total / count));
  const out: ExplainCase[] = [];
  for (let j = 0; j < total && out.length < count; j += step) {
    const y = Math.floor(j / pop.units);
    const cs = b.compiled[y]![pop.ctxOf[j % pop.units]!]!;
    const input: EvaluationInput = { values: toValueMap(cs, b.inputs[j]!) };
    if (pre && cs.prerequisite) input.bySet = { [cs.prerequisite.set.family]: toValueMap(cs.prerequisite, pre.inputs[j]!) };
    out.push({ set: cs.set, ctx: cs.ctx, input, resolve: resolvers[y]! });
  }
  return out;
}

export function runExplain(cases: ExplainCase[]): number {
  let met = 0;
  for (const c of cases) met += evaluateSet(c.set, c.ctx, c.input, c.resolve).criteriaMet;
  return met;
}
