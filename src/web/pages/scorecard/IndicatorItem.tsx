import { useTranslation } from 'react-i18next';
import type { IndicatorResult } from '../../api/types.ts';
import { SourceLinks } from '../../components/SourceLinks.tsx';
import { ConfirmedTag, StatusTag } from '../../components/tags.tsx';
import { useValueText } from './values.ts';

/** One indicator: value against threshold, result, whether the threshold is confirmed, and its source. */
export function IndicatorItem({ ind, doc }: { ind: IndicatorResult; doc: string }) {
  const { t } = useTranslation();
  const fmt = useValueText();
  return (
    <li className="cs-ind" data-testid="indicator">
      <p className="cs-ind-name cs-break">
        <span className="cs-ind-code">{ind.code}</span> {ind.name}
      </p>
      <dl className="cs-facts cs-ind-facts">
        <div>
          <dt>{t('scorecard.value')}</dt>
          <dd>{fmt.value(ind.value)}</dd>
        </div>
        <div>
          <dt>{t('scorecard.threshold')}</dt>
          <dd>{fmt.threshold(ind.threshold, ind.kind)}</dd>
        </div>
        {ind.unit ? (
          <div>
            <dt>{t('scorecard.unit')}</dt>
            <dd>{ind.unit}</dd>
          </div>
        ) : null}
        <div>
          <dt>{t('scorecard.status')}</dt>
          <dd className="cs-tags">
            <StatusTag status={ind.status} reason={ind.reason} />
            <ConfirmedTag confirmed={ind.confirmed} />
          </dd>
        </div>
      </dl>
      <SourceLinks source={ind.source} title={doc} />
    </li>
  );
}
