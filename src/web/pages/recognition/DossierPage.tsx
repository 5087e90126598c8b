import { ArrowLeftOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { getRouteApi, Link } from '@tanstack/react-router';
import { Alert } from 'antd';
import { useTranslation } from 'react-i18next';
import { can } from '../../auth/can.ts';
import { useAuth } from '../../auth/session.ts';
import { ApiErrorView } from '../../components/ApiErrorView.tsx';
import { Loading } from '../../components/Loading.tsx';
import { Pill, SampleTag } from '../../components/tags.tsx';
import { usePageTitle } from '../../components/usePageTitle.ts';
import { formatDate, todayVn } from '../../format.ts';
import { useChangeText } from '../audit/useChangeText.ts';
import { unitLink } from '../../routes/links.ts';
import { dossierQuery, type DossierBody } from './queries.ts';
import { DossierStatusTag } from './StatusTag.tsx';
import { StepForm } from './StepForm.tsx';
import './recognition.css';

const route = getRouteApi('/staff/cong-nhan/$id');

type Recorded = DossierBody['steps'][number];

/** Who recorded a step and when, with its date, document, signer, note and reason. */
function StepFacts({ s }: { s: Recorded }) {
  const { t } = useTranslation();
  const text = useChangeText();
  return (
    <div className="cs-stack" style={{ gap: 2 }}>
      {s.date ? (
        <div>
          {t('recognition.stepDate')}: <strong>{formatDate(s.date)}</strong>
        </div>
      ) : null}
      {s.reference ? (
        <div>
          {t(s.kind === 'decision' || s.kind === 'revocation' ? 'recognition.decisionNumber' : 'recognition.reference')}: {s.reference}
        </div>
      ) : null}
      {s.issuer ? (
        <div>
          {t('recognition.issuer')}: {s.issuer}
        </div>
      ) : null}
      {s.reason ? (
        <div>
          {t('recognition.reason')}: {s.reason}
        </div>
      ) : null}
      {s.note ? <div className="cs-muted">{s.note}</div> : null}
      <div className="cs-muted">{t('recognition.recordedBy', { who: s.recordedBy ?? t('audit.system'), at: text.when(s.recordedAt) })}</div>
    </div>
  );
}

/** One dossier: its steps in the order of the procedure, what was recorded at each, and the form for the next one. */
export default function DossierPage() {
  const { t } = useTranslation();
  const { user } = useAuth();
  const { id } = route.useParams();
  const n = /^\d{1,12}$/.test(id) ? Number(id) : 0;
  const q = useQuery({ ...dossierQuery(n), enabled: n > 0 });
  const d = q.data;
  usePageTitle(d ? t('recognition.dossierTitle', { name: d.unit.name, tier: d.tierLabel, year: d.year }) : t('recognition.dossier'));
  const back = (
    <Link to="/cong-nhan" className="cs-back">
      <ArrowLeftOutlined aria-hidden /> {t('recognition.back')}
    </Link>
  );
  if (n === 0)
    return (
      <div className="cs-stack">
        {back}
        <Alert type="error" showIcon title={t('recognition.badId', { id })} />
      </div>
    );
  if (q.isError)
    return (
      <div className="cs-stack">
        {back}
        <ApiErrorView error={q.error} onRetry={() => void q.refetch()} />
      </div>
    );
  if (!d) return <Loading />;
  const recorded = new Map(d.steps.map((s) => [s.kind, s]));
  const created = recorded.get('create');
  const writer = can(user, 'recognition:write');
  const next = d.nextSteps[0];
  const nextLabel = d.procedureSteps.find((s) => s.kind === next)?.label ?? '';
  const asOf = d.unit.validTo && d.unit.validTo < todayVn() ? d.unit.validTo : todayVn();
  return (
    <div className="cs-stack">
      {back}
      <header className="cs-stack" style={{ gap: 4 }}>
        <h1 className="cs-page-title">
          {d.unit.name} — {d.tierLabel} {d.year}
        </h1>
        <div>
          <DossierStatusTag status={d.status} /> {d.sample ? <SampleTag /> : null}
        </div>
        <p className="cs-muted" style={{ margin: 0 }}>
          {d.unit.code}
          {d.unit.parentName ? ` · ${d.unit.parentName}` : ''} ·{' '}
          {d.unit.validTo
            ? t('recognition.period', { from: formatDate(d.unit.validFrom), to: formatDate(d.unit.validTo) })
            : t('recognition.periodFrom', { from: formatDate(d.unit.validFrom) })}
        </p>
        <p style={{ margin: 0 }}>
          <Link {...unitLink(d.unit.code, { asOf, year: d.year })}>{t('recognition.toScorecard')}</Link> ·{' '}
          <Link to="/nhat-ky/$code" params={{ code: d.unit.code }} search={{ asOf }}>
            {t('recognition.toLog')}
          </Link>
        </p>
        {d.successors.length > 0 && d.unit.validTo ? (
          <p className="cs-muted" style={{ margin: 0 }}>
            {t('recognition.mergedInto', { names: d.successors.map((s) => s.name).join(', '), date: formatDate(d.unit.validTo) })}
          </p>
        ) : null}
      </header>
      {d.decision ? (
        <Alert
          type={d.revocation ? 'warning' : 'success'}
          showIcon
          title={t('recognition.decisionLine', { number: d.decision.number, date: formatDate(d.decision.date), issuer: d.decision.issuer })}
          description={d.revocation ? t('recognition.revokedLine', { date: formatDate(d.revocation.date), reason: d.revocation.reason }) : undefined}
        />
      ) : null}
      <section aria-labelledby="cs-rec-steps" className="cs-stack">
        <h2 id="cs-rec-steps" className="cs-section-title">
          {t('recognition.steps')}
        </h2>
        <ol className="cs-rec-steps" data-testid="steps">
          {created ? (
            <li className="cs-rec-step" data-state="done">
              <h3>{created.label}</h3>
              <StepFacts s={created} />
            </li>
          ) : null}
          {d.procedureSteps.map((p, i) => {
            const s = recorded.get(p.kind);
            const state = s ? 'done' : p.kind === next ? 'next' : 'todo';
            return (
              <li key={p.kind} className="cs-rec-step" data-state={state} data-kind={p.kind}>
                <h3>
                  {i + 1}. {p.label}{' '}
                  {state === 'done' ? (
                    <Pill tone="ok">{t('recognition.done')}</Pill>
                  ) : state === 'next' ? (
                    <Pill tone="blue">{t('recognition.next')}</Pill>
                  ) : null}
                </h3>
                <div className="cs-muted">
                  {t('recognition.actor', { actor: p.actor })}
                  {p.fromText ? '' : ` · ${t('recognition.notFromText')}`}
                </div>
                {s ? <StepFacts s={s} /> : null}
              </li>
            );
          })}
        </ol>
      </section>
      {writer && next ? <StepForm key={`${next}-${d.version}`} dossier={d} kind={next} label={nextLabel} /> : null}
      {!writer && next ? <p className="cs-muted">{t('recognition.readOnly')}</p> : null}
    </div>
  );
}
