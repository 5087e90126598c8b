import { ArrowLeftOutlined } from '@ant-design/icons';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { getRouteApi, Link } from '@tanstack/react-router';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { RecognitionTier } from '../../../domain/recognition/steps.ts';
import { setsQuery } from '../../api/queries.ts';
import { ApiErrorView } from '../../components/ApiErrorView.tsx';
import { usePageTitle } from '../../components/usePageTitle.ts';
import { formatDate } from '../../format.ts';
import { todayVn } from '../../format.ts';
import { unitLink } from '../../routes/links.ts';
import { yearOptions } from '../../view.ts';
import { ChangeList, type Change } from './ChangeList.tsx';
import { PAGE_SIZE, unitHistoryQuery, type HistoryItem } from './queries.ts';
import type { AuditSearch } from './search.ts';

const route = getRouteApi('/staff/nhat-ky/$code');

/** What a recognition step says beyond its name: the dossier, the step's date, its document and signer. */
function recognitionContext(i: HistoryItem, t: TFunction): string {
  const r = i.recognition!;
  const tier = t(`recognition.tierLabel.${r.tier as RecognitionTier}`, { defaultValue: r.tier });
  return [
    t('audit.recognitionContext', { tier, year: i.year }),
    r.date ? t('audit.recognitionDate', { date: formatDate(r.date) }) : null,
    r.reference,
    r.issuer,
    r.note,
  ]
    .filter(Boolean)
    .join(' · ');
}

function toChange(i: HistoryItem, t: TFunction): Change {
  if (i.recognition)
    return {
      key: `r${i.id}`,
      at: i.at,
      who: i.user ? i.user.fullName || i.user.username : null,
      action: i.action,
      context: recognitionContext(i, t),
      code: null,
      before: null,
      after: null,
      hasValues: false,
      source: i.source,
      sourceRef: null,
      reason: i.reason,
    };
  return {
    key: `a${i.id}`,
    at: i.at,
    who: i.user ? i.user.fullName || i.user.username : null,
    action: i.action,
    context: `${i.family} · ${i.year}`,
    code: i.code,
    before: i.before,
    after: i.after,
    hasValues: i.before !== null || i.after !== null,
    source: i.source,
    sourceRef: i.sourceRef,
    reason: i.reason,
  };
}

/** Every recorded change of one unit's assessments, newest first, with filters kept in the address. */
export default function AuditPage() {
  const { t } = useTranslation();
  const { code } = route.useParams();
  const search = route.useSearch();
  const navigate = route.useNavigate();
  const page = search.page ?? 1;
  const q = useQuery({ ...unitHistoryQuery(code, { ...search, page }), placeholderData: keepPreviousData });
  const sets = useQuery(setsQuery);
  const families = [...new Set((sets.data?.sets ?? []).map((s) => s.family))].sort();
  const unit = q.data?.unit;
  usePageTitle(unit ? t('audit.titleOf', { name: unit.name }) : t('audit.title'));
  const set = (patch: Partial<AuditSearch>) => void navigate({ search: (s: AuditSearch) => ({ ...s, ...patch, page: patch.page ?? undefined }) });
  const value = (v: string) => (v === '' ? undefined : v);

  return (
    <div className="cs-stack">
      <header>
        <Link {...unitLink(code, { asOf: search.asOf ?? todayVn(), year: search.year ?? Number(todayVn().slice(0, 4)) })}>
          <ArrowLeftOutlined aria-hidden /> {t('audit.back')}
        </Link>
        <h1 className="cs-page-title">{unit ? t('audit.titleOf', { name: unit.name }) : t('audit.title')}</h1>
        <p className="cs-muted" style={{ margin: 0 }}>
          {unit ? t('audit.period', { code: unit.code, from: formatDate(unit.validFrom), to: formatDate(unit.validTo) }) : null} {t('audit.intro')}
        </p>
      </header>
      <form className="cs-audit-filters" aria-label={t('audit.filters')} onSubmit={(e) => e.preventDefault()}>
        <label>
          {t('audit.from')}
          <input type="date" value={search.from ?? ''} onChange={(e) => set({ from: value(e.target.value) })} />
        </label>
        <label>
          {t('audit.to')}
          <input type="date" value={search.to ?? ''} onChange={(e) => set({ to: value(e.target.value) })} />
        </label>
        <label>
          {t('audit.family')}
          <select value={search.family ?? ''} onChange={(e) => set({ family: value(e.target.value) })}>
            <option value="">{t('audit.allFamilies')}</option>
            {families.map((f) => (
              <option key={f} value={f}>
                {f}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('audit.year')}
          <select value={search.year ?? ''} onChange={(e) => set({ year: e.target.value ? Number(e.target.value) : undefined })}>
            <option value="">{t('audit.allYears')}</option>
            {yearOptions().map((y) => (
              <option key={y} value={y}>
                {y}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('audit.field')}
          <input type="text" size={8} defaultValue={search.field ?? ''} onBlur={(e) => set({ field: value(e.target.value.trim()) })} />
        </label>
        <button type="button" className="cs-btn cs-btn-small" onClick={() => void navigate({ search: search.asOf ? { asOf: search.asOf } : {} })}>
          {t('audit.reset')}
        </button>
      </form>
      {q.error ? <ApiErrorView error={q.error} onRetry={() => void q.refetch()} /> : null}
      <ChangeList
        caption={t('audit.caption')}
        changes={(q.data?.items ?? []).map((i) => toChange(i, t))}
        busy={q.isFetching}
        emptyText={t('audit.empty')}
        pagination={{ current: page, pageSize: PAGE_SIZE, total: q.data?.total ?? 0, onChange: (p) => set({ page: p }) }}
      />
    </div>
  );
}
