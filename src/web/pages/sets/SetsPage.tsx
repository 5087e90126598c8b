import { Card, Table, type TableColumnsType } from 'antd';
import { useTranslation } from 'react-i18next';
import type { SetListItem, SetsResponse } from '../../api/types.ts';
import { useApi } from '../../api/useApi.ts';
import { ApiErrorView } from '../../components/ApiErrorView.tsx';
import { SourceLinks } from '../../components/SourceLinks.tsx';
import { Pill, SampleTag } from '../../components/tags.tsx';
import { usePageTitle } from '../../components/usePageTitle.ts';
import { formatDate, useFormat } from '../../format.ts';
import { Link } from '../../router.tsx';
import { setHref } from '../viewParams.ts';
import { useLevelLabel } from './labels.ts';
import './sets.css';

/** Every criteria set version with its decision, dates and how many indicators have confirmed thresholds. */
export default function SetsPage() {
  const { t } = useTranslation();
  const { num } = useFormat();
  const levelLabel = useLevelLabel();
  const { data, error, loading, reload } = useApi<SetsResponse>('/api/sets');
  usePageTitle(t('sets.title'));

  const columns: TableColumnsType<SetListItem> = [
    {
      key: 'name',
      title: t('sets.columns.name'),
      render: (_, s) => (
        <span className="cs-set-cell">
          <Link to={setHref(s.id)}>{s.name}</Link> <span className="cs-muted cs-small">({s.id})</span>
          <span className="cs-tags">
            {s.sample ? <SampleTag /> : null}
            {s.indicatorsPending ? <Pill tone="warn">{t('sets.pendingTag')}</Pill> : null}
          </span>
        </span>
      ),
    },
    { key: 'decision', title: t('sets.columns.decision'), render: (_, s) => <span className="cs-decision">{s.decision}</span> },
    {
      key: 'effective',
      title: t('sets.columns.effective'),
      render: (_, s) => (s.effectiveTo ? t('sets.fromTo', { from: formatDate(s.effectiveFrom), to: formatDate(s.effectiveTo) }) : t('sets.from', { date: formatDate(s.effectiveFrom) })),
    },
    { key: 'level', title: t('sets.columns.level'), render: (_, s) => levelLabel(s.unitLevel) },
    { key: 'criteria', title: t('sets.columns.criteria'), align: 'right', render: (_, s) => num(s.criteriaCount) },
    {
      key: 'indicators',
      title: t('sets.columns.indicators'),
      align: 'right',
      render: (_, s) => (
        <span className={s.confirmedCount < s.indicatorCount ? 'cs-unconfirmed-count' : undefined}>
          {num(s.confirmedCount)}/{num(s.indicatorCount)}
        </span>
      ),
    },
  ];

  return (
    <div className="cs-stack">
      <header>
        <h1 className="cs-page-title">{t('sets.title')}</h1>
        <p className="cs-muted" style={{ margin: 0 }}>
          {t('sets.intro')}
        </p>
      </header>
      {error ? <ApiErrorView error={error} onRetry={reload} /> : null}
      <Table<SetListItem> rowKey="id" size="small" columns={columns} dataSource={data?.sets ?? []} loading={loading} pagination={false} scroll={{ x: 'max-content' }} />
      {data && data.pending.length > 0 ? (
        <Card size="small" title={<h2 className="cs-section-title">{t('sets.pending')}</h2>}>
          <p className="cs-muted">{t('sets.pendingIntro')}</p>
          <ul className="cs-pending" data-testid="pending">
            {data.pending.map((p) => (
              <li key={`${p.decision}/${p.annex}`} className="cs-break">
                <strong>
                  {p.decision}, {p.annex}:
                </strong>{' '}
                {p.title}
                <span className="cs-unit-sub">
                  {t('sets.pendingEffective', { date: formatDate(p.effectiveFrom) })} · {p.status}
                </span>
                <SourceLinks source={p.source ?? null} />
              </li>
            ))}
          </ul>
        </Card>
      ) : null}
    </div>
  );
}
