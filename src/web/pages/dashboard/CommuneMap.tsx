import { useQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { Alert, Radio } from 'antd';
import { useCallback, useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { OverviewRow } from '../../api/types.ts';
import { ApiErrorView } from '../../components/ApiErrorView.tsx';
import { Loading } from '../../components/Loading.tsx';
import { TierTag } from '../../components/tags.tsx';
import { useWide } from '../../components/useWide.ts';
import { useFormat } from '../../format.ts';
import { unitLink } from '../../routes/links.ts';
import { CHART_TIERS, mapValues, type MapValue } from './aggregate.ts';
import { Chart } from './Chart.tsx';
import { TIER_COLOURS } from './Charts.tsx';
import { FigureTable } from './FigureTable.tsx';
import { communeMapQuery } from './queries.ts';
import type { MapColour } from './search.ts';

/** Criteria-met classes of the map (19 = every criterion of the 2021–2025 set). */
const MET_PIECES = [
  { min: 0, max: 4.99, color: '#fde0c5', key: 'under5' },
  { min: 5, max: 9.99, color: '#f59e4c', key: 'under10' },
  { min: 10, max: 14.99, color: '#c7e9a0', key: 'under15' },
  { min: 15, max: 18.99, color: '#74c476', key: 'under19' },
  { min: 19, max: 99, color: '#1f6f43', key: 'all' },
] as const;
const NO_DATA = '#d9d9d9';

interface Props {
  rows: OverviewRow[];
  /** Before 1/7/2025: the rows are former communes, shown in the 2025 commune they became part of. */
  before: boolean;
  colour: MapColour;
  onColour: (c: MapColour) => void;
  asOf: string;
  year: number;
}

/** Choropleth of the 2025 communes, drawn from the served boundaries (no map tiles), with its figures as a table. */
export function CommuneMap({ rows, before, colour, onColour, asOf, year }: Props) {
  const { t } = useTranslation();
  const { num } = useFormat();
  const id = useId();
  const wide = useWide();
  const map = useQuery(communeMapQuery);
  const values = map.data ? mapValues(rows, map.data.features, before) : [];
  const tierName = (rank: number | null) => (rank === null ? t('dashboard.map.noData') : t(`dashboard.tiers.${CHART_TIERS[rank]!}`));
  const key = values.map((v) => `${v.met}:${v.tier}`).join(',');

  const option = useCallback(
    (lib: typeof import('./echarts.ts')) => {
      if (!lib.echarts.getMap('cao-bang')) lib.echarts.registerMap('cao-bang', map.data as never);
      const pieces =
        colour === 'criteria'
          ? MET_PIECES.map((p) => ({ min: p.min, max: p.max, color: p.color, label: t(`dashboard.map.met.${p.key}`) }))
          : CHART_TIERS.map((k, i) => ({ value: i, color: TIER_COLOURS[k], label: t(`dashboard.tiers.${k}`) }));
      return {
        tooltip: {
          trigger: 'item',
          formatter: (p: { data?: { full: string; met: number | null; tier: number | null } }) =>
            p.data
              ? `${p.data.full}<br/>${t('dashboard.map.metShort')}: ${p.data.met === null ? t('common.none') : num(p.data.met)}<br/>${tierName(p.data.tier)}`
              : '',
        },
        visualMap: {
          type: 'piecewise',
          dimension: 0,
          pieces,
          orient: wide ? 'vertical' : 'horizontal',
          left: wide ? 8 : 'center',
          bottom: 4,
          itemWidth: 14,
          itemHeight: 12,
          textStyle: { fontSize: 11 },
          selectedMode: false,
        },
        series: [
          {
            type: 'map',
            map: 'cao-bang',
            nameProperty: 'code',
            roam: false,
            layoutCenter: ['50%', wide ? '50%' : '42%'],
            layoutSize: wide ? '95%' : '88%',
            itemStyle: { areaColor: NO_DATA, borderColor: '#fff', borderWidth: 0.8 },
            emphasis: { label: { show: false }, itemStyle: { areaColor: '#ffd666' } },
            select: { disabled: true },
            label: { show: false },
            data: values
              .filter((v) => (colour === 'criteria' ? v.met !== null : v.tier !== null))
              .map((v) => ({ name: v.code, value: colour === 'criteria' ? v.met : v.tier, full: v.name, met: v.met, tier: v.tier })),
          },
        ],
      };
    },
    [map.data, key, colour, wide, t],
  );

  const control = (
    <div className="cs-basis">
      <span id={`${id}-colour`} className="cs-basis-label">
        {t('dashboard.map.colourBy')}
      </span>
      <Radio.Group
        aria-labelledby={`${id}-colour`}
        optionType="button"
        size="small"
        value={colour}
        onChange={(e) => onColour(e.target.value as MapColour)}
        options={[
          { value: 'criteria', label: t('dashboard.map.byCriteria') },
          { value: 'tier', label: t('dashboard.map.byTier') },
        ]}
      />
    </div>
  );
  if (map.isError) return <ApiErrorView error={map.error} onRetry={() => void map.refetch()} />;
  if (!map.data) return <Loading />;
  const linked = (r: OverviewRow) => <Link {...unitLink(r.code, { asOf, year })}>{r.fullName}</Link>;
  return (
    <div className="cs-stack" data-testid="commune-map">
      {control}
      {before ? <Alert type="info" showIcon title={t('dashboard.map.before')} data-testid="map-before-note" /> : null}
      <Chart
        testId="chart-map"
        title={t('dashboard.map.title')}
        summary={t('dashboard.map.summary')}
        option={option}
        height={wide ? 520 : 360}
        footer={
          <p className="cs-muted cs-small cs-chart-note" data-testid="map-source">
            {t('dashboard.map.noDataNote')} {t('common.source')}: {map.data.source}
          </p>
        }
        table={
          <FigureTable<MapValue>
            caption={t('dashboard.map.caption')}
            rows={values}
            rowKey={(v) => v.code}
            columns={[
              {
                key: 'name',
                title: t('dashboard.map.commune'),
                render: (v) => (before ? v.name : v.from[0] ? linked(v.from[0]) : v.name),
              },
              {
                key: 'met',
                title: before ? t('dashboard.map.metMean') : t('dashboard.map.metShort'),
                numeric: true,
                render: (v) => (v.met === null ? t('common.none') : num(v.met)),
              },
              { key: 'tier', title: before ? t('dashboard.map.tierLowest') : t('dashboard.map.tier'), render: (v) => tierName(v.tier) },
              ...(before
                ? [
                    {
                      key: 'from',
                      title: t('dashboard.map.formedFrom'),
                      render: (v: MapValue) =>
                        v.from.length === 0 ? (
                          t('common.none')
                        ) : (
                          <span className="cs-from-list">
                            {v.from.map((r) => (
                              <span key={r.code}>
                                {linked(r)} <TierTag tier={(r.tier as never) ?? null} applicable={r.set !== null} noData={!r.hasValues} />
                              </span>
                            ))}
                          </span>
                        ),
                    },
                  ]
                : []),
            ]}
          />
        }
      />
    </div>
  );
}
