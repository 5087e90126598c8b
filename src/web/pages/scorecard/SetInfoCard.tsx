import { Alert, Card } from 'antd';
import { useTranslation } from 'react-i18next';
import type { EvaluationResponse } from '../../api/types.ts';
import { ButtonLink } from '../../components/ButtonLink.tsx';
import { SampleTag, Pill } from '../../components/tags.tsx';
import { Link } from '@tanstack/react-router';
import { setLink, unitLink } from '../../routes/links.ts';
import type { ViewParams } from '../../view.ts';

/** The criteria set the evaluation used, its legal source and warnings, and a switch to the top set of the tier ladder. */
export function SetInfoCard({ data, setInfo, view }: { data: EvaluationResponse; setInfo: NonNullable<EvaluationResponse['setInfo']>; view: ViewParams }) {
  const { t } = useTranslation();
  const { highest } = data;
  return (
    <Card size="small" title={<h2 className="cs-section-title">{t('scorecard.set')}</h2>}>
      <p className="cs-set-name cs-break">
        <Link {...setLink(setInfo.id)}>{setInfo.name}</Link> {setInfo.sample ? <SampleTag /> : null}{' '}
        {setInfo.indicatorsPending ? <Pill tone="warn">{t('sets.pendingTag')}</Pill> : null}
      </p>
      <dl className="cs-facts">
        <div>
          <dt>{t('scorecard.decision')}</dt>
          <dd className="cs-break">{setInfo.decision}</dd>
        </div>
        <div>
          <dt>{t('scorecard.legalSource')}</dt>
          <dd className="cs-break">{setInfo.legalSource}</dd>
        </div>
      </dl>
      <div className="cs-alerts">
        {setInfo.sample ? <Alert type="warning" showIcon title={t('scorecard.setSample')} /> : null}
        {setInfo.indicatorsPending ? <Alert type="warning" showIcon title={t('scorecard.setPending')} /> : null}
      </div>
      <div className="cs-set-switch">
        {view.set ? (
          <ButtonLink {...unitLink(data.unit.code, { ...view, set: null })}>{t('scorecard.defaultSet')}</ButtonLink>
        ) : highest ? (
          <ButtonLink {...unitLink(data.unit.code, { ...view, set: highest.set })}>
            {t('scorecard.switchSet')}: {highest.setName}
          </ButtonLink>
        ) : null}
      </div>
    </Card>
  );
}
