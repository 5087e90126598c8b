import { Link, Outlet, useLocation, type ErrorComponentProps } from '@tanstack/react-router';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useAuth } from '../auth/session.ts';
import { ErrorPage } from '../pages/errors/ErrorPage.tsx';
import { NotFoundPage } from '../pages/errors/NotFoundPage.tsx';
import { Brand } from './Brand.tsx';
import { LanguageSwitch } from './LanguageSwitch.tsx';
import { LOGIN_PATH } from '../routes/safeNext.ts';
import './public.css';

/** The public area's frame: brand, language, the way in (login, or the staff app when logged in), and <main>. */
export function PublicShell({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  const { user } = useAuth();
  const onLogin = useLocation({ select: (l) => l.pathname === LOGIN_PATH });
  return (
    <div className="cs-public">
      <header className="cs-public-top">
        <Brand to="/" />
        <div className="cs-tools">
          <LanguageSwitch />
          {user ? (
            <Link className="cs-btn cs-btn-primary" to="/tong-quan">
              {t('home.enter')}
            </Link>
          ) : user === null && !onLogin ? (
            <Link className="cs-btn cs-btn-primary" to="/dang-nhap">
              {t('login.submit')}
            </Link>
          ) : null}
        </div>
      </header>
      <main id="main" className="cs-public-main" tabIndex={-1}>
        {children}
      </main>
    </div>
  );
}

export function PublicLayout() {
  return (
    <PublicShell>
      <Outlet />
    </PublicShell>
  );
}

/** Shown for an address no route has, and for an error above every layout. */
export function RootNotFound() {
  return (
    <PublicShell>
      <NotFoundPage />
    </PublicShell>
  );
}

export function RootError(props: ErrorComponentProps) {
  return (
    <PublicShell>
      <ErrorPage {...props} />
    </PublicShell>
  );
}
