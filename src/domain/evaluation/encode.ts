import { DomainError } from '../errors.ts';
import type { CompiledSet } from './compile.ts';
import { K_BOOLEAN, K_MAX, K_MIN, K_STATUS, K_TIER } from './compile.ts';
import type { InputValue, NotInVersion, ValueMap } from './types.ts';

/** Values of one unit laid out for a compiled set: NaN means no data. */
export interface EncodedInput {
  values: Float64Array;
  /** Directly recorded statuses of criteria that take one (1 met, 0.5 basically met, 0 not met). */
  direct: Float64Array;
}

/**
 * Where values that a version cannot use go when they come from storage (they were valid for the version they
 * were entered under): they are listed and otherwise ignored, never an error that would break a view.
 */
export interface EncodeReport {
  /** The name the values were stored under (a set family or id), shown with each listed value. */
  storedUnder: string;
  notInVersion: NotInVersion[];
  /** Statuses recorded directly for criteria that are now judged by their indicators, by criterion index. */
  earlier: Map<number, InputValue>;
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

const statusWords = (cs: CompiledSet) => (cs.allowsBasic ? 'true/false, "met", "basically-met" hoặc "not-met"' : 'true/false, "met" hoặc "not-met"');

/** The encoded form of a value for indicator `i`, or the kind of value it needed. */
function encodeOne(cs: CompiledSet, i: number, raw: InputValue): number | { expected: string } {
  const kind = cs.kinds[i];
  if (kind === K_MIN || kind === K_MAX) return typeof raw === 'number' && Number.isFinite(raw) ? raw : { expected: 'một số' };
  if (kind === K_BOOLEAN || kind === K_TIER) return typeof raw === 'boolean' ? (raw ? 1 : 0) : { expected: 'true hoặc false' };
  if (kind === K_STATUS) return encodeStatus(raw, cs.allowsBasic) ?? { expected: statusWords(cs) };
  return { expected: 'một giá trị' };
}

/**
 * Checks and encodes a value map for a compiled set. `knownElsewhere` lists codes that belong to other sets of
 * the same evaluation (prerequisite tiers) and are not errors here.
 *
 * Without a `report` the map is the caller's own input and anything this version cannot use is an error
 * (UNKNOWN_INDICATOR, INVALID_VALUE). With one, the map comes from storage: such values go into the report.
 */
export function encodeValues(cs: CompiledSet, map: ValueMap, knownElsewhere: ReadonlySet<string> = new Set(), report?: EncodeReport): EncodedInput {
  const values = new Float64Array(cs.codes.length).fill(NaN);
  const direct = new Float64Array(cs.criteriaCodes.length).fill(NaN);
  for (const [code, raw] of Object.entries(map)) {
    if (raw === null || raw === undefined) continue;
    const i = cs.index.get(code);
    if (i !== undefined) {
      const v = encodeOne(cs, i, raw);
      if (typeof v === 'number') {
        values[i] = v;
        // A placeholder indicator named like its criterion (e.g. "12") is the criterion's recorded status too.
        const own = cs.criterionIndex.get(code);
        if (own !== undefined && cs.direct[own]! >= 1) direct[own] = v;
      } else if (report) report.notInVersion.push({ code, value: raw, storedUnder: report.storedUnder, reason: 'wrong-kind' });
      else throw invalid(code, v.expected, raw, cs.set.id);
      continue;
    }
    const ci = cs.criterionIndex.get(code);
    if (ci !== undefined && cs.direct[ci]! >= 1) {
      const s = encodeStatus(raw, cs.allowsBasic);
      if (s !== undefined) direct[ci] = s;
      else if (report) report.notInVersion.push({ code, value: raw, storedUnder: report.storedUnder, reason: 'wrong-kind' });
      else throw invalid(code, statusWords(cs), raw, cs.set.id);
      continue;
    }
    // Stored under this set: a criterion code here is this criterion's earlier direct record, whatever other sets take.
    if (report && ci !== undefined) report.earlier.set(ci, raw);
    else if (knownElsewhere.has(code)) continue;
    else if (report) report.notInVersion.push({ code, value: raw, storedUnder: report.storedUnder, reason: 'unknown-code' });
    else throw new DomainError('UNKNOWN_INDICATOR', `Mã chỉ tiêu "${code}" không có trong bộ tiêu chí "${cs.set.id}"`, { code, set: cs.set.id });
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
