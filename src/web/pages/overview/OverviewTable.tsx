import { Grid, Table, type TableColumnsType } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { OverviewRow, Tier } from '../../api/types.ts';
import { SampleTag, TierTag } from '../../components/tags.tsx';
import { useFormat, useUnitTypeLabel } from '../../format.ts';
import { Link } from '@tanstack/react-router';
import { compareVi } from '../../../domain/units/names.ts';
import { unitLink } from '../../routes/links.ts';
import { districtOf, tierRank } from './filter.ts';

interface Props {
  rows: OverviewRow[];
  asOf: string;
  year: number;
  loading: boolean;
  /** What an empty table says: loading, not loaded, no unit on the date, or no unit matching the filters. */
  emptyText: string;
}

const PAGE_SIZES = [20, 50, 100, 200];

/** Every commune with criteria met, tier, group and former district; sortable, paged, scrolls inside itself on phones. */
export function OverviewTable({ rows, asOf, year, loading, emptyText }: Props) {
  const { t } = useTranslation();
  const { num } = useFormat();
  const typeLabel = useUnitTypeLabel();
  const screens = Grid.useBreakpoint();
  const wide = Boolean(screens.md);
  const [page, setPage] = useState({ current: 1, size: 50 });
  const [prevRows, setPrevRows] = useState(rows);
  if (prevRows !== rows) {
    // New filter or date: back to the first page.
    setPrevRows(rows);
    setPage((p) => ({ ...p, current: 1 }));
  }

  const columns: TableColumnsType<OverviewRow> = [
    {
      key: 'name',
      title: t('overview.columns.name'),
      sorter: (a, b) => compareVi(a.name, b.name),
      render: (_, r) => (
        <span className="cs-name-cell">
          <Link {...unitLink(r.code, { asOf, year })}>{r.fullName}</Link> {r.sample ? <SampleTag /> : null}
          {!wide ? <span className="cs-unit-sub">{[typeLabel(r.type), districtOf(r)].filter(Boolean).join(' · ')}</span> : null}
        </span>
      ),
    },
    ...(wide
      ? ([
          { key: 'type', title: t('overview.columns.type'), sorter: (a, b) => compareVi(a.type, b.type), render: (_, r) => typeLabel(r.type) },
          ...(rows.some((r) => districtOf(r) !== null)
            ? ([
                {
                  key: 'district',
                  title: t('overview.columns.district'),
                  sorter: (a, b) => compareVi(districtOf(a) ?? '', districtOf(b) ?? ''),
                  render: (_, r) => districtOf(r) ?? <span title={t('overview.noDistrict')}>{t('common.none')}</span>,
                },
              ] satisfies TableColumnsType<OverviewRow>)
            : []),
          {
            key: 'group',
            title: t('overview.columns.group'),
            sorter: (a, b) => (a.group ?? '').localeCompare(b.group ?? ''),
            render: (_, r) =>
              r.group ? (
                <span title={r.groupSample ? t('overview.groupSampleHint') : undefined}>
                  {t('overview.groupN', { n: r.group })} {r.groupSample ? <SampleTag short /> : null}
                </span>
              ) : (
                t('common.none')
              ),
          },
        ] satisfies TableColumnsType<OverviewRow>)
      : []),
    {
      key: 'criteria',
      title: t('overview.columns.criteria'),
      sorter: (a, b) => (a.criteriaMet ?? -1) - (b.criteriaMet ?? -1),
      render: (_, r) => (
        <span className="cs-criteria-cell">
          {r.criteriaMet === null || r.criteriaTotal === null ? (
            t('common.none')
          ) : (
            <>
              <strong>{num(r.criteriaMet)}</strong>/{num(r.criteriaTotal)}
              {r.criteriaNoData ? <span className="cs-nodata">{t('overview.criteriaNoData', { count: r.criteriaNoData })}</span> : null}
            </>
          )}
          {!wide ? (
            <span className="cs-nodata">
              <TierTag tier={r.tier as Tier | null} applicable={r.set !== null} />
            </span>
          ) : null}
        </span>
      ),
    },
    ...(wide
      ? ([
          {
            key: 'tier',
            title: t('overview.columns.tier'),
            sorter: (a, b) => tierRank(a) - tierRank(b),
            render: (_, r) => <TierTag tier={r.tier as Tier | null} applicable={r.set !== null} />,
          },
        ] satisfies TableColumnsType<OverviewRow>)
      : []),
  ];

  return (
    <Table<OverviewRow>
      rowKey="code"
      size={wide ? 'middle' : 'small'}
      columns={columns}
      dataSource={rows}
      loading={loading}
      scroll={{ x: 'max-content' }}
      locale={{ emptyText }}
      showSorterTooltip={false}
      pagination={{
        current: page.current,
        pageSize: page.size,
        onChange: (current, size) => setPage({ current, size }),
        pageSizeOptions: PAGE_SIZES,
        showSizeChanger: true,
        size: 'small',
        showTotal: (total, [from, to]) => t('overview.range', { from: num(from), to: num(to), total: num(total) }),
      }}
    />
  );
}
