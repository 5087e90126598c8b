import { Tag, Tooltip } from 'antd';
import { CheckCircleOutlined, ExclamationCircleOutlined } from '@ant-design/icons';
import type { CSSProperties, ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Status, Tier } from '../api/types.ts';

// Tag colours are chosen for a contrast ratio of at least 4.5:1 (WCAG AA): dark text on a pale ground,
// or white text on a dark ground. Antd's preset tag colours fall below that for small text.
const SOLID: Record<string, CSSProperties> = {
  green: { color: '#fff', background: '#237804', borderColor: '#237804' },
  blue: { color: '#fff', background: '#0050b3', borderColor: '#0050b3' },
  purple: { color: '#fff', background: '#531dab', borderColor: '#531dab' },
  teal: { color: '#fff', background: '#006d75', borderColor: '#006d75' },
  orange: { color: '#fff', background: '#ad4e00', borderColor: '#ad4e00' },
  red: { color: '#fff', background: '#a8071a', borderColor: '#a8071a' },
  grey: { color: '#262626', background: '#f0f0f0', borderColor: '#bfbfbf' },
  warn: { color: '#7a3300', background: '#fff7e6', borderColor: '#ffc069' },
  ok: { color: '#135200', background: '#f6ffed', borderColor: '#95de64' },
  sample: { color: '#780650', background: '#fff0f6', borderColor: '#ff85c0' },
};

export function Pill({ tone, children, icon, title }: { tone: keyof typeof SOLID; children: ReactNode; icon?: ReactNode; title?: string }) {
  const tag = (
    <Tag style={SOLID[tone]} icon={icon} variant="outlined">
      {children}
    </Tag>
  );
  return title ? (
    <Tooltip title={title}>
      <span tabIndex={0} className="cs-tip">
        {tag}
      </span>
    </Tooltip>
  ) : (
    tag
  );
}

const TIER_TONE: Record<Tier, keyof typeof SOLID> = { ntm: 'green', 'nang-cao': 'blue', 'kieu-mau': 'purple', 'hoan-thanh': 'teal', 'hien-dai': 'teal' };

/** The tier reached; `applicable` false when no set applies to the unit. */
/** The tier reached; a unit with no values at all has not "failed" anything, it has no data yet. */
export function TierTag({ tier, applicable = true, noData = false }: { tier: Tier | null; applicable?: boolean; noData?: boolean }) {
  const { t } = useTranslation();
  if (!applicable)
    return (
      <Pill tone="grey" title={t('tier.naHint')}>
        {t('tier.na')}
      </Pill>
    );
  if (!tier && noData) return <Pill tone="grey">{t('status.no-data')}</Pill>;
  if (!tier) return <Pill tone="grey">{t('tier.none')}</Pill>;
  return <Pill tone={TIER_TONE[tier]}>{t(`tier.${tier}`)}</Pill>;
}

const STATUS_TONE: Record<Status, keyof typeof SOLID> = { met: 'green', 'basically-met': 'orange', 'not-met': 'red', 'no-data': 'grey' };

export function StatusTag({ status, reason }: { status: Status; reason?: 'no-value' | 'no-threshold' | 'awaiting-direct' | undefined }) {
  const { t } = useTranslation();
  const label =
    status === 'no-data' && reason === 'no-threshold'
      ? t('status.noThreshold')
      : status === 'no-data' && reason === 'awaiting-direct'
        ? t('status.awaitingDirect')
        : t(`status.${status}`);
  return <Pill tone={STATUS_TONE[status]}>{label}</Pill>;
}

/** Whether a threshold was read from the official text; unconfirmed ones are flagged in amber. */
export function ConfirmedTag({ confirmed }: { confirmed: boolean }) {
  const { t } = useTranslation();
  return confirmed ? (
    <Pill tone="ok" icon={<CheckCircleOutlined aria-hidden />} title={t('confirm.yesHint')}>
      {t('confirm.yes')}
    </Pill>
  ) : (
    <Pill tone="warn" icon={<ExclamationCircleOutlined aria-hidden />} title={t('confirm.noHint')}>
      {t('confirm.no')}
    </Pill>
  );
}

export function SampleTag({ short = false }: { short?: boolean }) {
  const { t } = useTranslation();
  return <Pill tone="sample">{short ? t('common.sampleShort') : t('common.sample')}</Pill>;
}
