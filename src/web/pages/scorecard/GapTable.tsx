import { useTranslation } from 'react-i18next';
import type { Evaluation, GapItem } from '../../api/types.ts';
import { ConfirmedTag, StatusTag } from '../../components/tags.tsx';
import { useWide } from '../../components/useWide.ts';
import { useValueText } from './values.ts';
import '../../components/table.css';

/**
 * What is still missing: each unmet or unevaluable indicator with its value, threshold and the difference. A
 * criterion waiting for its directly recorded result says so instead of a value and a threshold. A table on
 * wide screens, a list on phones (no sideways scrolling).
 */
export function GapTable({ evaluation }: { evaluation: Evaluation }) {
  const { t } = useTranslation();
  const fmt = useValueText();
  const wide = useWide();
  const kindOf = (g: GapItem) => (g.indicator ? (evaluation.indicators[g.indicator]?.kind ?? '') : '');
  const unitOf = (g: GapItem) => (g.indicator ? (evaluation.indicators[g.indicator]?.unit ?? null) : null);
  const awaiting = (g: GapItem) => g.reason === 'awaiting-direct';
  const cells = (g: GapItem) => ({
    name: (
      <span className="cs-gap-name">
        <span className="cs-ind-code">{g.indicator ?? g.criterion}</span> {g.name}
      </span>
    ),
    value: awaiting(g) ? t('status.awaitingDirect') : fmt.value(g.value),
    threshold: awaiting(g) ? t('common.none') : fmt.threshold(g.threshold, kindOf(g)),
    unit: unitOf(g) ?? t('common.none'),
    difference: fmt.difference(g.difference),
    status: (
      <span className="cs-tags">
        <StatusTag status={g.status} reason={g.reason} />
        {awaiting(g) ? null : <ConfirmedTag confirmed={g.confirmed} />}
      </span>
    ),
  });
  const key = (g: GapItem) => `${g.criterion}/${g.indicator ?? ''}`;
  const heads = ['gapIndicator', 'value', 'threshold', 'unit', 'gapDifference', 'status'] as const;
  return (
    <section aria-labelledby="cs-gap-title" className="cs-stack-sm" data-testid="gap-table">
      <h2 id="cs-gap-title" className="cs-section-title">
        {t('scorecard.gap')} ({evaluation.gap.length})
      </h2>
      {evaluation.gap.length === 0 ? (
        <p className="cs-muted">{t('scorecard.gapEmpty')}</p>
      ) : wide ? (
        <div className="cs-table-wrap">
          <table className="cs-table">
            <thead>
              <tr>
                {heads.map((h) => (
                  <th key={h} scope="col">
                    {t(`scorecard.${h}`)}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {evaluation.gap.map((g) => {
                const c = cells(g);
                return (
                  <tr key={key(g)} className="cs-gap-row">
                    <td>{c.name}</td>
                    <td>{c.value}</td>
                    <td>{c.threshold}</td>
                    <td>{c.unit}</td>
                    <td style={{ textAlign: 'right' }}>{c.difference}</td>
                    <td>{c.status}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      ) : (
        <ul className="cs-gap-list">
          {evaluation.gap.map((g) => {
            const c = cells(g);
            return (
              <li key={key(g)} className="cs-gap-row">
                <p className="cs-break" style={{ margin: 0 }}>
                  {c.name}
                </p>
                <p className="cs-muted cs-small" style={{ margin: '2px 0' }}>
                  {awaiting(g) ? c.value : `${t('scorecard.value')}: ${c.value} · ${t('scorecard.threshold')}: ${c.threshold}`}
                  {!awaiting(g) && g.difference !== null ? ` · ${t('scorecard.gapDifference')}: ${c.difference}` : ''}
                </p>
                {c.status}
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
