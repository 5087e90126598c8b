import type { Tier } from '../criteria/schema.ts';
import type { CompiledSet } from './compile.ts';
import { acceptedCodes, encodeValues, type EncodedInput, type EncodeReport } from './encode.ts';
import { evaluateVector, tierOutcome, type InputFor } from './evaluate.ts';
import type { ValueMap } from './types.ts';
import { S_NO_DATA } from './types.ts';

/** What a list of units shows for each: criteria met, missing data and thresholds, and the tier reached. */
export interface UnitSummary {
  criteriaMet: number;
  criteriaTotal: number;
  criteriaNoData: number;
  /** Of those, criteria with a value that cannot be judged because its threshold has not been read yet. */
  criteriaNoThreshold: number;
  tier: Tier | null;
}

/**
 * Summarises units on the compiled path, for lists of many units (the overview): the same statuses as the full
 * explanation (`evaluateCompiled`), without building it. Values are stored ones: what a version cannot use is
 * ignored, as in the explanation. Prepare once per pair of sets, then call for each unit.
 */
export function summarizer(base: CompiledSet, top: CompiledSet): (mapFor: (cs: CompiledSet) => ValueMap) => UnitSummary {
  const accepted = acceptedCodes(top, acceptedCodes(base));
  const indOut = new Uint8Array(base.codes.length);
  const critOut = new Uint8Array(base.criteriaCodes.length);
  const report: EncodeReport = { storedUnder: '', notInVersion: [], earlier: new Map() };
  return (mapFor) => {
    const cache = new Map<CompiledSet, EncodedInput>();
    const inputFor: InputFor = (c) => {
      let e = cache.get(c);
      if (!e) {
        report.notInVersion.length = 0;
        report.earlier.clear();
        e = encodeValues(c, mapFor(c), accepted, report);
        cache.set(c, e);
      }
      return e;
    };
    const encoded = inputFor(base);
    const { criteriaMet } = evaluateVector(base, encoded, indOut, critOut, inputFor);
    let noData = 0;
    let noThreshold = 0;
    for (let c = 0; c < critOut.length; c++) {
      if (critOut[c] !== S_NO_DATA) continue;
      noData++;
      for (let i = base.start[c]!; i < base.start[c + 1]!; i++) {
        const v = encoded.values[i]!;
        if (indOut[i] === S_NO_DATA && v === v) {
          noThreshold++;
          break;
        }
      }
    }
    return { criteriaMet, criteriaTotal: critOut.length, criteriaNoData: noData, criteriaNoThreshold: noThreshold, tier: tierOf(top, inputFor) };
  };
}

/** The highest tier reached on a set's ladder: its own, else the first prerequisite reached. */
function tierOf(top: CompiledSet, inputFor: InputFor): Tier | null {
  if (tierOutcome(top, inputFor) === 1) return top.set.tier;
  for (let p = top.prerequisite; p; p = p.prerequisite) if (tierOutcome(p, inputFor) === 1) return p.set.tier;
  return null;
}
