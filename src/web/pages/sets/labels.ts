import { useTranslation } from 'react-i18next';

/** "commune" → "Xã" (unit level names used by criteria sets). */
export function useLevelLabel(): (level: string) => string {
  const { t } = useTranslation();
  const labels: Record<string, string> = t('sets.level', { returnObjects: true });
  return (level) => labels[level] ?? level;
}

/** Rule kind names ("min" → "Tối thiểu"). */
export function useKindLabel(): (kind: string) => string {
  const { t } = useTranslation();
  const labels: Record<string, string> = t('sets.kind', { returnObjects: true });
  return (kind) => labels[kind] ?? kind;
}
