import { Alert } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { withQuery } from '../../api/client.ts';
import type { OverviewResponse, SetsResponse } from '../../api/types.ts';
import { useApi } from '../../api/useApi.ts';
import { ApiErrorView } from '../../components/ApiErrorView.tsx';
import { AsOfControls } from '../../components/AsOfControls.tsx';
import { usePageTitle } from '../../components/usePageTitle.ts';
import { formatDate } from '../../format.ts';
import { updateQuery, useViewParams } from '../viewParams.ts';
import { applyFilters, countByTier, distinct, districtOf, NO_FILTERS, type Filters, type TierKey } from './filter.ts';
import { OverviewFilters } from './OverviewFilters.tsx';
import { OverviewStats } from './OverviewStats.tsx';
import { OverviewTable } from './OverviewTable.tsx';
import { SetsUsed } from './SetsUsed.tsx';
import './overview.css';

const TIER_ORDER: TierKey[] = ['ntm', 'hoan-thanh', 'nang-cao', 'kieu-mau', 'hien-dai', 'none', 'na'];

/** Province overview: every commune in force on the chosen date, with its criteria count and tier for a year. */
export default function OverviewPage() {
  const { t } = useTranslation();
  const { asOf, year } = useViewParams();
  const overview = useApi<OverviewResponse>(withQuery('/api/overview', { asOf, year }));
  const sets = useApi<SetsResponse>('/api/sets');
  const [filters, setFilters] = useState<Filters>(NO_FILTERS);
  usePageTitle(t('overview.title'));

  const rows = useMemo(() => overview.data?.rows ?? [], [overview.data]);
  const shown = useMemo(() => applyFilters(rows, filters), [rows, filters]);
  const tiers = useMemo(() => {
    const counts = countByTier(rows);
    return TIER_ORDER.filter((k) => counts.has(k));
  }, [rows]);
  const anySample = rows.some((r) => r.sample);
  const filtered = shown.length !== rows.length;

  return (
    <div className="cs-stack">
      <header>
        <h1 className="cs-page-title">{t('overview.title')}</h1>
        <p className="cs-muted" style={{ margin: 0 }} data-testid="viewing">
          {t('asOf.viewing', { date: formatDate(asOf), year })}
        </p>
      </header>
      <AsOfControls asOf={asOf} year={year} onChange={(a, y) => updateQuery('/tong-quan', { asOf: a, year: y })} />
      {overview.error ? <ApiErrorView error={overview.error} onRetry={overview.reload} /> : null}
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
      <OverviewTable rows={shown} asOf={asOf} year={year} loading={overview.loading} />
    </div>
  );
}
