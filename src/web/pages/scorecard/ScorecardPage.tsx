import { ArrowLeftOutlined } from '@ant-design/icons';
import { Alert, Spin } from 'antd';
import { useTranslation } from 'react-i18next';
import { withQuery } from '../../api/client.ts';
import type { EvaluationResponse, UnitResponse } from '../../api/types.ts';
import { useApi } from '../../api/useApi.ts';
import { useAuth } from '../../auth/AuthContext.tsx';
import { can } from '../../auth/can.ts';
import { ApiErrorView } from '../../components/ApiErrorView.tsx';
import { AsOfControls } from '../../components/AsOfControls.tsx';
import { usePageTitle } from '../../components/usePageTitle.ts';
import { formatDate } from '../../format.ts';
import { Link, navigate } from '../../router.tsx';
import { overviewHref, unitHref, useViewParams } from '../viewParams.ts';
import { CriteriaList } from './CriteriaList.tsx';
import { GapTable } from './GapTable.tsx';
import { HamletList } from './HamletList.tsx';
import { ResultSummary } from './ResultSummary.tsx';
import { SetInfoCard } from './SetInfoCard.tsx';
import { UnitHeader } from './UnitHeader.tsx';
import './scorecard.css';

/** A commune's (or hamlet's) scorecard: criteria and indicators against the set in force, and what is missing. */
export default function ScorecardPage({ code }: { code: string }) {
  const { t } = useTranslation();
  const { user } = useAuth();
  const view = useViewParams();
  const { asOf, year, set } = view;
  const ev = useApi<EvaluationResponse>(withQuery(`/api/units/${encodeURIComponent(code)}/evaluation`, { asOf, year, set }));
  const unit = useApi<UnitResponse>(withQuery(`/api/units/${encodeURIComponent(code)}`, { asOf }));
  const data = ev.data;
  usePageTitle(data?.unit.name ?? code);

  return (
    <div className="cs-stack">
      <Link to={overviewHref(view)} className="cs-back">
        <ArrowLeftOutlined aria-hidden /> {t('scorecard.back')}
      </Link>
      {ev.error ? <ApiErrorView error={ev.error} onRetry={ev.reload} backTo={overviewHref(view)} /> : null}
      {!data && !ev.error ? (
        <div className="cs-loading" role="status">
          <Spin />
          <span className="cs-sr-only">{t('app.loading')}</span>
        </div>
      ) : null}
      {data && !ev.error ? (
        <>
          <UnitHeader data={data} view={view} />
          <p className="cs-muted" style={{ margin: 0 }}>
            {t('asOf.viewing', { date: formatDate(data.asOf), year: data.evaluation.year })}
          </p>
          <AsOfControls asOf={asOf} year={year} presets={false} onChange={(a, y) => navigate(unitHref(code, { asOf: a, year: y, set }))} />
          {data.valuesSample ? <Alert type="info" showIcon title={t('scorecard.valuesSample')} data-testid="values-sample" /> : null}
          {!data.hasValues ? <Alert type="warning" showIcon title={t('scorecard.noValues', { year: data.evaluation.year })} /> : null}
          <div className="cs-grid-2">
            <ResultSummary evaluation={data.evaluation} highest={data.highest} />
            <SetInfoCard data={data} view={view} />
          </div>
          <CriteriaList key={data.evaluation.set} evaluation={data.evaluation} />
          <GapTable evaluation={data.evaluation} />
          {unit.data && (unit.data.children.length > 0 || data.unit.level === 'commune') ? (
            <HamletList
              view={view}
              addTo={data.unit.level === 'commune' && can(user, 'unit:create') ? { code: data.unit.code, name: data.unit.name } : undefined}
              onAdded={unit.reload}
            >
              {unit.data.children}
            </HamletList>
          ) : null}
        </>
      ) : null}
    </div>
  );
}
