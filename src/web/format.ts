import { useTranslation } from 'react-i18next';

/** yyyy-mm-dd → dd/MM/yyyy, without going through Date (no time-zone surprises). */
export function formatDate(iso: string | null | undefined): string {
  if (!iso) return '—';
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso);
  return m ? `${m[3]}/${m[2]}/${m[1]}` : iso;
}

/** Today's date in Vietnam (UTC+7) as yyyy-mm-dd, the server's default "as of". */
export function todayVn(now = new Date()): string {
  return new Date(now.getTime() + 7 * 3_600_000).toISOString().slice(0, 10);
}

const formatters = new Map<string, Intl.NumberFormat>();

/** Number formatting for the current language: 1.234,5 in Vietnamese, 1,234.5 in English. */
export function useFormat() {
  const { i18n } = useTranslation();
  const locale = i18n.language === 'en' ? 'en-GB' : 'vi-VN';
  const nf = formatters.get(locale) ?? new Intl.NumberFormat(locale, { maximumFractionDigits: 2 });
  formatters.set(locale, nf);
  return {
    locale,
    num: (n: number) => nf.format(n),
    date: formatDate,
  };
}

/** Unit type label in the current language ("Xã" → "Commune"); unknown types are shown as stored. */
export function useUnitTypeLabel(): (type: string) => string {
  const { t } = useTranslation();
  const labels: Record<string, string> = t('unitType', { returnObjects: true });
  return (type) => labels[type] ?? type;
}
