import { ArrowLeftOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { getRouteApi, Link } from '@tanstack/react-router';
import { Alert, Descriptions, Grid, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { setQuery, setsQuery } from '../../api/queries.ts';
import { Loading } from '../../components/Loading.tsx';
import { ApiErrorView } from '../../components/ApiErrorView.tsx';
import { Pill, SampleTag } from '../../components/tags.tsx';
import { usePageTitle } from '../../components/usePageTitle.ts';
import { formatDate, useFormat, useUnitTypeLabel } from '../../format.ts';
import { setLink, SETS_LINK } from '../../routes/links.ts';
import { useAuth } from '../../auth/session.ts';
import { can } from '../../auth/can.ts';
import { CriterionCard } from './CriterionCard.tsx';
import { WithdrawButton } from './WithdrawButton.tsx';
import { useLevelLabel } from './labels.ts';
import '../scorecard/scorecard.css';
import './sets.css';

/** "Xã" alone when the set's unit types only repeat the level, else "Xã (Phường, Thị trấn)". */
function appliesTo(level: string, types: string[]): string {
  const extra = types.filter((ty) => ty !== level);
  return extra.length > 0 ? `${level} (${types.join(', ')})` : level;
}

/** One criteria set version: its legal facts, then every criterion, indicator and threshold with confirmation marks. */
const route = getRouteApi('/staff/bo-tieu-chi/$id');

export default function SetDetailPage() {
  const { id } = route.useParams();
  const { user } = useAuth();
  const { t } = useTranslation();
  const { num } = useFormat();
  const levelLabel = useLevelLabel();
  const typeLabel = useUnitTypeLabel();
  const screens = Grid.useBreakpoint();
  const { data: s, error, refetch } = useQuery(setQuery(id));
  const list = useQuery(setsQuery);
  const amended = list.data?.sets.find((x) => x.id === s?.amends);
  usePageTitle(s?.name ?? id);

  const back = (
    <Link {...SETS_LINK} className="cs-back">
      <ArrowLeftOutlined aria-hidden /> {t('sets.back')}
    </Link>
  );
  if (error)
    return (
      <div className="cs-stack">
        {back}
        <ApiErrorView error={error} onRetry={() => void refetch()} backTo={SETS_LINK} />
      </div>
    );
  if (!s) return <Loading />;

  const items = [
    { key: 'decision', label: t('scorecard.decision'), children: s.decision },
    { key: 'legal', label: t('sets.legalSource'), children: <span className="cs-break">{s.legalSource}</span> },
    ...(s.amends
      ? [{ key: 'amends', label: t('sets.amends'), children: <Link {...setLink(s.amends)}>{amended?.name ?? t('sets.amendedVersion')}</Link> }]
      : []),
    {
      key: 'eff',
      label: t('sets.effective'),
      children: s.effectiveTo
        ? t('sets.fromTo', { from: formatDate(s.effectiveFrom), to: formatDate(s.effectiveTo) })
        : t('sets.from', { date: formatDate(s.effectiveFrom) }),
    },
    { key: 'period', label: t('sets.period'), children: `${s.period.from}–${s.period.to}` },
    { key: 'level', label: t('sets.unitLevel'), children: appliesTo(levelLabel(s.unitLevel), (s.unitTypes ?? []).map(typeLabel)) },
    { key: 'dim', label: t('sets.dimension'), children: t(`sets.dimensionValue.${s.dimension}`) },
    { key: 'tier', label: t('scorecard.tier'), children: t(`tier.${s.tier}`) },
    ...(s.requiresTier ? [{ key: 'req', label: t('sets.requiresTier'), children: s.requiresTier }] : []),
    { key: 'basic', label: t('sets.basicallyMet'), children: s.allowsBasicallyMet ? t('common.yes') : t('common.no') },
    ...(s.declaredIndicatorCount ? [{ key: 'declared', label: t('sets.declared'), children: num(s.declaredIndicatorCount) }] : []),
  ];

  return (
    <div className="cs-stack">
      {back}
      <header>
        <h1 className="cs-page-title cs-break">{s.name}</h1>
        <p className="cs-muted" style={{ margin: 0 }}>
          {t('sets.counts', { criteria: num(s.criteriaCount), indicators: num(s.indicatorCount), confirmed: num(s.confirmedCount) })}{' '}
          {s.sample ? <SampleTag /> : null} {s.indicatorsPending ? <Pill tone="warn">{t('sets.pendingTag')}</Pill> : null}
        </p>
      </header>
      <Descriptions size="small" bordered={Boolean(screens.md)} column={{ xs: 1, md: 2 }} items={items} className="cs-desc" />
      {s.withdrawn ? (
        <Alert
          type="warning"
          showIcon
          data-testid="withdrawn"
          title={t('withdraw.done', { date: formatDate(s.withdrawn.at), by: s.withdrawn.by ?? t('withdraw.cli') })}
          description={t('withdraw.reasonShown', { reason: s.withdrawn.reason })}
        />
      ) : can(user, 'set:withdraw') && s.origin === 'import' ? (
        <WithdrawButton id={s.id} name={s.name} />
      ) : null}
      {s.sample ? <Alert type="warning" showIcon title={t('scorecard.setSample')} /> : null}
      {s.indicatorsPending ? <Alert type="warning" showIcon title={t('scorecard.setPending')} /> : null}
      {s.note ? (
        <Alert
          type="info"
          showIcon
          title={t('common.note')}
          description={
            <Typography.Paragraph className="cs-break" style={{ margin: 0 }} ellipsis={{ rows: 4, expandable: true, symbol: t('common.more') }}>
              {s.note}
            </Typography.Paragraph>
          }
        />
      ) : null}
      {s.criteria.map((c) => (
        <CriterionCard key={c.code} c={c} doc={s.legalSource} />
      ))}
    </div>
  );
}
