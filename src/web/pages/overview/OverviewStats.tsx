import { useTranslation } from 'react-i18next';
import type { OverviewRow } from '../../api/types.ts';
import { useFormat } from '../../format.ts';
import { countByTier, type TierKey } from './filter.ts';

const ALWAYS: TierKey[] = ['ntm', 'nang-cao', 'kieu-mau', 'none'];
const ORDER: TierKey[] = ['ntm', 'hoan-thanh', 'nang-cao', 'kieu-mau', 'hien-dai', 'none', 'no-data', 'na'];

interface Props {
  rows: OverviewRow[];
  tier: TierKey | null;
  onTier: (tier: TierKey | null) => void;
}

/** Count of units and count per tier; each figure filters the table to the rows behind it. */
export function OverviewStats({ rows, tier, onTier }: Props) {
  const { t } = useTranslation();
  const { num } = useFormat();
  const counts = countByTier(rows);
  const shown = ORDER.filter((k) => ALWAYS.includes(k) || (counts.get(k) ?? 0) > 0);
  const label = (k: TierKey) => (k === 'none' ? t('tier.none') : k === 'na' ? t('tier.na') : k === 'no-data' ? t('tier.noData') : t(`tier.${k}`));
  return (
    <section aria-label={t('overview.stats.label')}>
      <ul className="cs-stats">
        <li>
          <button type="button" className="cs-stat cs-stat-total" aria-pressed={tier === null} onClick={() => onTier(null)} data-testid="stat-total">
            <span className="cs-stat-label">{t('overview.stats.total')}</span>
            <span className="cs-stat-value">{num(rows.length)}</span>
            <span className="cs-stat-unit">{t('overview.stats.unitsSuffix')}</span>
          </button>
        </li>
        {shown.map((k) => (
          <li key={k}>
            <button
              type="button"
              className={`cs-stat cs-stat-${k}`}
              aria-pressed={tier === k}
              title={t('overview.stats.filterHint')}
              onClick={() => onTier(tier === k ? null : k)}
            >
              <span className="cs-stat-label">{label(k)}</span>
              <span className="cs-stat-value">{num(counts.get(k) ?? 0)}</span>
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
