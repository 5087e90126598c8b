import { ArrowLeftOutlined } from '@ant-design/icons';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { getRouteApi, Link } from '@tanstack/react-router';
import { Alert } from 'antd';
import { useTranslation } from 'react-i18next';
import { evaluationQuery, unitQuery } from '../../api/queries.ts';
import { useAuth } from '../../auth/session.ts';
import { can } from '../../auth/can.ts';
import { ApiErrorView } from '../../components/ApiErrorView.tsx';
import { AsOfControls } from '../../components/AsOfControls.tsx';
import { Loading } from '../../components/Loading.tsx';
import { usePageTitle } from '../../components/usePageTitle.ts';
import { formatDate } from '../../format.ts';
import { overviewLink, unitLink } from '../../routes/links.ts';
import { resolveView } from '../../view.ts';
import { CriteriaList } from './CriteriaList.tsx';
import { GapTable } from './GapTable.tsx';
import { HamletList } from './HamletList.tsx';
import { ResultSummary } from './ResultSummary.tsx';
import { SetInfoCard } from './SetInfoCard.tsx';
import { UnitHeader } from './UnitHeader.tsx';
import './scorecard.css';

const route = getRouteApi('/staff/don-vi/$code');

/** A commune's (or hamlet's) scorecard: criteria and indicators against the set in force, and what is missing. */
export default function ScorecardPage() {
  const { t } = useTranslation();
  const { user } = useAuth();
  const { code } = route.useParams();
  const navigate = route.useNavigate();
  const view = resolveView(route.useSearch());
  const { asOf, year, set } = view;
  const ev = useQuery({ ...evaluationQuery(code, view), placeholderData: (prev, q) => (q?.queryKey[1] === code ? prev : undefined) });
  const unit = useQuery({ ...unitQuery(code, asOf), placeholderData: keepPreviousData });
  const data = ev.data;
  // A hamlet names its commune and leads back to it (not to the province overview).
  const parentCode = data?.unit.level === 'hamlet' ? data.unit.parentCode : null;
  const parent = useQuery({ ...unitQuery(parentCode ?? '', asOf), enabled: parentCode !== null });
  const parentUnit = parentCode && parent.data?.unit.code === parentCode ? parent.data.unit : null;
  usePageTitle(data?.unit.name ?? code);

  return (
    <div className="cs-stack">
      {parentCode ? (
        <Link {...unitLink(parentCode, view)} className="cs-back">
          <ArrowLeftOutlined aria-hidden /> {t('scorecard.backTo', { name: parentUnit?.name ?? parentCode })}
        </Link>
      ) : (
        <Link {...overviewLink(view)} className="cs-back">
          <ArrowLeftOutlined aria-hidden /> {t('scorecard.back')}
        </Link>
      )}
      {ev.isError ? <ApiErrorView error={ev.error} onRetry={() => void ev.refetch()} backTo={overviewLink(view)} /> : null}
      {!data && !ev.isError ? <Loading /> : null}
      {data && !ev.isError ? (
        <>
          <UnitHeader data={data} view={view} parentName={parentUnit?.name ?? null} />
          <p className="cs-muted" style={{ margin: 0 }}>
            {t('asOf.viewing', { date: formatDate(data.asOf), year: data.evaluation.year })}
          </p>
          <AsOfControls asOf={asOf} year={year} presets={false} onChange={(a, y) => void navigate({ search: { asOf: a, year: y, ...(set ? { set } : {}) } })} />
          {data.valuesSample ? <Alert type="info" showIcon title={t('scorecard.valuesSample')} data-testid="values-sample" /> : null}
          {!data.hasValues ? <Alert type="warning" showIcon title={t('scorecard.noValues', { year: data.evaluation.year })} /> : null}
          <div className="cs-grid-2">
            <ResultSummary evaluation={data.evaluation} highest={data.highest} />
            <SetInfoCard data={data} view={view} />
          </div>
          <CriteriaList key={data.evaluation.set} evaluation={data.evaluation} doc={data.setInfo.legalSource} />
          <GapTable evaluation={data.evaluation} />
          {unit.data && unit.data.unit.code === code && (unit.data.children.length > 0 || data.unit.level === 'commune') ? (
            <HamletList
              view={view}
              level={data.unit.level}
              addTo={data.unit.level === 'commune' && can(user, 'unit:create') ? { code: data.unit.code, name: data.unit.name } : undefined}
            >
              {unit.data.children}
            </HamletList>
          ) : null}
        </>
      ) : null}
    </div>
  );
}
