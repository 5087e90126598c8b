import { Card } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Evaluation } from '../../api/types.ts';
import { Pill, TierTag } from '../../components/tags.tsx';
import { useFormat } from '../../format.ts';
import { Link } from '@tanstack/react-router';
import { setLink } from '../../routes/links.ts';

/** Criteria met, the highest tier reached (from the top of the tier ladder), that set's own count, and its prerequisites. */
export function ResultSummary({ evaluation, highest, hasValues }: { evaluation: Evaluation; highest: Evaluation | null; hasValues: boolean }) {
  const ladder = highest ?? evaluation;
  // A commune that has not reached NTM is judged on the NTM set: the model set's "0/4" beside it would mislead.
  const showHighest = highest !== null && evaluation.setTierReached;
  const { t } = useTranslation();
  const { num } = useFormat();
  return (
    <Card size="small" title={<h2 className="cs-section-title">{t('scorecard.result')}</h2>}>
      <div className="cs-result">
        <div className="cs-result-item">
          <span className="cs-stat-label">{t('scorecard.criteriaMetIn', { name: evaluation.setName })}</span>
          <span className="cs-stat-value" data-testid="criteria-met">
            {num(evaluation.criteriaMet)}/{num(evaluation.criteriaTotal)}
          </span>
        </div>
        <div className="cs-result-item">
          <span className="cs-stat-label">{t('scorecard.tier')}</span>
          <span>
            <TierTag tier={ladder.tier} noData={!hasValues} />
          </span>
        </div>
        {showHighest ? (
          <div className="cs-result-item">
            <span className="cs-stat-label cs-break">{t('scorecard.base', { name: highest.setName })}</span>
            <span className="cs-stat-value">
              {num(highest.criteriaMet)}/{num(highest.criteriaTotal)}
            </span>
          </div>
        ) : null}
      </div>
      {(highest === null || evaluation.setTierReached) && ladder.prerequisites.length > 0 ? (
        <>
          <h3 className="cs-sub-title">{t('scorecard.prerequisites')}</h3>
          <ul className="cs-prereq">
            {ladder.prerequisites.map((p) => (
              <li key={p.set}>
                <Link {...setLink(p.set)}>{t(`tier.${p.tier}`)}</Link>:{' '}
                {p.reached === null ? (
                  <Pill tone="grey">{t('scorecard.prereqUnknown')}</Pill>
                ) : p.reached ? (
                  <Pill tone="green">{t('scorecard.prereqReached')}</Pill>
                ) : (
                  <Pill tone="red">{t('scorecard.prereqNot')}</Pill>
                )}
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </Card>
  );
}
