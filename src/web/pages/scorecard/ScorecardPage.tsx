import { ArrowLeftOutlined } from '@ant-design/icons';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { getRouteApi, Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { evaluationQuery, unitQuery } from '../../api/queries.ts';
import { ApiErrorView } from '../../components/ApiErrorView.tsx';
import { Loading } from '../../components/Loading.tsx';
import { BasisControl } from '../../components/BasisControl.tsx';
import { Pill } from '../../components/tags.tsx';
import { EntryLink } from '../assessments/EntryLink.tsx';
import { usePageTitle } from '../../components/usePageTitle.ts';
import { overviewLink, unitLink } from '../../routes/links.ts';
import { resolveView } from '../../view.ts';
import { ScorecardBody } from './ScorecardBody.tsx';
import './scorecard.css';

const route = getRouteApi('/staff/don-vi/$code');

/** A commune's (or hamlet's, or district's) scorecard: its result first, then the criteria and what is missing. */
export default function ScorecardPage() {
  const { t } = useTranslation();
  const { code } = route.useParams();
  const navigate = route.useNavigate();
  const search = route.useSearch();
  const view = resolveView(search);
  const ev = useQuery({
    ...evaluationQuery(code, { ...view, basis: search.basis }),
    placeholderData: (prev, q) => (q?.queryKey[1] === code ? prev : undefined),
  });
  const data = ev.data;
  // A hamlet names its commune and leads back to it (not to the province overview).
  const parentCode = data?.unit.level === 'hamlet' ? data.unit.parentCode : null;
  const parent = useQuery({ ...unitQuery(parentCode ?? '', view.asOf), enabled: parentCode !== null, placeholderData: keepPreviousData });
  const parentName = parentCode && parent.data?.unit.code === parentCode ? parent.data.unit.name : null;
  usePageTitle(data?.unit.name ?? code);

  return (
    <div className="cs-stack">
      {parentCode ? (
        <Link {...unitLink(parentCode, view)} className="cs-back">
          <ArrowLeftOutlined aria-hidden /> {t('scorecard.backTo', { name: parentName ?? parentCode })}
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
          <h1 className="cs-page-title">
            {data.unit.name} {data.unit.sample ? <Pill tone="sample">{t('scorecard.sampleUnit')}</Pill> : null}
          </h1>
          <EntryLink code={data.unit.code} family={data.evaluation?.family ?? null} year={data.year} />
          <BasisControl basis={search.basis ?? data.basis} onChange={(b) => void navigate({ search: (prev) => ({ ...prev, basis: b }), replace: true })} />
          <ScorecardBody
            data={data}
            view={view}
            parentName={parentName}
            onView={(asOf, year) =>
              void navigate({ search: { asOf, year, ...(view.set ? { set: view.set } : {}), ...(search.basis ? { basis: search.basis } : {}) } })
            }
          />
        </>
      ) : null}
    </div>
  );
}
