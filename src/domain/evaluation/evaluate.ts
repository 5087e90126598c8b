import type { CompiledSet } from './compile.ts';
import { K_BOOLEAN, K_MAX, K_MIN, K_STATUS, K_TIER } from './compile.ts';
import type { EncodedInput } from './encode.ts';
import { S_BASIC, S_MET, S_NO_DATA, S_NOT_MET } from './types.ts';

/** Whether a set's tier is reached: 1 yes, 0 no, NaN cannot be told (missing data). */
export type Outcome = number;

/** Supplies the encoded input for another set of the ladder (prerequisites, `tier` indicators). */
export type InputFor = (cs: CompiledSet) => EncodedInput;

export interface VectorResult {
  criteriaMet: number;
  outcome: Outcome;
}

/**
 * Evaluates one unit against a compiled set, writing each indicator's and criterion's status (0 no data,
 * 1 not met, 2 basically met, 3 met) into the output arrays. Allocation-free apart from prerequisite recursion.
 */
export function evaluateVector(cs: CompiledSet, input: EncodedInput, indOut: Uint8Array, critOut: Uint8Array, inputFor?: InputFor): VectorResult {
  const { kinds, threshold, basic, start, direct, allowsBasic } = cs;
  const values = input.values;
  const nCrit = cs.criteriaCodes.length;
  let criteriaMet = 0;
  let anyNotMet = false;
  let anyUnknown = false;
  for (let c = 0; c < nCrit; c++) {
    let cs_ = S_MET;
    if (direct[c] === 1) {
      const d = input.direct[c]!;
      cs_ = d !== d ? S_NO_DATA : d >= 1 ? S_MET : d > 0 ? S_BASIC : S_NOT_MET;
    } else {
      let worst = S_MET;
      let noData = false;
      for (let i = start[c]!, end = start[c + 1]!; i < end; i++) {
        let v = values[i]!;
        const k = kinds[i]!;
        let s: number;
        if (k === K_TIER) {
          if (v !== v) v = tierOutcome(cs.tierRefs[i]!, inputFor);
          s = v !== v ? S_NO_DATA : v >= 1 ? S_MET : S_NOT_MET;
        } else if (v !== v) {
          s = S_NO_DATA;
        } else {
          const t = threshold[i]!;
          if (t !== t) s = S_NO_DATA;
          else if (k === K_MIN) s = v >= t ? S_MET : allowsBasic && v >= basic[i]! ? S_BASIC : S_NOT_MET;
          else if (k === K_MAX) s = v <= t ? S_MET : allowsBasic && v <= basic[i]! ? S_BASIC : S_NOT_MET;
          else if (k === K_BOOLEAN) s = v >= 1 ? S_MET : S_NOT_MET;
          else if (k === K_STATUS) s = v >= 1 ? S_MET : v > 0 ? S_BASIC : S_NOT_MET;
          else s = S_NO_DATA;
        }
        indOut[i] = s;
        if (s === S_NO_DATA) noData = true;
        else if (s < worst) worst = s;
      }
      cs_ = worst === S_NOT_MET ? S_NOT_MET : noData ? S_NO_DATA : worst;
      if (direct[c] === 2 && cs_ !== S_NOT_MET) {
        // Partly loaded criterion: the recorded overall status decides, capped by the loaded indicators.
        const d = input.direct[c]!;
        const ds = d !== d ? S_NO_DATA : d >= 1 ? S_MET : d > 0 ? S_BASIC : S_NOT_MET;
        cs_ = ds === S_NOT_MET || ds === S_NO_DATA ? ds : cs_ === S_NO_DATA ? S_NO_DATA : ds < cs_ ? ds : cs_;
      }
    }
    critOut[c] = cs_;
    if (cs_ === S_MET) criteriaMet++;
    else if (cs_ === S_NO_DATA) anyUnknown = true;
    else anyNotMet = true;
  }
  let outcome: Outcome = anyNotMet ? 0 : anyUnknown ? NaN : 1;
  if (outcome !== 0 && cs.prerequisite) {
    const pre = tierOutcome(cs.prerequisite, inputFor);
    outcome = pre === 0 ? 0 : pre !== pre || outcome !== outcome ? NaN : 1;
  }
  return { criteriaMet, outcome };
}

/** Whether a unit reaches the tier of `cs` (its full ladder), evaluated on that set's own input. */
export function tierOutcome(cs: CompiledSet, inputFor: InputFor | undefined): Outcome {
  if (!inputFor) return NaN;
  return evaluateVector(cs, inputFor(cs), cs.scratchInd, cs.scratchCrit, inputFor).outcome;
}
