import { useTranslation } from 'react-i18next';
import type { SetIndicator } from '../../api/types.ts';
import { ConfirmedTag, Pill } from '../../components/tags.tsx';
import { useFormat } from '../../format.ts';

/** An indicator's thresholds, each with its scope (region, group, year), value and confirmation mark. */
export function ThresholdList({ ind }: { ind: SetIndicator }) {
  const { t } = useTranslation();
  const { num } = useFormat();
  const dir = ind.kind === 'max' ? '≤' : ind.kind === 'min' || ind.kind === 'min-relative' ? '≥' : '';
  const rule: string | null = ind.relative
    ? t('sets.relative', { factor: num(ind.relative.factor), indicator: ind.relative.indicator, family: ind.relative.family })
    : ind.requiresTier
      ? t('sets.requiresFamily', { family: ind.requiresTier })
      : null;
  if (ind.thresholds.length === 0) return rule ? <p className="cs-small">{rule}</p> : null;
  return (
    <ul className="cs-thresholds">
      {rule ? <li className="cs-small">{rule}</li> : null}
      {ind.thresholds.map((th, i) => {
        const scope = [
          th.region ? t('sets.thresholdRegion', { v: th.region }) : null,
          th.group ? t('sets.thresholdGroup', { v: th.group }) : null,
          th.year ? t('sets.thresholdYear', { v: th.year }) : null,
        ].filter(Boolean);
        const value =
          th.value === null
            ? null
            : typeof th.value === 'boolean'
              ? th.value
                ? t('status.met')
                : t('status.not-met')
              : `${dir} ${num(th.value)}${ind.unit ? ` ${ind.unit}` : ''}`.trim();
        return (
          <li key={i}>
            {scope.length > 0 ? <span className="cs-threshold-scope">{scope.join(' · ')}:</span> : null}
            {value === null ? <Pill tone="grey">{t('sets.noThreshold')}</Pill> : <strong>{value}</strong>}
            {th.basicallyMet !== undefined ? <span className="cs-small">({t('sets.basicallyMetAt', { v: `${dir} ${num(th.basicallyMet)}` })})</span> : null}
            <ConfirmedTag confirmed={th.confirmed} />
            {th.note ? <span className="cs-threshold-note cs-break">{th.note}</span> : null}
          </li>
        );
      })}
    </ul>
  );
}
