import type { CompiledSet } from '../../src/domain/evaluation/compile.ts';
import { K_BOOLEAN, K_MAX, K_MIN, K_STATUS, K_TIER } from '../../src/domain/evaluation/compile.ts';

/**
 * The practical limit the engine is compared with: the same comparisons written as one flat loop over typed
 * arrays, reading values from one shared buffer at an offset, with no objects, callbacks or result records.
 * It knows only what the benchmarked sets use (no `tier` indicators), so it refuses anything else.
 */
export interface PlainSet {
  kinds: Uint8Array;
  threshold: Float64Array;
  basic: Float64Array;
  start: Uint16Array;
  direct: Uint8Array;
  nCrit: number;
  allowsBasic: boolean;
  prerequisite: PlainSet | null;
}

export function toPlain(cs: CompiledSet): PlainSet {
  if (cs.kinds.includes(K_TIER)) throw new Error(`baseline: ${cs.set.id} has tier indicators`);
  return {
    kinds: cs.kinds,
    threshold: cs.threshold,
    basic: cs.basic,
    start: cs.start,
    direct: cs.direct,
    nCrit: cs.criteriaCodes.length,
    allowsBasic: cs.allowsBasic,
    prerequisite: cs.prerequisite ? toPlain(cs.prerequisite) : null,
  };
}

/** Status codes as in the engine: 0 no data, 1 not met, 2 basically met, 3 met. */
function statusOf(d: number): number {
  return d !== d ? 0 : d >= 1 ? 3 : d > 0 ? 2 : 1;
}

/**
 * Evaluates one unit: per indicator a status byte, per criterion the worst status, the criteria met counted.
 * Returns criteriaMet × 4 + outcome (0 not reached, 1 reached, 2 unknown), prerequisite included.
 */
export function plainEvaluate(
  p: PlainSet,
  vals: Float64Array,
  off: number,
  dvals: Float64Array,
  doff: number,
  out: Uint8Array,
  preVals: Float64Array,
  preOff: number,
  preDvals: Float64Array,
  preDoff: number,
): number {
  const { kinds, threshold, basic, start, direct, allowsBasic } = p;
  let met = 0;
  let notMet = false;
  let unknown = false;
  for (let c = 0; c < p.nCrit; c++) {
    let cst: number;
    const dm = direct[c]!;
    if (dm === 1) {
      cst = statusOf(dvals[doff + c]!);
    } else {
      let worst = 3;
      let noData = false;
      for (let i = start[c]!, end = start[c + 1]!; i < end; i++) {
        const v = vals[off + i]!;
        const t = threshold[i]!;
        const k = kinds[i]!;
        let s = 0;
        if (v === v && t === t) {
          if (k === K_MIN) s = v >= t ? 3 : allowsBasic && v >= basic[i]! ? 2 : 1;
          else if (k === K_MAX) s = v <= t ? 3 : allowsBasic && v <= basic[i]! ? 2 : 1;
          else if (k === K_BOOLEAN) s = v >= 1 ? 3 : 1;
          else if (k === K_STATUS) s = v >= 1 ? 3 : v > 0 ? 2 : 1;
        }
        out[i] = s;
        if (s === 0) noData = true;
        else if (s < worst) worst = s;
      }
      cst = worst === 1 ? 1 : noData ? 0 : worst;
      if (dm === 2 && cst !== 1) {
        const ds = statusOf(dvals[doff + c]!);
        cst = ds <= 1 ? ds : cst === 0 ? 0 : ds < cst ? ds : cst;
      }
    }
    if (cst === 3) met++;
    else if (cst === 0) unknown = true;
    else notMet = true;
  }
  let outcome = notMet ? 0 : unknown ? 2 : 1;
  if (outcome !== 0 && p.prerequisite) {
    // One level of prerequisite (advanced → NTM) is all the benchmarked ladders have.
    const r = plainEvaluate(p.prerequisite, preVals, preOff, preDvals, preDoff, out, preVals, 0, preDvals, 0) & 3;
    outcome = r === 0 ? 0 : r === 2 || outcome === 2 ? 2 : 1;
  }
  return met * 4 + outcome;
}
