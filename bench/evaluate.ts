/**
 * Throughput of the compiled evaluator against a plain typed-array loop doing the same comparisons.
 * Run with `npm run bench`; BENCHMARKS.md explains the rows and records a run.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { criteriaSetSchema, REGIONS, type CriteriaSet, type RegionCode } from '../src/domain/criteria/schema.ts';
import { SetRegistry } from '../src/domain/criteria/registry.ts';
import { compileSet, type CompiledSet, type FamilyResolver } from '../src/domain/evaluation/compile.ts';
import { rng } from '../src/seed/random.ts';
import { DATA_DIR } from '../src/paths.ts';
import { buildSyntheticSet } from './lib/synthetic-set.ts';
import { encodeBatch, explainCases, runBaseline, runEngine, runExplain, type Batch, type Population, type Sums } from './lib/workloads.ts';

const WARMUP_ROUNDS = 3;
const ROUNDS = 7;
/** A measured round repeats the workload until it lasts at least this long, so timer noise stays small. */
const MIN_ROUND_MS = 300;
const EXPLAIN_CASES = 2_000;

function loadSet(file: string): CriteriaSet {
  return criteriaSetSchema.parse(JSON.parse(fs.readFileSync(path.join(DATA_DIR, 'criteria', file), 'utf8')));
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}

function timeMs(fn: () => unknown): number {
  const t0 = process.hrtime.bigint();
  fn();
  return Number(process.hrtime.bigint() - t0) / 1e6;
}

/** Rounds long enough for the timer: how many passes make one round last MIN_ROUND_MS (from warm-up). */
function calibrate(fn: () => unknown): number {
  let passes = 1;
  for (let r = 0; r < WARMUP_ROUNDS; r++) passes = Math.max(passes, Math.ceil(MIN_ROUND_MS / Math.max(timeMs(fn), 0.01)));
  return passes;
}

function round(passes: number, fn: () => unknown): number {
  return timeMs(() => {
    for (let p = 0; p < passes; p++) fn();
  });
}

/** Median evaluations per second over the measured rounds, after warm-up. */
function measure(evaluations: number, fn: () => unknown): number {
  const passes = calibrate(fn);
  const rates: number[] = [];
  for (let r = 0; r < ROUNDS; r++) rates.push((evaluations * passes) / (round(passes, fn) / 1000));
  return median(rates);
}

/**
 * Engine and baseline measured in alternating rounds, so that load from other processes on the machine hits
 * both alike; the ratio is the median of the per-round ratios.
 */
function measurePair(evaluations: number, engine: () => unknown, baseline: () => unknown): { engine: number; baseline: number; ratio: number } {
  const pe = calibrate(engine);
  const pb = calibrate(baseline);
  const e: number[] = [];
  const b: number[] = [];
  const ratios: number[] = [];
  for (let r = 0; r < ROUNDS; r++) {
    e.push((evaluations * pe) / (round(pe, engine) / 1000));
    b.push((evaluations * pb) / (round(pb, baseline) / 1000));
    ratios.push(b[r]! / e[r]!);
  }
  return { engine: median(e), baseline: median(b), ratio: median(ratios) };
}

function sameSums(a: Sums, b: Sums, label: string): void {
  if (a.criteriaMet !== b.criteriaMet || a.reached !== b.reached || a.unknown !== b.unknown)
    throw new Error(`${label}: engine ${JSON.stringify(a)} and baseline ${JSON.stringify(b)} disagree`);
}

interface Row {
  set: string;
  unitsYears: string;
  evalsPerSec: number;
  baselinePerSec: number;
  ratio: number;
}

const fmt = (n: number) => Math.round(n).toLocaleString('en-US');

function main(): void {
  const ntm = [loadSet('xa-ntm-2022.json'), loadSet('xa-ntm-2024.json')];
  const adv = [loadSet('xa-nang-cao-2022.json'), loadSet('xa-nang-cao-2024.json')];
  const registry = new SetRegistry([...ntm, ...adv]);
  const regions = Object.keys(REGIONS) as RegionCode[];
  const years = [2021, 2022, 2023, 2024, 2025];
  const versionFor = (family: string, year: number): CriteriaSet =>
    registry.inForce(family, `${year}-12-31`) ?? registry.all().find((s) => s.family === family)!;

  const rand = rng('bench-values');
  const communes: Population = { units: 10_000, years, ctxOf: Uint8Array.from({ length: 10_000 }, () => Math.floor(rand() * regions.length)) };
  const compileAll = (family: string): { compiled: CompiledSet[][]; resolvers: FamilyResolver[] } => {
    const resolvers = years.map((y) => registry.resolverFor(versionFor(family, y), y));
    const compiled = years.map((y, yi) => regions.map((region) => compileSet(versionFor(family, y), { year: y, region }, resolvers[yi]!)));
    return { compiled, resolvers };
  };
  const ntmC = compileAll(ntm[0]!.family);
  const advC = compileAll(adv[0]!.family);
  const ntmBatch = encodeBatch(ntmC.compiled, communes, rand);
  const advBatch = encodeBatch(advC.compiled, communes, rand);
  advC.compiled.forEach((row, y) =>
    row.forEach((cs, r) => {
      if (cs.prerequisite?.codes.join() !== ntmC.compiled[y]![r]!.codes.join()) throw new Error('prerequisite layout differs from the NTM set');
    }),
  );

  const synthetic = buildSyntheticSet();
  const sRegistry = new SetRegistry([synthetic]);
  const sYears = [2026, 2027, 2028, 2029, 2030];
  const groups = ['1', '2', '3'] as const;
  const sPop: Population = { units: 3_321, years: sYears, ctxOf: Uint8Array.from({ length: 3_321 }, () => Math.floor(rand() * 3)) };
  const sResolvers = sYears.map((y) => sRegistry.resolverFor(synthetic, y));
  const sBatch = encodeBatch(
    sYears.map((year, yi) => groups.map((group) => compileSet(synthetic, { year, group }, sResolvers[yi]!))),
    sPop,
    rand,
  );

  const maxInd = 256;
  const ind = new Uint8Array(maxInd);
  const crit = new Uint8Array(maxInd);
  const rows: Row[] = [];
  const checks: string[] = [];
  const bench = (set: string, pop: Population, b: Batch, pre: Batch | null, resolvers: FamilyResolver[]) => {
    const n = pop.units * pop.years.length;
    const sums = runEngine(b, pop, ind, crit, pre);
    sameSums(sums, runBaseline(b, pop, ind, pre), set);
    checks.push(
      `${set}: ${fmt(n)} evaluations, ${fmt(sums.criteriaMet)} criteria met, tier reached ${fmt(sums.reached)}, undecided (missing data) ${fmt(sums.unknown)} — engine and baseline agree`,
    );
    const m = measurePair(
      n,
      () => runEngine(b, pop, ind, crit, pre),
      () => runBaseline(b, pop, ind, pre),
    );
    rows.push({ set, unitsYears: `${fmt(pop.units)} × ${pop.years.length}`, evalsPerSec: m.engine, baselinePerSec: m.baseline, ratio: m.ratio });
    const cases = explainCases(b, pop, EXPLAIN_CASES, resolvers, pre);
    const explain = measure(cases.length, () => runExplain(cases));
    rows.push({
      set: `${set}: explainable path (evaluateSet → JSON)`,
      unitsYears: `${fmt(cases.length)} sampled`,
      evalsPerSec: explain,
      baselinePerSec: m.baseline,
      ratio: m.baseline / explain,
    });
  };
  bench('xa-ntm-2022/2024 (19 criteria, 54 indicators, 7 regions)', communes, ntmBatch, null, ntmC.resolvers);
  bench('xa-nang-cao-2022/2024 + NTM prerequisite', communes, advBatch, ntmBatch, advC.resolvers);
  bench(`${synthetic.id} (synthetic, 10 criteria, 47 indicators, 3 groups)`, sPop, sBatch, null, sResolvers);
  // evaluateSet compiles on every call; the fast path compiles once per (set, context). What one compile costs:
  const compileCases: [string, CriteriaSet, FamilyResolver][] = [
    ['xa-ntm-2024', ntm[1]!, ntmC.resolvers[4]!],
    ['xa-nang-cao-2024 (with its NTM prerequisite)', adv[1]!, advC.resolvers[4]!],
  ];
  for (const [label, set, resolve] of compileCases) {
    const perSec = measure(1_000, () => {
      for (let i = 0; i < 1_000; i++) compileSet(set, { year: 2025, region: 'TDMNPB' }, resolve);
    });
    checks.push(`compileSet ${label}: ${(1e6 / perSec).toFixed(1)} µs per (set, context)`);
  }

  const cpu = os.cpus();
  const out = (line = '') => process.stdout.write(`${line}\n`);
  const load = os
    .loadavg()
    .map((x) => x.toFixed(1))
    .join(' / ');
  out(`Node ${process.version}, ${cpu.length} CPU(s): ${cpu[0]?.model ?? 'unknown'}; load average (1/5/15 min) at the end of the run: ${load}`);
  out(`${WARMUP_ROUNDS} warm-up + ${ROUNDS} measured rounds of ≥ ${MIN_ROUND_MS} ms each; engine and baseline rounds alternate; medians`);
  out();
  out('| Set | Units × years | Evaluations/s | Baseline evals/s | Ratio | µs/evaluation |');
  out('|---|---|---:|---:|---:|---:|');
  for (const r of rows)
    out(`| ${r.set} | ${r.unitsYears} | ${fmt(r.evalsPerSec)} | ${fmt(r.baselinePerSec)} | ${r.ratio.toFixed(2)}× | ${(1e6 / r.evalsPerSec).toFixed(2)} |`);
  out();
  for (const c of checks) out(c);
}

main();
