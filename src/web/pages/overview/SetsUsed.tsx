import { Alert, Card } from 'antd';
import { useTranslation } from 'react-i18next';
import type { OverviewRow, SetListItem } from '../../api/types.ts';
import { Pill, SampleTag } from '../../components/tags.tsx';
import { useFormat } from '../../format.ts';
import { Link } from '@tanstack/react-router';
import { setLink } from '../../routes/links.ts';

/** Which criteria sets the figures come from, and why some criteria cannot be evaluated yet. */
export function SetsUsed({ ids, sets, rows }: { ids: string[]; sets: SetListItem[] | undefined; rows: OverviewRow[] }) {
  const { t } = useTranslation();
  const { num } = useFormat();
  const withNoData = rows.filter((r) => (r.criteriaNoThreshold ?? 0) > 0).length;
  return (
    <>
      <Card size="small" title={<h2 className="cs-section-title">{t('overview.setsUsed')}</h2>}>
        {ids.length === 0 ? (
          <p>{t('overview.noSets')}</p>
        ) : (
          <ul className="cs-sets-used" data-testid="sets-used">
            {ids.map((id) => {
              const s = sets?.find((x) => x.id === id);
              return (
                <li key={id} className="cs-break">
                  <Link {...setLink(id)}>{s ? s.name : id}</Link> {s ? <span className="cs-muted">({s.decision})</span> : null}{' '}
                  {s && !s.indicatorsPending ? (
                    <span className="cs-muted">— {t('overview.setConfirmed', { confirmed: num(s.confirmedCount), total: num(s.indicatorCount) })}</span>
                  ) : null}{' '}
                  {s?.indicatorsPending ? <Pill tone="warn">{t('sets.pendingTag')}</Pill> : null} {s?.sample ? <SampleTag /> : null}
                </li>
              );
            })}
          </ul>
        )}
      </Card>
      {withNoData > 0 ? (
        <Alert
          type="warning"
          showIcon
          title={t('overview.noThresholdTitle')}
          description={t('overview.noThresholdText', { count: num(withNoData) })}
          data-testid="no-threshold-note"
        />
      ) : null}
    </>
  );
}
