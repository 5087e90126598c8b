import { ArrowLeftOutlined } from '@ant-design/icons';
import { getRouteApi, Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { ApiErrorView } from '../../components/ApiErrorView.tsx';
import { Loading } from '../../components/Loading.tsx';
import { usePageTitle } from '../../components/usePageTitle.ts';
import { unitLink } from '../../routes/links.ts';
import { EntryForm } from './EntryForm.tsx';
import { unitDate, useEntryData } from './useEntryData.ts';
import './entry.css';

const route = getRouteApi('/staff/nhap-lieu/$code/$family/$year');

/** Entering one assessment's values (unit × set family × year), for the commune officer first. */
export default function EntryPage() {
  const { t } = useTranslation();
  const params = route.useParams();
  const key = { code: params.code, family: params.family, year: Number(params.year) };
  const { data, error, retry } = useEntryData(key);
  usePageTitle(data ? t('entry.pageTitle', { name: data.body.unit.name, year: key.year }) : t('entry.title'));
  const view = { asOf: data ? unitDate(key.year, data.body.unit) : `${key.year}-12-31`, year: key.year };
  return (
    <div className="cs-stack cs-entry">
      <Link {...unitLink(key.code, view)} className="cs-back">
        <ArrowLeftOutlined aria-hidden /> {t('entry.back')}
      </Link>
      <h1 className="cs-page-title">{data ? t('entry.heading', { name: data.body.unit.name, year: key.year }) : t('entry.title')}</h1>
      {data ? (
        <p className="cs-muted" style={{ margin: 0 }}>
          {t('entry.setLine', { name: data.set.name, decision: data.set.decision, id: data.set.id })}
        </p>
      ) : null}
      {error ? <ApiErrorView error={error} onRetry={retry} /> : null}
      {!data && !error ? <Loading /> : null}
      {data ? <EntryForm key={`${data.body.setId}|${key.code}|${key.family}|${key.year}`} entryKey={key} data={data} /> : null}
    </div>
  );
}
