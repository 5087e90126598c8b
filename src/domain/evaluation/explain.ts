import type { CriteriaSet, Tier } from '../criteria/schema.ts';
import { completeness, setCompleteness } from '../criteria/completeness.ts';
import type { CompiledSet, FamilyResolver } from './compile.ts';
import { compileSet, K_MAX, K_MIN, K_TIER } from './compile.ts';
import type { EncodedInput, EncodeReport } from './encode.ts';
import { acceptedCodes, encodeValues } from './encode.ts';
import { evaluateVector, tierOutcome, type InputFor } from './evaluate.ts';
import type { CriterionResult, EvalContext, Evaluation, GapItem, IndicatorResult, NotInVersion, ValueMap } from './types.ts';
import { STATUS_NAMES } from './types.ts';

/**
 * Values for an evaluation: the map for the evaluated set, and optionally separate maps for prerequisite sets
 * keyed by set id or family. Without a separate map a prerequisite reads the same values (indicator codes are
 * shared across the tiers of one period).
 *
 * `stored: true` says the values come from storage, entered under whatever version was in force then: values
 * this version cannot use are listed in `notInVersion` (and direct statuses of criteria that now have
 * indicators in `earlierRecord`) instead of being refused.
 */
export interface EvaluationInput {
  values: ValueMap;
  bySet?: Record<string, ValueMap>;
  stored?: boolean;
}

function keyFor(cs: CompiledSet, input: EvaluationInput): string | null {
  if (input.bySet?.[cs.set.id]) return cs.set.id;
  if (input.bySet?.[cs.set.family]) return cs.set.family;
  return null;
}

function mapFor(cs: CompiledSet, input: EvaluationInput): ValueMap {
  const key = keyFor(cs, input);
  return key ? input.bySet![key]! : input.values;
}

/** Encodes each set's values once per evaluation, keeping what stored values this version could not use. */
function encoder(cs: CompiledSet, input: EvaluationInput) {
  const accepted = acceptedCodes(cs);
  const cache = new Map<CompiledSet, EncodedInput>();
  const reports = new Map<CompiledSet, EncodeReport>();
  const inputFor: InputFor = (c) => {
    let e = cache.get(c);
    if (!e) {
      const report = input.stored ? { storedUnder: keyFor(c, input) ?? c.set.family, notInVersion: [], earlier: new Map() } : undefined;
      e = encodeValues(c, mapFor(c, input), accepted, report);
      cache.set(c, e);
      if (report) reports.set(c, report);
    }
    return e;
  };
  const notInVersion = (): NotInVersion[] => {
    const seen = new Set<string>();
    return [...reports.values()]
      .flatMap((r) => r.notInVersion)
      .filter((n) => !seen.has(`${n.storedUnder}|${n.code}`) && !!seen.add(`${n.storedUnder}|${n.code}`));
  };
  return { inputFor, report: (c: CompiledSet) => reports.get(c), notInVersion };
}

/**
 * Evaluates a unit's values against a set (and, through the tier rules, its prerequisite sets): every
 * indicator's and criterion's status, the count of criteria met, the highest tier reached and the gap.
 * Throws a DomainError for values of the wrong type, unknown codes or a missing commune group (unless the
 * input is `stored`, see `EvaluationInput`).
 */
export function evaluateSet(set: CriteriaSet, ctx: EvalContext, input: EvaluationInput, resolve: FamilyResolver): Evaluation {
  return evaluateCompiled(compileSet(set, ctx, resolve), input);
}

/** Same as `evaluateSet` with a set compiled beforehand (compile once per set and context, explain many units). */
export function evaluateCompiled(cs: CompiledSet, input: EvaluationInput): Evaluation {
  const set = cs.set;
  const enc = encoder(cs, input);
  const encoded = enc.inputFor(cs);
  const indOut = new Uint8Array(cs.codes.length);
  const critOut = new Uint8Array(cs.criteriaCodes.length);
  const { criteriaMet, outcome } = evaluateVector(cs, encoded, indOut, critOut, enc.inputFor);
  const explained = explainCriteria(cs, mapFor(cs, input), encoded, indOut, critOut, enc.inputFor, enc.report(cs));

  const prerequisites = ladderOf(cs).map((p) => {
    const o = tierOutcome(p, enc.inputFor);
    return { set: p.set.id, tier: p.set.tier, reached: o !== o ? null : o >= 1 };
  });
  const reached = outcome === 1;
  const tier: Tier | null = reached ? set.tier : (prerequisites.find((p) => p.reached)?.tier ?? null);
  const counts = setCompleteness(set);
  return {
    set: set.id,
    family: set.family,
    decision: set.decision,
    setName: set.name,
    year: cs.ctx.year,
    region: set.dimension === 'region' ? (cs.ctx.region ?? null) : null,
    group: set.dimension === 'group' ? (cs.ctx.group ?? null) : null,
    tier,
    setTier: set.tier,
    setTierReached: reached,
    criteriaMet,
    criteriaTotal: set.criteria.length,
    ...explained,
    prerequisites,
    sample: set.sample,
    indicatorsPending: set.indicatorsPending,
    indicatorsLoaded: counts.loaded,
    indicatorsDeclared: counts.declared,
    notInVersion: enc.notInVersion(),
  };
}

/** Every criterion's and indicator's result, and the gap (what is not met yet), from the evaluator's output. */
function explainCriteria(
  cs: CompiledSet,
  ownMap: ValueMap,
  encoded: EncodedInput,
  indOut: Uint8Array,
  critOut: Uint8Array,
  inputFor: InputFor,
  report: EncodeReport | undefined,
): Pick<Evaluation, 'criteria' | 'indicators' | 'gap'> {
  const indicators: Record<string, IndicatorResult> = {};
  const criteria: Record<string, CriterionResult> = {};
  const gap: GapItem[] = [];
  cs.set.criteria.forEach((criterion, ci) => {
    let met = 0;
    for (let i = cs.start[ci]!; i < cs.start[ci + 1]!; i++) {
      const r = explainIndicator(cs, i, criterion.code, indOut[i]!, ownMap, inputFor);
      if (r.status === 'met') met++;
      indicators[r.code] = r;
      if (r.status !== 'met') gap.push(gapItem(r, cs.kinds[i] === K_MAX));
    }
    const status = STATUS_NAMES[critOut[ci]!]!;
    const done = completeness(criterion);
    const directMissing = encoded.direct[ci] !== encoded.direct[ci];
    const awaitingDirect = done.takesDirect && directMissing && status === 'no-data';
    const earlier = report?.earlier.get(ci);
    const c: CriterionResult = {
      code: criterion.code,
      name: criterion.name,
      status,
      indicatorsMet: met,
      indicatorsTotal: done.loaded,
      indicatorsLoaded: done.loaded,
      indicatorsDeclared: done.declared,
      indicatorsIncomplete: done.incomplete,
      direct: done.takesDirect,
      awaitingDirect,
      earlierRecord: earlier === undefined || !report ? null : { value: earlier, storedUnder: report.storedUnder },
    };
    if (awaitingDirect) c.reason = 'awaiting-direct';
    criteria[criterion.code] = c;
    if (done.takesDirect && status !== 'met') gap.push(directGapItem(c, ownMap[criterion.code] ?? null));
  });
  return { criteria, indicators, gap };
}

function explainIndicator(cs: CompiledSet, i: number, criterion: string, code: number, ownMap: ValueMap, inputFor: InputFor): IndicatorResult {
  const ind = cs.indicators[i]!;
  const status = STATUS_NAMES[code]!;
  const raw = ownMap[ind.code];
  const value = raw === undefined ? null : raw;
  let derived: boolean | null = null;
  if (cs.kinds[i] === K_TIER && value === null) {
    const o = tierOutcome(cs.tierRefs[i]!, inputFor);
    derived = o !== o ? null : o >= 1;
  }
  const t = cs.threshold[i]!;
  const numeric = cs.kinds[i] === K_MIN || cs.kinds[i] === K_MAX;
  const r: IndicatorResult = {
    code: ind.code,
    name: ind.name,
    criterion,
    kind: ind.kind,
    unit: ind.unit,
    status,
    value: value ?? derived,
    threshold: numeric ? (t === t ? t : null) : true,
    confirmed: cs.confirmed[i] === 1,
    source: ind.source ?? null,
  };
  const b = cs.basic[i]!;
  if (cs.allowsBasic && b === b) r.basicallyMet = b;
  if (status === 'no-data') r.reason = value === null && derived === null ? 'no-value' : 'no-threshold';
  return r;
}

/** The gap row of a criterion that takes a direct status: what is recorded, or that it awaits one. */
function directGapItem(c: CriterionResult, recorded: ValueMap[string] | null): GapItem {
  return {
    criterion: c.code,
    indicator: null,
    name: c.name,
    status: c.status,
    value: c.earlierRecord ? null : (recorded ?? null),
    threshold: true,
    difference: null,
    confirmed: false,
    ...(c.awaitingDirect ? { reason: 'awaiting-direct' as const } : {}),
  };
}

/** The prerequisite chain below a set, nearest first (advanced → NTM). */
function ladderOf(cs: CompiledSet): CompiledSet[] {
  const out: CompiledSet[] = [];
  for (let p = cs.prerequisite; p; p = p.prerequisite) out.push(p);
  return out;
}

function gapItem(r: IndicatorResult, isMax: boolean): GapItem {
  let difference: number | null = null;
  if (typeof r.value === 'number' && typeof r.threshold === 'number') {
    const d = isMax ? r.value - r.threshold : r.threshold - r.value;
    difference = Math.round(d * 1e6) / 1e6;
  }
  const g: GapItem = {
    criterion: r.criterion,
    indicator: r.code,
    name: r.name,
    status: r.status,
    value: r.value,
    threshold: r.threshold,
    difference,
    confirmed: r.confirmed,
  };
  if (r.reason) g.reason = r.reason;
  return g;
}
