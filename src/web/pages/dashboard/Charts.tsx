import { Link } from '@tanstack/react-router';
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import type { OverviewRow } from '../../api/types.ts';
import { useFormat } from '../../format.ts';
import { CHART_TIERS, histogram, tierCounts, tierTargets, type ChartTier } from './aggregate.ts';
import { Chart } from './Chart.tsx';
import { FigureTable } from './FigureTable.tsx';
import type { PlanResponse } from './queries.ts';
import type { Shown } from './search.ts';

export const TIER_COLOURS: Record<ChartTier, string> = { none: '#a8071a', ntm: '#237804', 'nang-cao': '#0050b3', 'kieu-mau': '#531dab' };

/** A figure that opens the list of the units behind it, on the dashboard. */
export function ShowLink({ show, children, label }: { show: Shown; children: React.ReactNode; label?: string }) {
  return (
    <Link to="/bang-dieu-khien" search={(prev) => ({ ...prev, show })} hash="don-vi-theo-so-lieu" aria-label={label}>
      {children}
    </Link>
  );
}

/** How many communes meet 0, 1, … 19 criteria. */
export function CriteriaHistogram({ rows, onShow }: { rows: OverviewRow[]; onShow: (s: Shown) => void }) {
  const { t } = useTranslation();
  const { num } = useFormat();
  const bins = histogram(rows);
  const total = bins.reduce((s, b) => s + b.count, 0);
  const key = bins.map((b) => b.count).join(',');
  const option = useCallback(
    () => ({
      grid: { left: 36, right: 12, top: 16, bottom: 40 },
      tooltip: { trigger: 'axis' },
      xAxis: { type: 'category', data: bins.map((b) => String(b.met)), name: t('dashboard.histogram.axis'), nameLocation: 'middle', nameGap: 26 },
      yAxis: { type: 'value', minInterval: 1 },
      series: [{ type: 'bar', name: t('dashboard.histogram.count'), data: bins.map((b) => b.count), itemStyle: { color: '#1f6f43' }, cursor: 'pointer' }],
    }),
    [key, t],
  );
  return (
    <Chart
      testId="chart-histogram"
      title={t('dashboard.histogram.title')}
      summary={t('dashboard.histogram.summary', { total: num(total) })}
      option={option}
      onPick={(p) => onShow(`met-${p.dataIndex}`)}
      table={
        <FigureTable
          caption={t('dashboard.histogram.caption')}
          rows={bins}
          rowKey={(b) => String(b.met)}
          columns={[
            { key: 'met', title: t('dashboard.histogram.axis'), render: (b) => num(b.met) },
            {
              key: 'count',
              title: t('dashboard.histogram.count'),
              numeric: true,
              render: (b) => (b.count > 0 ? <ShowLink show={`met-${b.met}`}>{num(b.count)}</ShowLink> : num(0)),
            },
          ]}
        />
      }
    />
  );
}

/** Communes reaching each tier, beside the plan's commune targets for the tier. */
export function TierChart({
  rows,
  plan,
  province,
  onShow,
}: {
  rows: OverviewRow[];
  plan: PlanResponse | undefined;
  province: boolean;
  onShow: (s: Shown) => void;
}) {
  const { t } = useTranslation();
  const { num, date } = useFormat();
  const counts = tierCounts(rows);
  // The plan's targets are the province's: set against the province's figures only.
  const targets = province ? tierTargets(plan) : {};
  const label = (k: ChartTier) => t(`dashboard.tiers.${k}`);
  const key = counts.map((c) => c.count).join(',') + JSON.stringify(targets);
  const option = useCallback(
    () => ({
      grid: { left: 112, right: 16, top: 36, bottom: 24 },
      tooltip: { trigger: 'axis' },
      legend: { top: 0 },
      // Horizontal bars: the tier names stay readable on a phone.
      yAxis: { type: 'category', inverse: true, data: CHART_TIERS.map(label), axisLabel: { interval: 0, width: 104, overflow: 'break' } },
      xAxis: { type: 'value', minInterval: 1 },
      series: [
        {
          type: 'bar',
          name: t('dashboard.tiers.reached'),
          // Each bar in its tier's colour; the legend's mark in neutral grey.
          itemStyle: { color: '#595959' },
          data: counts.map((c) => ({ value: c.count, itemStyle: { color: TIER_COLOURS[c.tier] } })),
          cursor: 'pointer',
        },
        ...(plan && province
          ? [
              {
                type: 'bar',
                name: t('dashboard.tiers.target', { plan: plan.number }),
                data: CHART_TIERS.map((k) => targets[k]?.count ?? null),
                itemStyle: { color: '#fff', borderColor: '#1f1f1f', borderWidth: 2, borderType: 'dashed' },
              },
            ]
          : []),
      ],
    }),
    [key, t, province, plan?.number],
  );
  return (
    <Chart
      testId="chart-tiers"
      title={t('dashboard.tiers.title')}
      summary={t('dashboard.tiers.summary')}
      option={option}
      onPick={(p) => p.seriesIndex === 0 && onShow(`tier-${CHART_TIERS[p.dataIndex]}`)}
      footer={
        <p className="cs-muted cs-small cs-chart-note" data-testid="tier-targets-source">
          {!province
            ? t('dashboard.tiers.targetsProvinceOnly')
            : plan
              ? t('dashboard.tiers.targetsSource', { plan: plan.number, issuer: plan.issuer, date: date(plan.date) })
              : t('app.loading')}{' '}
          {t('dashboard.tiers.countNote')}
        </p>
      }
      table={
        <FigureTable
          caption={t('dashboard.tiers.caption')}
          rows={counts}
          rowKey={(c) => c.tier}
          columns={[
            { key: 'tier', title: t('dashboard.tiers.tier'), render: (c) => label(c.tier) },
            {
              key: 'count',
              title: t('dashboard.tiers.reached'),
              numeric: true,
              render: (c) => <ShowLink show={`tier-${c.tier}`}>{num(c.count)}</ShowLink>,
            },
            ...(province
              ? [
                  {
                    key: 'target',
                    title: t('dashboard.tiers.targetShort'),
                    render: (c: { tier: ChartTier }) => {
                      const g = targets[c.tier];
                      return g ? (
                        <span title={g.sentence}>
                          {num(g.count)} <span className="cs-muted cs-small cs-block">({t('dashboard.tiers.by', { date: date(g.deadline) })})</span>
                        </span>
                      ) : (
                        t('common.none')
                      );
                    },
                  },
                ]
              : []),
          ]}
        />
      }
    />
  );
}
