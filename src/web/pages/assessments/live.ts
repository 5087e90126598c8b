import type { EntryField } from '../../../domain/assessments/values.ts';
import type { EvalContext } from '../../../domain/criteria/context.ts';
import type { CriteriaSet, Threshold } from '../../../domain/criteria/schema.ts';
import { isIndicatorConfirmed } from '../../../domain/criteria/schema.ts';
import { resolveThreshold } from '../../../domain/criteria/thresholds.ts';
import { compileSet, type CompiledSet } from '../../../domain/evaluation/compile.ts';
import { evaluateCompiled } from '../../../domain/evaluation/explain.ts';
import type { Evaluation, ValueMap } from '../../../domain/evaluation/types.ts';

/**
 * The evaluation of what is on the screen, computed in the browser by the domain's evaluator (the one the server
 * runs), so that the result and the gap follow each keystroke.
 */

/** The set compiled for the unit's threshold column and the year, or why it cannot be (no commune group…). */
export function compileFor(set: CriteriaSet, refs: readonly CriteriaSet[], ctx: EvalContext): CompiledSet | { error: string } {
  try {
    return compileSet(set, ctx, (family) => (family === set.family ? set : refs.find((r) => r.family === family)));
  } catch (e) {
    return { error: (e as Error).message };
  }
}

export function evaluateDraft(cs: CompiledSet, values: ValueMap): Evaluation | { error: string } {
  try {
    return evaluateCompiled(cs, { values });
  } catch (e) {
    return { error: (e as Error).message };
  }
}

/** The threshold that applies to a field for the unit, and whether it was read from the official text. */
export function thresholdOf(field: EntryField, ctx: EvalContext): { threshold: Threshold | undefined; confirmed: boolean } | null {
  if (!field.indicator) return null;
  const threshold = resolveThreshold(field.indicator, ctx);
  return { threshold, confirmed: threshold ? threshold.confirmed && threshold.value !== null : isIndicatorConfirmed(field.indicator) };
}

/** The unit's threshold column for a set, as the server chooses it (the default region when none is recorded). */
export function contextFor(set: CriteriaSet, unit: { region: string | null }, group: string | null, year: number): EvalContext {
  return {
    region: set.dimension === 'region' ? ((unit.region ?? 'TDMNPB') as EvalContext['region']) : undefined,
    group: set.dimension === 'group' ? ((group ?? undefined) as EvalContext['group']) : undefined,
    year,
  };
}
