import { useTranslation } from 'react-i18next';
import { useFormat } from '../../format.ts';

type Value = number | boolean | string | null;
const STATUS_VALUES = ['met', 'basically-met', 'not-met', 'no-data'] as const;

/** How values, thresholds and differences read on screen: numbers in the user's locale, booleans as words. */
export function useValueText() {
  const { t } = useTranslation();
  const { num } = useFormat();
  const value = (v: Value): string => {
    if (v === null) return t('common.none');
    if (typeof v === 'boolean') return v ? t('common.yes') : t('common.no');
    if (typeof v === 'number') return num(v);
    const s = STATUS_VALUES.find((x) => x === v);
    return s ? t(`status.${s}`) : v;
  };
  /** A threshold with its direction: "≥ 80", "≤ 5", or "Đạt" for a yes/no rule. */
  const threshold = (v: Value, kind: string): string => {
    if (v === null) return t('status.noThreshold');
    if (typeof v === 'boolean') return v ? t('status.met') : t('status.not-met');
    if (typeof v === 'number') return `${kind === 'max' ? '≤' : kind === 'min' || kind === 'min-relative' ? '≥' : ''} ${num(v)}`.trim();
    return v;
  };
  const difference = (d: number | null): string => (d === null ? t('common.none') : num(d));
  return { value, threshold, difference };
}
