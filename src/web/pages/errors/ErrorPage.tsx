import type { ErrorComponentProps } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { usePageTitle } from '../../components/usePageTitle.ts';

/**
 * What a screen shows when its code fails (a chunk that did not download, a malformed address, a bug): a title,
 * a way to try again and a plain link home, which works even when the app itself is broken.
 */
export function ErrorPage({ error, reset }: ErrorComponentProps) {
  const { t } = useTranslation();
  usePageTitle(t('errors.pageFailed'));
  const chunk = error instanceof Error && /dynamically imported module|Importing a module script failed/i.test(error.message);
  return (
    <section className="cs-plain-page" role="alert">
      <h1 className="cs-page-title">{t('errors.pageFailed')}</h1>
      <p className="cs-muted">{chunk ? t('errors.chunkFailed') : t('errors.pageFailedText')}</p>
      <p className="cs-plain-actions">
        <button type="button" className="cs-btn cs-btn-primary" onClick={() => (chunk ? window.location.reload() : reset())}>
          {t('errors.retry')}
        </button>
        <a className="cs-btn" href="/">
          {t('errors.backHome')}
        </a>
      </p>
    </section>
  );
}
