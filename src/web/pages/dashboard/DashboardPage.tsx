import './messages.ts';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { getRouteApi, Link } from '@tanstack/react-router';
import { Alert } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { overviewQuery, unitQuery } from '../../api/queries.ts';
import type { OverviewRow, Tier } from '../../api/types.ts';
import { ApiErrorView, vnDates } from '../../components/ApiErrorView.tsx';
import { AsOfControls } from '../../components/AsOfControls.tsx';
import { BasisControl } from '../../components/BasisControl.tsx';
import { Loading } from '../../components/Loading.tsx';
import { TierTag } from '../../components/tags.tsx';
import { usePageTitle } from '../../components/usePageTitle.ts';
import { formatDate, useFormat } from '../../format.ts';
import { unitLink } from '../../routes/links.ts';
import { REORG_FIRST_DAY, resolveView } from '../../view.ts';
import { districts, evaluated, rowsShown, rowsUnder, type DistrictSummary } from './aggregate.ts';
import { CriteriaHistogram, TierChart } from './Charts.tsx';
import { CommuneMap } from './CommuneMap.tsx';
import { FigureTable } from './FigureTable.tsx';
import { planQuery, PROVINCE_PLAN_ID } from './queries.ts';
import { PROVINCE_CODE, type Shown } from './search.ts';
import './dashboard.css';

const route = getRouteApi('/staff/bang-dieu-khien');

/**
 * The programme at a glance for the province, a former district or a commune: criteria met, tiers against the
 * province plan's targets, and the commune map; every figure opens the units behind it.
 */
export default function DashboardPage() {
  const { t } = useTranslation();
  const { num } = useFormat();
  const search = route.useSearch();
  const navigate = route.useNavigate();
  const { asOf, year } = resolveView(search);
  const unit = search.unit ?? PROVINCE_CODE;
  const before = asOf < REORG_FIRST_DAY;
  const overview = useQuery({ ...overviewQuery({ asOf, year, basis: search.basis }), placeholderData: keepPreviousData });
  const plan = useQuery(planQuery(PROVINCE_PLAN_ID));
  const province = useQuery(unitQuery(PROVINCE_CODE, asOf));
  usePageTitle(t('dashboard.title'));

  const all = useMemo(() => overview.data?.rows ?? [], [overview.data]);
  const rows = useMemo(() => rowsUnder(all, unit), [all, unit]);
  const shown = search.show ? rowsShown(rows, search.show) : null;
  const level: 'province' | 'district' | 'commune' = unit.length <= 2 ? 'province' : unit.length === 3 ? 'district' : 'commune';
  const commune = level === 'commune' ? rows[0] : undefined;
  const districtCode = level === 'district' ? unit : commune?.parentCode && commune.parentCode.length === 3 ? commune.parentCode : null;
  const districtName = districtCode ? (all.find((r) => r.parentCode === districtCode)?.parentName ?? districtCode) : null;
  const provinceName = province.data?.unit.name ?? t('dashboard.province');
  const loading = overview.isPending || overview.isPlaceholderData;
  const onShow = (show: Shown) => void navigate({ search: (prev) => ({ ...prev, show }), hash: 'don-vi-theo-so-lieu', resetScroll: false });
  const here = level === 'province' ? provinceName : level === 'district' ? districtName : (commune?.fullName ?? unit);

  return (
    <div className="cs-stack">
      <header>
        <h1 className="cs-page-title">{t('dashboard.title')}</h1>
        <p className="cs-muted" style={{ margin: 0 }} data-testid="viewing">
          {t('asOf.viewing', { date: formatDate(asOf), year })}
        </p>
      </header>
      <nav aria-label={t('dashboard.breadcrumb')} className="cs-crumbs" data-testid="breadcrumb">
        <ol>
          <li>
            {level === 'province' ? (
              <span aria-current="page">{provinceName}</span>
            ) : (
              <Link to="/bang-dieu-khien" search={(prev) => ({ ...prev, unit: undefined, show: undefined })}>
                {provinceName}
              </Link>
            )}
          </li>
          {districtCode ? (
            <li>
              {level === 'district' ? (
                <span aria-current="page">{districtName}</span>
              ) : (
                <Link to="/bang-dieu-khien" search={(prev) => ({ ...prev, unit: districtCode, show: undefined })}>
                  {districtName}
                </Link>
              )}
            </li>
          ) : null}
          {level === 'commune' ? (
            <li>
              <span aria-current="page">{commune?.fullName ?? unit}</span>
            </li>
          ) : null}
        </ol>
      </nav>
      <AsOfControls
        asOf={asOf}
        year={year}
        years={overview.data?.years}
        // A district exists only before 1/7/2025: another date goes back to the province.
        onChange={(a, y) => void navigate({ search: (prev) => ({ ...prev, asOf: a, year: y, unit: undefined, show: undefined }) })}
      />
      <BasisControl
        basis={search.basis ?? overview.data?.basis ?? 'approved'}
        onChange={(b) => void navigate({ search: (prev) => ({ ...prev, basis: b }), replace: true })}
      />
      {overview.isError ? <ApiErrorView error={overview.error} onRetry={() => void overview.refetch()} /> : null}
      {overview.data?.notice ? <Alert type="info" showIcon title={vnDates(overview.data.notice.message)} /> : null}
      {all.some((r) => r.sample) ? <Alert type="info" showIcon title={t('overview.sampleBanner')} data-testid="sample-banner" /> : null}
      {loading && !overview.data ? (
        <div className="cs-dash-loading" data-testid="dashboard-loading">
          <Loading />
          <p className="cs-muted">{t('dashboard.loading')}</p>
        </div>
      ) : null}
      {overview.data && !overview.isPlaceholderData && rows.length === 0 ? (
        <Alert type="info" showIcon title={t('dashboard.noUnits', { unit, date: formatDate(asOf) })} data-testid="dashboard-empty" />
      ) : null}
      {overview.data && rows.length > 0 ? (
        <>
          <p className="cs-dash-summary" data-testid="dashboard-summary" aria-busy={loading}>
            {t('dashboard.summary', { place: here, units: num(rows.length), evaluated: num(evaluated(rows).length) })}
          </p>
          {commune ? (
            <p>
              <Link {...unitLink(commune.code, { asOf, year })} data-testid="commune-scorecard">
                {t('dashboard.openScorecard', { name: commune.fullName })}
              </Link>
            </p>
          ) : null}
          <div className="cs-dash-grid">
            <CriteriaHistogram rows={rows} onShow={onShow} />
            <TierChart rows={rows} plan={plan.data} province={level === 'province'} onShow={onShow} />
          </div>
          {shown && search.show ? <ShownUnits rows={shown} show={search.show} asOf={asOf} year={year} /> : null}
          {level !== 'commune' ? <DrillDown rows={rows} level={level} asOf={asOf} year={year} before={before} place={here ?? ''} /> : null}
          <CommuneMap
            rows={rows}
            before={before}
            colour={search.colour ?? 'criteria'}
            onColour={(colour) => void navigate({ search: (prev) => ({ ...prev, colour }), replace: true, resetScroll: false })}
            asOf={asOf}
            year={year}
          />
        </>
      ) : null}
    </div>
  );
}

function useShownLabel(show: Shown): string {
  const { t } = useTranslation();
  return show.startsWith('met-')
    ? t('dashboard.shown.met', { n: show.slice(4) })
    : t('dashboard.shown.tier', { tier: t(`dashboard.tiers.${show.slice(5) as 'none'}`) });
}

/** The units behind the figure that was opened. */
function ShownUnits({ rows, show, asOf, year }: { rows: OverviewRow[]; show: Shown; asOf: string; year: number }) {
  const { t } = useTranslation();
  const { num } = useFormat();
  const label = useShownLabel(show);
  return (
    <section id="don-vi-theo-so-lieu" className="cs-shown" aria-labelledby="don-vi-theo-so-lieu-title" data-testid="units-shown" tabIndex={-1}>
      <div className="cs-chart-head">
        <h2 id="don-vi-theo-so-lieu-title" className="cs-section-title">
          {t('dashboard.shown.title', { label, count: num(rows.length) })}
        </h2>
        <Link to="/bang-dieu-khien" search={(prev) => ({ ...prev, show: undefined })} resetScroll={false}>
          {t('dashboard.shown.close')}
        </Link>
      </div>
      {rows.length === 0 ? (
        <p className="cs-muted">{t('dashboard.shown.none')}</p>
      ) : (
        <CommuneTable rows={rows} asOf={asOf} year={year} caption={t('dashboard.shown.caption', { label })} />
      )}
    </section>
  );
}

function CommuneTable({ rows, asOf, year, caption, testId }: { rows: OverviewRow[]; asOf: string; year: number; caption: string; testId?: string }) {
  const { t } = useTranslation();
  const { num } = useFormat();
  return (
    <FigureTable
      testId={testId}
      caption={caption}
      rows={rows}
      rowKey={(r) => r.code}
      columns={[
        { key: 'name', title: t('overview.columns.name'), render: (r) => <Link {...unitLink(r.code, { asOf, year })}>{r.fullName}</Link> },
        {
          key: 'met',
          title: t('overview.columns.criteria'),
          numeric: true,
          render: (r) => (r.criteriaMet === null || r.criteriaTotal === null ? t('common.none') : `${num(r.criteriaMet)}/${num(r.criteriaTotal)}`),
        },
        {
          key: 'tier',
          title: t('overview.columns.tier'),
          render: (r) => <TierTag tier={r.tier as Tier | null} applicable={r.set !== null} noData={!r.hasValues} />,
        },
      ]}
    />
  );
}

/** One level down: the former districts of the province (before 1/7/2025), else the communes, each a link. */
function DrillDown({
  rows,
  level,
  asOf,
  year,
  before,
  place,
}: {
  rows: OverviewRow[];
  level: 'province' | 'district';
  asOf: string;
  year: number;
  before: boolean;
  place: string;
}) {
  const { t } = useTranslation();
  const { num } = useFormat();
  const list = level === 'province' && before ? districts(rows) : null;
  return (
    <section className="cs-chart" aria-labelledby="drill-title" data-testid="drill-down">
      <h2 id="drill-title" className="cs-section-title">
        {list ? t('dashboard.drill.districts', { place }) : t('dashboard.drill.communes', { place })}
      </h2>
      {list ? (
        <FigureTable<DistrictSummary>
          testId="district-table"
          caption={t('dashboard.drill.districtsCaption', { place })}
          rows={list}
          rowKey={(d) => d.code}
          columns={[
            {
              key: 'name',
              title: t('dashboard.drill.district'),
              render: (d) => (
                <Link to="/bang-dieu-khien" search={(prev) => ({ ...prev, unit: d.code, show: undefined })}>
                  {d.name}
                </Link>
              ),
            },
            { key: 'communes', title: t('dashboard.drill.communesCount'), numeric: true, render: (d) => num(d.communes) },
            {
              key: 'ntm',
              title: t('dashboard.drill.ntm'),
              numeric: true,
              render: (d) => (
                <Link to="/bang-dieu-khien" search={(prev) => ({ ...prev, unit: d.code, show: 'tier-ntm' })} hash="don-vi-theo-so-lieu">
                  {num(d.ntm)}
                </Link>
              ),
            },
            {
              key: 'mean',
              title: t('dashboard.drill.meanMet'),
              numeric: true,
              render: (d) => (d.meanMet === null ? t('common.none') : num(Math.round(d.meanMet * 10) / 10)),
            },
          ]}
        />
      ) : (
        <CommuneTable testId="commune-table" rows={rows} asOf={asOf} year={year} caption={t('dashboard.drill.communesCaption', { place })} />
      )}
    </section>
  );
}
