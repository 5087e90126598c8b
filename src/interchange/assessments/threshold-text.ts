import type { EntryField } from '../../domain/assessments/values.ts';
import { resolveThreshold, type ThresholdContext } from '../../domain/criteria/thresholds.ts';
import type { Threshold } from '../../domain/criteria/schema.ts';
import { CONFIRMED_LABEL, UNCONFIRMED_LABEL } from './layout.ts';

function num(n: number): string {
  return String(n).replace('.', ',');
}

function boundText(field: EntryField, t: Threshold | undefined): string {
  const ind = field.indicator!;
  if (!t || t.value === null) return '(chưa có giá trị)';
  const unit = ind.unit ? ` ${ind.unit}` : '';
  switch (ind.kind) {
    case 'min':
      return typeof t.value === 'number' ? `≥ ${num(t.value)}${unit}` : String(t.value);
    case 'max':
      return typeof t.value === 'number' ? `≤ ${num(t.value)}${unit}` : String(t.value);
    case 'min-relative':
      return ind.relative ? `≥ ${num(ind.relative.factor)} lần ${ind.relative.indicator} (${ind.relative.family})` : `≥ ${String(t.value)}`;
    case 'boolean':
    case 'status':
    case 'tier':
      return 'Đạt';
  }
}

/**
 * The threshold a unit is held to, as officers read it ("≥ 90 %", "Đạt"), and whether it was read from the official
 * text. A criterion's direct status is "Đạt"; its confirmation is the criterion's, which has no threshold of its own.
 */
export function thresholdText(field: EntryField, ctx: ThresholdContext): { text: string; confirmed: string } {
  if (!field.indicator) return { text: 'Đạt', confirmed: '' };
  const t = resolveThreshold(field.indicator, ctx);
  if (field.indicator.kind === 'status' || (field.indicator.kind === 'boolean' && field.indicator.thresholds.length === 0))
    return { text: 'Đạt', confirmed: field.indicator.nameConfirmed ? CONFIRMED_LABEL : UNCONFIRMED_LABEL };
  return { text: boundText(field, t), confirmed: t?.confirmed ? CONFIRMED_LABEL : UNCONFIRMED_LABEL };
}
