import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { useAuth } from '../../auth/session.ts';
import { usePageTitle } from '../../components/usePageTitle.ts';

/** The public area's start page: what the system is, and the way in for officers (the public portal comes later). */
export default function HomePage() {
  const { t } = useTranslation();
  const { user } = useAuth();
  usePageTitle(undefined);
  return (
    <section className="cs-plain-page cs-home">
      <h1 className="cs-page-title">{t('home.title')}</h1>
      <p>{t('home.intro')}</p>
      <p className="cs-muted">{t('home.soon')}</p>
      <p className="cs-plain-actions">
        {user ? (
          <Link className="cs-btn cs-btn-primary" to="/tong-quan">
            {t('home.enter')}
          </Link>
        ) : (
          <Link className="cs-btn cs-btn-primary" to="/dang-nhap">
            {t('login.submit')}
          </Link>
        )}
      </p>
    </section>
  );
}
