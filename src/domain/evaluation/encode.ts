import { DomainError } from '../errors.ts';
import type { CompiledSet } from './compile.ts';
import { K_BOOLEAN, K_MAX, K_MIN, K_STATUS, K_TIER } from './compile.ts';
import type { InputValue, ValueMap } from './types.ts';

/** Values of one unit laid out for a compiled set: NaN means no data. */
export interface EncodedInput {
  values: Float64Array;
  /** Directly recorded statuses of criteria whose indicators are not loaded (1 met, 0.5 basically met, 0 not met). */
  direct: Float64Array;
}

function encodeStatus(v: InputValue, allowBasic: boolean): number | undefined {
  if (v === true || v === 'met' || v === 'dat') return 1;
  if (v === false || v === 'not-met' || v === 'chua-dat') return 0;
  if ((v === 'basically-met' || v === 'co-ban-dat') && allowBasic) return 0.5;
  return undefined;
}

function invalid(code: string, expected: string, value: unknown, set: string): DomainError {
  return new DomainError('INVALID_VALUE', `Giá trị của "${code}" không hợp lệ: cần ${expected}, nhận được ${JSON.stringify(value)}`, {
    code,
    set,
    expected,
    received: value,
  });
}

/**
 * Checks and encodes a value map for a compiled set. `knownElsewhere` lists codes that belong to other sets of
 * the same evaluation (prerequisite tiers) and are not errors here.
 */
export function encodeValues(cs: CompiledSet, map: ValueMap, knownElsewhere: ReadonlySet<string> = new Set()): EncodedInput {
  const values = new Float64Array(cs.codes.length).fill(NaN);
  const direct = new Float64Array(cs.criteriaCodes.length).fill(NaN);
  for (const [code, raw] of Object.entries(map)) {
    if (raw === null || raw === undefined) continue;
    const i = cs.index.get(code);
    if (i === undefined) {
      const ci = cs.criterionIndex.get(code);
      if (ci !== undefined && cs.direct[ci]! >= 1) {
        const s = encodeStatus(raw, cs.allowsBasic);
        if (s === undefined)
          throw invalid(code, cs.allowsBasic ? 'true/false, "met", "basically-met" hoặc "not-met"' : 'true/false, "met" hoặc "not-met"', raw, cs.set.id);
        direct[ci] = s;
        continue;
      }
      if (knownElsewhere.has(code)) continue;
      throw new DomainError('UNKNOWN_INDICATOR', `Mã chỉ tiêu "${code}" không có trong bộ tiêu chí "${cs.set.id}"`, { code, set: cs.set.id });
    }
    const kind = cs.kinds[i];
    if (kind === K_MIN || kind === K_MAX) {
      if (typeof raw !== 'number' || !Number.isFinite(raw)) throw invalid(code, 'một số', raw, cs.set.id);
      values[i] = raw;
    } else if (kind === K_BOOLEAN || kind === K_TIER) {
      if (typeof raw !== 'boolean') throw invalid(code, 'true hoặc false', raw, cs.set.id);
      values[i] = raw ? 1 : 0;
    } else if (kind === K_STATUS) {
      const s = encodeStatus(raw, cs.allowsBasic);
      if (s === undefined) throw invalid(code, 'true/false, "met" hoặc "not-met"', raw, cs.set.id);
      values[i] = s;
    }
  }
  return { values, direct };
}

/** Every indicator and direct-criterion code that a compiled set and its prerequisites accept. */
export function acceptedCodes(cs: CompiledSet, into = new Set<string>()): Set<string> {
  for (const c of cs.codes) into.add(c);
  cs.criteriaCodes.forEach((c, ci) => {
    if (cs.direct[ci]! >= 1) into.add(c);
  });
  if (cs.prerequisite) acceptedCodes(cs.prerequisite, into);
  for (const r of cs.tierRefs) if (r) acceptedCodes(r, into);
  return into;
}
