import { Card } from 'antd';
import { useTranslation } from 'react-i18next';
import type { SetCriterion } from '../../api/types.ts';
import { SourceLinks } from '../../components/SourceLinks.tsx';
import { ConfirmedTag, Pill } from '../../components/tags.tsx';
import { useKindLabel } from './labels.ts';
import { ThresholdList } from './ThresholdList.tsx';

/**
 * One criterion of a set with every indicator, its rule and thresholds. The data files' research notes are not
 * shown: what is not yet checked says so, naming the document (`doc`) it must be checked against.
 */
export function CriterionCard({ c, doc }: { c: SetCriterion; doc: string }) {
  const { t } = useTranslation();
  const kindLabel = useKindLabel();
  const title = (
    <h2 className="cs-section-title cs-break cs-crit-title">
      <span className="cs-ind-code">{c.code}</span> {c.name}
    </h2>
  );
  return (
    <Card size="small" title={title} className="cs-criterion" id={`tieu-chi-${c.code}`}>
      <div className="cs-tags" style={{ marginBottom: 8 }}>
        {c.group ? <Pill tone="grey">{c.group}</Pill> : null}
        {c.direct ? <Pill tone="grey">{t('scorecard.direct')}</Pill> : null}
        {!c.nameConfirmed ? <Pill tone="warn">{t('sets.nameUnconfirmed', { doc })}</Pill> : null}
      </div>
      {c.indicators.length === 0 ? (
        <p className="cs-muted">{t('scorecard.noIndicators')}</p>
      ) : (
        <ul className="cs-ind-list">
          {c.indicators.map((i) => (
            <li key={i.code} className="cs-ind">
              <p className="cs-ind-name cs-break">
                <span className="cs-ind-code">{i.code}</span> {i.name}
              </p>
              <div className="cs-tags">
                <Pill tone="grey">{kindLabel(i.kind)}</Pill>
                {i.unit ? <span className="cs-small">{`${t('scorecard.unit')}: ${i.unit}`}</span> : null}
                {i.thresholds.length === 0 ? <ConfirmedTag confirmed={i.confirmed} /> : null}
                {!i.nameConfirmed ? <Pill tone="warn">{t('sets.nameUnconfirmed', { doc })}</Pill> : null}
              </div>
              <ThresholdList ind={i} />
              <SourceLinks source={i.source} title={doc} />
            </li>
          ))}
        </ul>
      )}
      <SourceLinks source={c.source} title={doc} />
    </Card>
  );
}
