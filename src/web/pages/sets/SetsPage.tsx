import { UploadOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Card, Grid, Table } from 'antd';
import { useTranslation } from 'react-i18next';
import { setsQuery } from '../../api/queries.ts';
import type { SetListItem } from '../../api/types.ts';
import { useAuth } from '../../auth/session.ts';
import { can } from '../../auth/can.ts';
import { ApiErrorView } from '../../components/ApiErrorView.tsx';
import { ButtonLink } from '../../components/ButtonLink.tsx';
import { SourceLinks } from '../../components/SourceLinks.tsx';
import { usePageTitle } from '../../components/usePageTitle.ts';
import { formatDate } from '../../format.ts';
import { IMPORT_SET_LINK } from '../../routes/links.ts';
import { useSetColumns } from './setColumns.tsx';
import './sets.css';

/** Every criteria set version with its decision, dates and how many indicators have confirmed thresholds. */
export default function SetsPage() {
  const { t } = useTranslation();
  const { user } = useAuth();
  const wide = Boolean(Grid.useBreakpoint().md);
  const columns = useSetColumns(wide);
  const { data, error, isPending, refetch } = useQuery(setsQuery);
  usePageTitle(t('sets.title'));

  return (
    <div className="cs-stack">
      <header className="cs-sets-head">
        <div>
          <h1 className="cs-page-title">{t('sets.title')}</h1>
          <p className="cs-muted" style={{ margin: 0 }}>
            {t('sets.intro')}
          </p>
        </div>
        {can(user, 'set:import') ? (
          <ButtonLink {...IMPORT_SET_LINK} type="primary" icon={<UploadOutlined aria-hidden />} className="cs-wrap-btn">
            {t('sets.importEntry')}
          </ButtonLink>
        ) : null}
      </header>
      {error ? <ApiErrorView error={error} onRetry={() => void refetch()} /> : null}
      <Table<SetListItem>
        rowKey="id"
        size="small"
        columns={columns}
        dataSource={data?.sets ?? []}
        loading={isPending}
        pagination={false}
        scroll={wide ? { x: 'max-content' } : undefined}
      />
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
                <SourceLinks source={p.source ?? null} title={p.legalSource} />
              </li>
            ))}
          </ul>
        </Card>
      ) : null}
    </div>
  );
}
