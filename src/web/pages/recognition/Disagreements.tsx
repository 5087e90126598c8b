import { useQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { Alert } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Tier } from '../../api/types.ts';
import { ApiErrorView } from '../../components/ApiErrorView.tsx';
import { Loading } from '../../components/Loading.tsx';
import { SampleTag, TierTag } from '../../components/tags.tsx';
import { formatDate } from '../../format.ts';
import { unitLink } from '../../routes/links.ts';
import { disagreementsQuery } from './queries.ts';

/** Units whose recognised tier and the tier their approved values compute to disagree, each linking to the unit. */
export function Disagreements({ asOf, year, q }: { asOf: string; year: number; q: string | undefined }) {
  const { t } = useTranslation();
  const res = useQuery(disagreementsQuery({ asOf, year }));
  if (res.isError) return <ApiErrorView error={res.error} onRetry={() => void res.refetch()} />;
  if (!res.data) return <Loading />;
  const needle = q?.trim().toLocaleLowerCase('vi');
  const rows = res.data.rows.filter((r) => !needle || r.unit.name.toLocaleLowerCase('vi').includes(needle) || r.unit.code.includes(needle));
  return (
    <section aria-labelledby="cs-rec-dis" className="cs-stack">
      <h2 id="cs-rec-dis" className="cs-section-title">
        {t('recognition.disagreementsTitle', { year, date: formatDate(asOf) })}
      </h2>
      <p className="cs-muted" style={{ margin: 0 }}>
        {t('recognition.disagreementsIntro')}
      </p>
      {rows.length === 0 ? <p role="status">{t('recognition.noDisagreements')}</p> : null}
      <ul className="cs-rec-cards" data-testid="disagreements">
        {rows.map((r) => (
          <li key={r.unit.code} className="cs-rec-card">
            <div>
              <Link {...unitLink(r.unit.code, { asOf, year })}>{r.unit.name}</Link> <span className="cs-muted">{r.unit.code}</span>
              {r.unit.parentName ? <span className="cs-muted"> · {r.unit.parentName}</span> : null} {r.sample ? <SampleTag short /> : null}
            </div>
            <Alert type="warning" showIcon title={t(`recognition.kind.${r.kind}`)} />
            <div>
              {t('recognition.recognisedAs')}:{' '}
              {r.recognised ? (
                <>
                  <Link to="/cong-nhan/$id" params={{ id: String(r.recognised.dossierId) }}>
                    {r.recognised.tierLabel}
                  </Link>{' '}
                  ({r.recognised.decision.number}, {formatDate(r.recognised.decision.date)})
                </>
              ) : (
                t('recognition.notRecognised')
              )}
            </div>
            <div>
              {t('recognition.computed')}: <TierTag tier={r.computedTier as Tier | null} />{' '}
              {r.criteriaTotal !== null ? t('recognition.criteriaMet', { met: r.criteriaMet ?? 0, total: r.criteriaTotal }) : null}
            </div>
            {r.predecessors.length > 0 ? (
              <div className="cs-muted">
                {t('recognition.predecessors')}:{' '}
                {r.predecessors.map((p) => `${p.unit.name} (${p.recognition.tierLabel}, ${p.recognition.decision.number})`).join('; ')}
              </div>
            ) : null}
          </li>
        ))}
      </ul>
    </section>
  );
}
