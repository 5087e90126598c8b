import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { usePageTitle } from '../../components/usePageTitle.ts';

/** An address the app does not have (a mistyped or old link). */
export function NotFoundPage() {
  const { t } = useTranslation();
  usePageTitle(t('errors.notFound'));
  return (
    <section className="cs-plain-page">
      <h1 className="cs-page-title">{t('errors.notFound')}</h1>
      <p className="cs-muted">{t('errors.pageNotFound')}</p>
      <p className="cs-plain-actions">
        <Link className="cs-btn cs-btn-primary" to="/tong-quan">
          {t('errors.backToOverview')}
        </Link>
        <Link className="cs-btn" to="/">
          {t('errors.backHome')}
        </Link>
      </p>
    </section>
  );
}
