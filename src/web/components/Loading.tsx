import { useTranslation } from 'react-i18next';

/** A spinner that needs no component library (shown while a screen's code or data arrives). */
export function Loading() {
  const { t } = useTranslation();
  return (
    <div className="cs-loading" role="status">
      <span className="cs-spinner" aria-hidden="true" />
      <span className="cs-sr-only">{t('app.loading')}</span>
    </div>
  );
}
