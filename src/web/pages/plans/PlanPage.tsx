import './messages.ts';
import { EditOutlined } from '@ant-design/icons';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { getRouteApi, Link } from '@tanstack/react-router';
import { Alert, Button } from 'antd';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { can } from '../../auth/can.ts';
import { useAuth } from '../../auth/session.ts';
import { ApiErrorView } from '../../components/ApiErrorView.tsx';
import { DateField } from '../../components/DateField.tsx';
import { PlanFacts } from './PlanFacts.tsx';
import { ReportLinks } from '../../components/ReportLinks.tsx';
import { Loading } from '../../components/Loading.tsx';
import { Pill } from '../../components/tags.tsx';
import { usePageTitle } from '../../components/usePageTitle.ts';
import { todayVn, useFormat } from '../../format.ts';
import { PlanEditor } from './PlanEditor.tsx';
import { planQuery, progressQuery, type PlanDocument, type Target, type TargetProgress } from './queries.ts';
import type { PlanSearch } from './search.ts';
import '../../components/asof.css';
import './plans.css';

const route = getRouteApi('/staff/ke-hoach/$id');

type Status = NonNullable<TargetProgress['forecast']>['status'];
const STATUS_TONE = { achieved: 'green', 'on-track': 'blue', 'at-risk': 'warn', 'off-track': 'orange', missed: 'red' } as const satisfies Record<
  Status,
  string
>;

/** How far a target is, 0–100: the share of the goal reached, or for "no unit below" targets the share of units no longer below. */
function completion(t: TargetProgress): number {
  if (t.current === null) return 0;
  if (t.direction === 'at-most') {
    if (t.current <= t.goal) return 100;
    return t.total ? Math.max(0, Math.min(100, ((t.total - t.current) / t.total) * 100)) : 0;
  }
  return t.goal > 0 ? Math.max(0, Math.min(100, (t.current / t.goal) * 100)) : 100;
}

/** One plan: its header, the date progress is computed for, and each target with its progress, forecast and the units behind it. */
export default function PlanPage() {
  const { t } = useTranslation();
  const { user } = useAuth();
  const { id: raw } = route.useParams();
  const id = Number(raw);
  const search = route.useSearch();
  const navigate = route.useNavigate();
  const asOf = search.asOf ?? todayVn();
  const dateId = useId();
  const [editing, setEditing] = useState(false);
  const plan = useQuery({ ...planQuery(id), enabled: Number.isInteger(id) && id > 0 });
  const progress = useQuery({ ...progressQuery(id, asOf), enabled: plan.isSuccess, placeholderData: keepPreviousData });
  usePageTitle(plan.data ? `${t('plans.number')} ${plan.data.number}` : t('plans.title'));
  if (plan.error) return <ApiErrorView error={plan.error} onRetry={() => void plan.refetch()} />;
  if (!plan.data) return <Loading />;
  const p = plan.data;
  const doc = p.document;
  const targets = progress.data?.targets ?? [];
  const keys = new Set(targets.map((x) => x.key));
  const top = targets.filter((x) => !x.parentKey || !keys.has(x.parentKey));
  const childrenOf = (key: string) => targets.filter((x) => x.parentKey === key);
  const setAsOf = (v: string) => void navigate({ search: (s: PlanSearch) => ({ ...s, asOf: v }), replace: true });

  return (
    <div className="cs-stack">
      <header className="cs-stack">
        <p className="cs-muted" style={{ margin: 0 }}>
          <Link to="/ke-hoach">{t('plans.title')}</Link>
        </p>
        <h1 className="cs-page-title">
          {t('plans.number')} {p.number}
        </h1>
        <p style={{ margin: 0 }}>{p.title}</p>
        <PlanFacts plan={p} />
        {p.implements ? (
          <p className="cs-muted" style={{ margin: 0 }}>
            {t('plans.implements', { number: p.implements })}
          </p>
        ) : null}
        {doc.source ? (
          <p className="cs-muted" style={{ margin: 0 }}>
            {t('plans.source', { source: doc.source })}
          </p>
        ) : null}
        {p.sample ? <Pill tone="sample">{t('plans.sample')}</Pill> : null}
        {can(user, 'plan:write') ? (
          <div>
            <Button icon={<EditOutlined aria-hidden />} onClick={() => setEditing(true)} data-testid="edit-plan">
              {t('plans.edit')}
            </Button>
          </div>
        ) : null}
      </header>
      <div className="cs-plan-asof">
        <label htmlFor={dateId}>{t('plans.asOf')}</label>
        <DateField id={dateId} value={asOf} onChange={setAsOf} />
      </div>
      <ReportLinks href={`/api/plans/${id}/report?asOf=${asOf}`} label={t('reports.planLabel')} />
      {progress.data ? (
        <p className="cs-muted" style={{ margin: 0 }}>
          {progress.data.basisNote}
        </p>
      ) : null}
      {progress.error ? <ApiErrorView error={progress.error} onRetry={() => void progress.refetch()} /> : null}
      {progress.isPending || (progress.isFetching && progress.isPlaceholderData) ? (
        <div className="cs-plan-asof" role="status" data-testid="progress-loading">
          <span className="cs-spinner" aria-hidden="true" />
          <span>{t('plans.computing')}</span>
        </div>
      ) : null}
      {progress.data ? (
        <section aria-labelledby={`${dateId}-targets`} className="cs-stack">
          <h2 id={`${dateId}-targets`} className="cs-section-title">
            {t('plans.targetsHeading', { count: targets.length })}
          </h2>
          <ul className="cs-plan-targets" data-testid="targets">
            {top.map((x) => (
              <TargetCard key={x.key} target={x} doc={doc} kids={childrenOf(x.key)} />
            ))}
          </ul>
        </section>
      ) : null}
      {editing ? <PlanEditor open onClose={() => setEditing(false)} plan={p} /> : null}
    </div>
  );
}

function TargetCard({ target: x, doc, kids }: { target: TargetProgress; doc: PlanDocument; kids: TargetProgress[] }) {
  const { t } = useTranslation();
  const f = useFormat();
  const source: Target | undefined = doc.targets.find((d) => d.key === x.key);
  const unitsAsOf = source?.unitsAsOf ?? doc.date;
  const pct = completion(x);
  const headId = `cs-target-${x.key}`;
  const sum = kids.reduce((s, k) => s + k.goal, 0);
  return (
    <li className="cs-plan-target" data-key={x.key} data-status={x.forecast?.status ?? 'none'} aria-labelledby={headId}>
      <div className="cs-plan-head">
        <h3 id={headId}>{t(`plans.kindLabel.${x.kind}`)}</h3>
        {x.forecast ? (
          <span data-testid="forecast-status">
            <Pill tone={STATUS_TONE[x.forecast.status]}>{t(`plans.status.${x.forecast.status}`)}</Pill>
          </span>
        ) : null}
      </div>
      <blockquote className="cs-plan-quote">“{x.sentence}”</blockquote>
      <dl className="cs-plan-facts">
        <div>
          <dt>{t('plans.goal')}</dt>
          <dd>{x.goalText}</dd>
        </div>
        <div>
          <dt>{t('plans.deadline')}</dt>
          <dd>{f.date(x.deadline)}</dd>
        </div>
        <div>
          <dt>{t('plans.current')}</dt>
          <dd data-testid="current">{x.currentText}</dd>
        </div>
      </dl>
      {x.current !== null ? (
        <progress className="cs-plan-bar" max={100} value={pct} aria-label={t('plans.progressLabel', { key: x.key })} data-testid="progress" />
      ) : null}
      <p className="cs-muted" style={{ margin: 0 }}>
        {t(`plans.countsFrom.${x.counts}`)}
        {x.other ? ` · ${t('plans.other', { basis: t(`plans.otherBasis.${x.other.basis}`), text: x.other.text })}` : null}
      </p>
      {x.missing ? <Alert type="warning" showIcon title={x.missing} /> : null}
      {source?.kind === 'indicator-factor' && source.baselineSample ? <Alert type="warning" showIcon title={t('plans.baselineSample')} /> : null}
      {x.forecast ? (
        <div data-testid="forecast">
          <p style={{ margin: 0 }}>{x.forecast.reason}</p>
          {x.forecast.projected !== null ? (
            <p className="cs-muted" style={{ margin: 0 }}>
              {t('plans.forecastAt', { value: f.num(x.forecast.projected) })}
              {x.forecast.perYear !== null ? ` ${t('plans.perYear', { value: f.num(x.forecast.perYear) })}` : null}
            </p>
          ) : null}
        </div>
      ) : (
        <p className="cs-muted" style={{ margin: 0 }}>
          {t('plans.noForecast')}
        </p>
      )}
      {x.note ? <p style={{ margin: 0 }}>{t('plans.note', { note: x.note })}</p> : null}
      {x.lineage.length > 0 ? (
        <div data-testid="lineage">
          <strong>{t('plans.lineage')}</strong>
          <ul className="cs-plan-lineage">
            {x.lineage.map((l) => (
              <li key={l}>{l}</li>
            ))}
          </ul>
        </div>
      ) : null}
      {x.forecast && x.forecast.closers.length > 0 ? (
        <details data-testid="closers">
          <summary>{t('plans.closers', { count: x.forecast.closers.length })}</summary>
          <ul>
            {x.forecast.closers.map((c) => (
              <li key={c.code}>
                <Link to="/don-vi/$code" params={{ code: c.code }} search={{ asOf: unitsAsOf }}>
                  {c.name}
                </Link>{' '}
                ({c.code}): {c.missing.join('; ')}
              </li>
            ))}
          </ul>
        </details>
      ) : null}
      <details data-testid="counted">
        <summary>{t('plans.counted', { count: x.counted.length })}</summary>
        {x.counted.length === 0 ? (
          <p style={{ margin: 0 }}>{t('plans.noneCounted')}</p>
        ) : (
          <ul>
            {x.counted.map((c) => (
              <li key={c.code}>
                <Link to="/don-vi/$code" params={{ code: c.code }} search={{ asOf: unitsAsOf }}>
                  {c.name}
                </Link>
                {c.parentName ? ` (${c.parentName})` : null}
              </li>
            ))}
          </ul>
        )}
      </details>
      {kids.length > 0 ? (
        <>
          <p style={{ margin: 0 }} data-testid="quota-sum">
            <strong>{t('plans.children', { sum: f.num(sum), goal: f.num(x.goal) })}</strong>
          </p>
          <ul className="cs-plan-children">
            {kids.map((k) => (
              <TargetCard key={k.key} target={k} doc={doc} kids={[]} />
            ))}
          </ul>
        </>
      ) : null}
    </li>
  );
}
