import { Table, type TableColumnsType } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Evaluation, GapItem } from '../../api/types.ts';
import { ConfirmedTag, StatusTag } from '../../components/tags.tsx';
import { useValueText } from './values.ts';

/** What is still missing: each unmet or unevaluable indicator with its value, threshold and the difference. */
export function GapTable({ evaluation }: { evaluation: Evaluation }) {
  const { t } = useTranslation();
  const fmt = useValueText();
  const kindOf = (g: GapItem) => (g.indicator ? (evaluation.indicators[g.indicator]?.kind ?? '') : '');
  const unitOf = (g: GapItem) => (g.indicator ? (evaluation.indicators[g.indicator]?.unit ?? null) : null);
  const columns: TableColumnsType<GapItem> = [
    {
      key: 'name',
      title: t('scorecard.gapIndicator'),
      render: (_, g) => (
        <span className="cs-gap-name">
          <span className="cs-ind-code">{g.indicator ?? g.criterion}</span> {g.name}
        </span>
      ),
    },
    { key: 'value', title: t('scorecard.value'), render: (_, g) => fmt.value(g.value) },
    { key: 'threshold', title: t('scorecard.threshold'), render: (_, g) => fmt.threshold(g.threshold, kindOf(g)) },
    { key: 'unit', title: t('scorecard.unit'), render: (_, g) => unitOf(g) ?? t('common.none') },
    { key: 'difference', title: t('scorecard.gapDifference'), align: 'right', render: (_, g) => fmt.difference(g.difference) },
    {
      key: 'status',
      title: t('scorecard.status'),
      render: (_, g) => (
        <span className="cs-tags">
          <StatusTag status={g.status} reason={g.reason} />
          <ConfirmedTag confirmed={g.confirmed} />
        </span>
      ),
    },
  ];
  return (
    <section aria-labelledby="cs-gap-title" className="cs-stack-sm">
      <h2 id="cs-gap-title" className="cs-section-title">
        {t('scorecard.gap')} ({evaluation.gap.length})
      </h2>
      <Table<GapItem>
        rowKey={(g) => `${g.criterion}/${g.indicator ?? ''}`}
        size="small"
        columns={columns}
        dataSource={evaluation.gap}
        pagination={evaluation.gap.length > 20 ? { pageSize: 20, size: 'small', showSizeChanger: false } : false}
        scroll={{ x: 'max-content' }}
        locale={{ emptyText: t('scorecard.gapEmpty') }}
        data-testid="gap-table"
      />
    </section>
  );
}
