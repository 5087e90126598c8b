import { Alert, Card } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Evaluation } from '../../../domain/evaluation/types.ts';
import { TierTag } from '../../components/tags.tsx';
import { useFormat } from '../../format.ts';
import { GapTable } from '../scorecard/GapTable.tsx';

/** The result of what is on the screen (saved or not), recomputed as the officer types. */
export function LiveResult({ evaluation, error }: { evaluation: Evaluation | null; error: string | null }) {
  const { t } = useTranslation();
  const { num } = useFormat();
  if (!evaluation) return <Alert type="warning" showIcon title={t('entry.noLive')} description={error} />;
  return (
    <Card size="small" title={<h2 className="cs-section-title">{t('entry.live')}</h2>} data-testid="live-result">
      <p className="cs-muted cs-small" style={{ marginTop: 0 }}>
        {t('entry.liveHint')}
      </p>
      <div className="cs-entry-result">
        <div className="cs-entry-result-item">
          <span className="cs-stat-label">{t('entry.criteriaMet')}</span>
          <span className="cs-stat-value" data-testid="live-criteria-met">
            {num(evaluation.criteriaMet)}/{num(evaluation.criteriaTotal)}
          </span>
        </div>
        <div className="cs-entry-result-item">
          <span className="cs-stat-label">{t('scorecard.tier')}</span>
          <span>
            <TierTag tier={evaluation.tier} />
          </span>
        </div>
      </div>
    </Card>
  );
}

export function LiveGap({ evaluation }: { evaluation: Evaluation | null }) {
  return evaluation ? <GapTable evaluation={evaluation} /> : null;
}
