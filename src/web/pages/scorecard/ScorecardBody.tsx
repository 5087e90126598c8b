import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Alert } from 'antd';
import { useTranslation } from 'react-i18next';
import { unitQuery } from '../../api/queries.ts';
import type { EvaluationResponse } from '../../api/types.ts';
import { useAuth } from '../../auth/session.ts';
import { can } from '../../auth/can.ts';
import { AsOfControls } from '../../components/AsOfControls.tsx';
import { formatDate } from '../../format.ts';
import type { ViewParams } from '../../view.ts';
import { CriteriaList } from './CriteriaList.tsx';
import { ExplanationCard } from './ExplanationCard.tsx';
import { GapTable } from './GapTable.tsx';
import { HamletList } from './HamletList.tsx';
import { RecognitionCard } from './RecognitionCard.tsx';
import { ResultSummary } from './ResultSummary.tsx';
import { SetInfoCard } from './SetInfoCard.tsx';
import { UnitFacts } from './UnitFacts.tsx';

interface Props {
  data: EvaluationResponse;
  view: ViewParams;
  parentName: string | null;
  onView: (asOf: string, year: number) => void;
}

/** Result (or why there is none) above the fold, then the view controls, the unit's facts, criteria, gap and children. */
export function ScorecardBody({ data, view, parentName, onView }: Props) {
  const { t } = useTranslation();
  const { user } = useAuth();
  const unit = useQuery({ ...unitQuery(data.unit.code, view.asOf), placeholderData: keepPreviousData });
  const { evaluation, setInfo } = data;
  const children = unit.data && unit.data.unit.code === data.unit.code ? unit.data.children : null;
  return (
    <>
      <p className="cs-muted" style={{ margin: 0 }}>
        {t('asOf.viewing', { date: formatDate(data.asOf), year: data.year })}
      </p>
      {evaluation && setInfo ? (
        <div className="cs-grid-2">
          <ResultSummary evaluation={evaluation} highest={data.highest} hasValues={data.hasValues} />
          <SetInfoCard data={data} setInfo={setInfo} view={view} />
        </div>
      ) : (
        <ExplanationCard data={data} />
      )}
      {data.unit.level === 'commune' || data.unit.level === 'district' ? <RecognitionCard data={data} view={view} /> : null}
      <AsOfControls asOf={view.asOf} year={view.year} presets={false} years={data.years} onChange={onView} />
      {data.valuesSample ? <Alert type="info" showIcon title={t('scorecard.valuesSample')} data-testid="values-sample" /> : null}
      {evaluation && !data.hasValues ? <Alert type="warning" showIcon title={t('scorecard.noValues', { year: data.year })} /> : null}
      <UnitFacts data={data} view={view} parentName={parentName} />
      {evaluation && setInfo ? (
        <>
          <CriteriaList key={evaluation.set} evaluation={evaluation} doc={setInfo.legalSource} />
          <GapTable evaluation={evaluation} />
        </>
      ) : null}
      {children && (children.length > 0 || data.unit.level === 'commune') ? (
        <HamletList
          view={view}
          level={data.unit.level}
          addTo={data.unit.level === 'commune' && can(user, 'unit:create') ? { code: data.unit.code, name: data.unit.name } : undefined}
        >
          {children}
        </HamletList>
      ) : null}
    </>
  );
}
