import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import type { OverviewRow, Tier } from '../../api/types.ts';
import { SortableTable, type Column } from '../../components/SortableTable.tsx';
import { SampleTag, TierTag } from '../../components/tags.tsx';
import { useWide } from '../../components/useWide.ts';
import { useFormat, useUnitTypeLabel } from '../../format.ts';
import { unitLink } from '../../routes/links.ts';
import { compareVi } from '../../../domain/units/names.ts';
import { districtOf, tierRank } from './filter.ts';

interface Props {
  rows: OverviewRow[];
  asOf: string;
  year: number;
  loading: boolean;
  /** What an empty table says: loading, not loaded, no unit on the date, or no unit matching the filters. */
  emptyText: string;
}

/** Every commune with criteria met, tier, group and former district; sortable and paged; on phones name and result only. */
export function OverviewTable({ rows, asOf, year, loading, emptyText }: Props) {
  const { t } = useTranslation();
  const { num } = useFormat();
  const typeLabel = useUnitTypeLabel();
  const wide = useWide();
  const tier = (r: OverviewRow) => <TierTag tier={r.tier as Tier | null} applicable={r.set !== null} noData={!r.hasValues} />;

  const name: Column<OverviewRow> = {
    key: 'name',
    title: t('overview.columns.name'),
    compare: (a, b) => compareVi(a.name, b.name),
    render: (r) => (
      <span className="cs-name-cell">
        <Link {...unitLink(r.code, { asOf, year })}>{r.fullName}</Link> {r.sample ? <SampleTag /> : null}
        {!wide ? <span className="cs-unit-sub">{[typeLabel(r.type), districtOf(r)].filter(Boolean).join(' · ')}</span> : null}
      </span>
    ),
  };
  const criteria: Column<OverviewRow> = {
    key: 'criteria',
    title: t('overview.columns.criteria'),
    compare: (a, b) => (a.criteriaMet ?? -1) - (b.criteriaMet ?? -1),
    render: (r) => (
      <span className="cs-criteria-cell">
        {r.criteriaMet === null || r.criteriaTotal === null ? (
          t('common.none')
        ) : (
          <>
            <strong>{num(r.criteriaMet)}</strong>/{num(r.criteriaTotal)}
            {r.criteriaNoData ? <span className="cs-nodata">{t('overview.criteriaNoData', { count: r.criteriaNoData })}</span> : null}
          </>
        )}
        {!wide ? <span className="cs-nodata">{tier(r)}</span> : null}
      </span>
    ),
  };
  const district: Column<OverviewRow> = {
    key: 'district',
    title: t('overview.columns.district'),
    compare: (a, b) => compareVi(districtOf(a) ?? '', districtOf(b) ?? ''),
    // The district's own scorecard (its communes and the district criteria) is one click away.
    render: (r) =>
      districtOf(r) && r.parentCode ? (
        <Link {...unitLink(r.parentCode, { asOf, year })}>{districtOf(r)}</Link>
      ) : (
        <span title={t('overview.noDistrict')}>{t('common.none')}</span>
      ),
  };
  const columns: Column<OverviewRow>[] = wide
    ? [
        name,
        { key: 'type', title: t('overview.columns.type'), compare: (a, b) => compareVi(a.type, b.type), render: (r) => typeLabel(r.type) },
        ...(rows.some((r) => districtOf(r) !== null) ? [district] : []),
        {
          key: 'group',
          title: t('overview.columns.group'),
          compare: (a, b) => (a.group ?? '').localeCompare(b.group ?? ''),
          render: (r) =>
            r.group ? (
              <span title={r.groupSample ? t('overview.groupSampleHint') : undefined}>
                {t('overview.groupN', { n: r.group })} {r.groupSample ? <SampleTag short /> : null}
              </span>
            ) : (
              t('common.none')
            ),
        },
        criteria,
        { key: 'tier', title: t('overview.columns.tier'), compare: (a, b) => tierRank(a) - tierRank(b), render: tier },
      ]
    : [name, criteria];

  return (
    <SortableTable<OverviewRow>
      testId="overview-table"
      caption={t('overview.tableCaption')}
      columns={columns}
      rows={rows}
      rowKey={(r) => r.code}
      busy={loading}
      emptyText={emptyText}
      range={(from, to, total) => t('overview.range', { from: num(from), to: num(to), total: num(total) })}
    />
  );
}
