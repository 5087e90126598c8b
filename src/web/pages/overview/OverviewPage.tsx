import { ReportLinks } from '../../components/ReportLinks.tsx';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { getRouteApi } from '@tanstack/react-router';
import { Alert } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { overviewQuery, setsQuery } from '../../api/queries.ts';
import { ApiErrorView, vnDates } from '../../components/ApiErrorView.tsx';
import { AsOfControls } from '../../components/AsOfControls.tsx';
import { BasisControl } from '../../components/BasisControl.tsx';
import { usePageTitle } from '../../components/usePageTitle.ts';
import { formatDate } from '../../format.ts';
import { resolveView } from '../../view.ts';
import { applyFilters, countByTier, distinct, districtOf, type Filters, type TierKey } from './filter.ts';
import { NoUnits } from './NoUnits.tsx';
import { OverviewFilters } from './OverviewFilters.tsx';
import { OverviewStats } from './OverviewStats.tsx';
import { OverviewTable } from './OverviewTable.tsx';
import { SetsUsed } from './SetsUsed.tsx';
import './overview.css';

const route = getRouteApi('/staff/tong-quan');
const TIER_ORDER: TierKey[] = ['ntm', 'hoan-thanh', 'nang-cao', 'kieu-mau', 'hien-dai', 'none', 'no-data', 'na'];

/** Province overview: every commune in force on the chosen date, with its criteria count and tier for a year. */
export default function OverviewPage() {
  const { t } = useTranslation();
  const search = route.useSearch();
  const navigate = route.useNavigate();
  const { asOf, year } = resolveView(search);
  const overview = useQuery({ ...overviewQuery({ asOf, year, basis: search.basis }), placeholderData: keepPreviousData });
  const sets = useQuery(setsQuery);
  // Filters live in the URL, so Back from a scorecard (or a shared link) shows the same list.
  const filters: Filters = { search: search.q ?? '', tier: search.tier ?? null, district: search.district ?? null, type: search.type ?? null };
  const setFilters = (f: Filters) =>
    void navigate({
      search: (prev) => ({ ...prev, q: f.search || undefined, tier: f.tier ?? undefined, district: f.district ?? undefined, type: f.type ?? undefined }),
      replace: true,
      resetScroll: false,
    });
  usePageTitle(t('overview.title'));

  const loaded = overview.isSuccess && !overview.isPlaceholderData;
  const rows = useMemo(() => overview.data?.rows ?? [], [overview.data]);
  const { q, tier, district, type } = search;
  const shown = useMemo(
    () => applyFilters(rows, { search: q ?? '', tier: tier ?? null, district: district ?? null, type: type ?? null }),
    [rows, q, tier, district, type],
  );
  const tiers = useMemo(() => {
    const counts = countByTier(rows);
    return TIER_ORDER.filter((k) => counts.has(k));
  }, [rows]);
  const anySample = rows.some((r) => r.sample);
  const filtered = shown.length !== rows.length;
  const emptyText = overview.isError
    ? t('overview.notLoaded')
    : !loaded
      ? t('app.loading')
      : rows.length === 0
        ? t('overview.noUnits', { date: formatDate(asOf) })
        : t('overview.empty');

  return (
    <div className="cs-stack">
      <header>
        <h1 className="cs-page-title">{t('overview.title')}</h1>
        <p className="cs-muted" style={{ margin: 0 }} data-testid="viewing">
          {t('asOf.viewing', { date: formatDate(asOf), year })}
        </p>
      </header>
      <AsOfControls
        asOf={asOf}
        year={year}
        years={overview.data?.years}
        onChange={(a, y) => void navigate({ search: (prev) => ({ ...prev, asOf: a, year: y }) })}
      />
      <BasisControl
        basis={search.basis ?? overview.data?.basis ?? 'approved'}
        onChange={(b) => void navigate({ search: (prev) => ({ ...prev, basis: b }), replace: true })}
      />
      <ReportLinks href={`/api/overview/report?asOf=${asOf}&year=${year}${search.basis ? `&basis=${search.basis}` : ''}`} label={t('reports.overviewLabel')} />
      {overview.isError ? <ApiErrorView error={overview.error} onRetry={() => void overview.refetch()} /> : null}
      {loaded && rows.length === 0 && !overview.data?.notice ? (
        <NoUnits asOf={asOf} onBefore={(a, y) => void navigate({ search: (prev) => ({ ...prev, asOf: a, year: y }) })} />
      ) : null}
      {loaded && overview.data?.notice ? <Alert type="info" showIcon title={vnDates(overview.data.notice.message)} data-testid="overview-notice" /> : null}
      {anySample ? <Alert type="info" showIcon title={t('overview.sampleBanner')} data-testid="sample-banner" /> : null}
      {overview.data ? (
        <>
          <OverviewStats rows={rows} tier={filters.tier} onTier={(tier) => setFilters({ ...filters, tier })} />
          <SetsUsed ids={overview.data.sets} sets={sets.data?.sets} rows={rows} />
          <OverviewFilters
            value={filters}
            onChange={setFilters}
            tiers={tiers}
            districts={distinct(rows.map(districtOf))}
            types={distinct(rows.map((r) => r.type))}
          />
          {filtered ? (
            <p role="status" className="cs-muted" style={{ margin: 0 }}>
              {t('overview.filtered', { shown: shown.length, total: rows.length })}
            </p>
          ) : null}
        </>
      ) : null}
      <OverviewTable rows={shown} asOf={asOf} year={year} loading={overview.isPending || overview.isPlaceholderData} emptyText={emptyText} />
    </div>
  );
}
