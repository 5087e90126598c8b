import { Spin } from 'antd';
import { lazy, Suspense, useEffect, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useAuth } from './auth/AuthContext.tsx';
import { AppLayout } from './layout/AppLayout.tsx';
import { IMPORT_SET_PATH } from './pages/viewParams.ts';
import { matchPath, navigate, useLocation } from './router.tsx';

// Every screen is its own chunk: the login page does not download the tables.
const LoginPage = lazy(() => import('./pages/login/LoginPage.tsx'));
const OverviewPage = lazy(() => import('./pages/overview/OverviewPage.tsx'));
const ScorecardPage = lazy(() => import('./pages/scorecard/ScorecardPage.tsx'));
const SetsPage = lazy(() => import('./pages/sets/SetsPage.tsx'));
const SetDetailPage = lazy(() => import('./pages/sets/SetDetailPage.tsx'));
const ImportSetPage = lazy(() => import('./pages/sets/ImportSetPage.tsx'));
const NotFoundPage = lazy(() => import('./pages/NotFoundPage.tsx'));

export const LOGIN_PATH = '/dang-nhap';

function Loading() {
  const { t } = useTranslation();
  return (
    <div className="cs-loading" role="status">
      <Spin />
      <span className="cs-sr-only">{t('app.loading')}</span>
    </div>
  );
}

function Redirect({ to }: { to: string }) {
  useEffect(() => navigate(to, { replace: true }), [to]);
  return null;
}

function staffPage(pathname: string): ReactNode {
  if (pathname === '/' || pathname === '') return <Redirect to="/tong-quan" />;
  if (matchPath('/tong-quan', pathname)) return <OverviewPage />;
  const unit = matchPath('/don-vi/:code', pathname);
  if (unit) return <ScorecardPage key={unit.code} code={unit.code!} />;
  if (matchPath('/bo-tieu-chi', pathname)) return <SetsPage />;
  if (matchPath(IMPORT_SET_PATH, pathname)) return <ImportSetPage />;
  const set = matchPath('/bo-tieu-chi/:id', pathname);
  if (set) return <SetDetailPage key={set.id} id={set.id!} />;
  return <NotFoundPage />;
}

/** Chooses the screen: the login page for visitors, the staff screens inside the layout once logged in. */
export function App() {
  const { user } = useAuth();
  const { pathname, query, href } = useLocation();
  if (user === undefined) return <Loading />;
  if (pathname === LOGIN_PATH) {
    const next = query.get('next');
    if (user) return <Redirect to={next && next.startsWith('/') && !next.startsWith('//') ? next : '/tong-quan'} />;
    return (
      <Suspense fallback={<Loading />}>
        <LoginPage />
      </Suspense>
    );
  }
  if (!user) return <Redirect to={`${LOGIN_PATH}?next=${encodeURIComponent(href)}`} />;
  return (
    <AppLayout>
      <Suspense fallback={<Loading />}>{staffPage(pathname)}</Suspense>
    </AppLayout>
  );
}
