import { Card } from 'antd';
import { useTranslation } from 'react-i18next';
import type { EvaluationResponse } from '../../api/types.ts';
import { vnDates } from '../../components/ApiErrorView.tsx';

/**
 * Why this unit has no evaluation for the view, in place of the result: no set applies to its type (a ward,
 * whose commune sets do not apply), none for the year (with the years that have one), or no commune group.
 */
export function ExplanationCard({ data }: { data: EvaluationResponse }) {
  const { t } = useTranslation();
  const e = data.explanation;
  const ward = data.unit.level === 'commune' && data.unit.type !== 'Xã';
  return (
    <Card size="small" title={<h2 className="cs-section-title">{t('scorecard.result')}</h2>} data-testid="explanation">
      <p style={{ marginTop: 0 }}>
        <strong>{e?.code === 'NO_SET_FOR_UNIT' ? t('errors.noSet') : t('scorecard.noResult')}</strong>
      </p>
      {e ? <p>{vnDates(e.message)}.</p> : null}
      {e?.code === 'NO_SET_FOR_UNIT' && ward ? <p className="cs-muted">{t('scorecard.wardNoSet', { type: data.unit.type.toLowerCase() })}</p> : null}
    </Card>
  );
}
