import type { TableColumnsType } from 'antd';
import { useTranslation } from 'react-i18next';
import type { SetListItem } from '../../api/types.ts';
import { Pill, SampleTag } from '../../components/tags.tsx';
import { formatDate, useFormat } from '../../format.ts';
import { Link } from '@tanstack/react-router';
import { setLink } from '../../routes/links.ts';
import { useLevelLabel } from './labels.ts';

/** Columns of the sets table; on phones one column carries every fact so nothing scrolls sideways. */
export function useSetColumns(wide: boolean): TableColumnsType<SetListItem> {
  const { t } = useTranslation();
  const { num } = useFormat();
  const levelLabel = useLevelLabel();
  const effective = (s: SetListItem) =>
    s.effectiveTo
      ? t('sets.fromTo', { from: formatDate(s.effectiveFrom), to: formatDate(s.effectiveTo) })
      : t('sets.from', { date: formatDate(s.effectiveFrom) });
  const confirmed = (s: SetListItem) => (
    <span className={s.confirmedCount < s.indicatorCount ? 'cs-unconfirmed-count' : undefined}>
      {num(s.confirmedCount)}/{num(s.indicatorCount)}
    </span>
  );
  const name = (s: SetListItem) => (
    <span className="cs-set-cell">
      <Link {...setLink(s.id)}>{s.name}</Link>
      {!wide ? (
        <span className="cs-unit-sub">
          {s.decision} · {effective(s)} · {levelLabel(s.unitLevel)} · {t('sets.columns.criteria')}: {num(s.criteriaCount)} · {t('sets.columns.indicators')}:{' '}
          {confirmed(s)}
        </span>
      ) : null}
      <span className="cs-tags">
        {s.withdrawn ? <Pill tone="red">{t('withdraw.tag')}</Pill> : null}
        {s.sample ? <SampleTag /> : null}
        {s.indicatorsPending ? <Pill tone="warn">{t('sets.pendingTag')}</Pill> : null}
      </span>
    </span>
  );
  if (!wide) return [{ key: 'name', title: t('sets.columns.name'), render: (_, s) => name(s) }];
  return [
    { key: 'name', title: t('sets.columns.name'), render: (_, s) => name(s) },
    { key: 'decision', title: t('sets.columns.decision'), render: (_, s) => <span className="cs-decision">{s.decision}</span> },
    { key: 'effective', title: t('sets.columns.effective'), render: (_, s) => effective(s) },
    { key: 'level', title: t('sets.columns.level'), render: (_, s) => levelLabel(s.unitLevel) },
    { key: 'criteria', title: t('sets.columns.criteria'), align: 'right', render: (_, s) => num(s.criteriaCount) },
    { key: 'indicators', title: t('sets.columns.indicators'), align: 'right', render: (_, s) => confirmed(s) },
  ];
}
