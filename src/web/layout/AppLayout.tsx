import { Layout } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from '@tanstack/react-router';
import { Brand } from './Brand.tsx';
import { LanguageSwitch } from './LanguageSwitch.tsx';
import { UserMenu } from './UserMenu.tsx';

const NAV = [
  { to: '/tong-quan', key: 'nav.overview', match: ['/tong-quan', '/don-vi/'] },
  { to: '/bo-tieu-chi', key: 'nav.sets', match: ['/bo-tieu-chi', '/nap-bo-tieu-chi'] },
  // assessments
  // evidence
  // workbooks
  { to: '/nhap-xuat-excel', key: 'workbooks.nav', match: ['/nhap-xuat-excel'] },
  // dhis2
  // audit
  // boards
  // recognition
] as const;

/** Header with the app name, the two sections, language and account; the page in a <main> landmark. */
export function AppLayout({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  const pathname = useLocation({ select: (l) => l.pathname });
  return (
    <Layout className="cs-shell">
      <a className="cs-skip" href="#main">
        {t('app.skip')}
      </a>
      <Layout.Header className="cs-header">
        <Brand to="/tong-quan" />
        <nav className="cs-nav" aria-label={t('nav.label')}>
          <ul>
            {NAV.map((item) => {
              const active = item.match.some((m) => pathname.startsWith(m));
              return (
                <li key={item.to}>
                  <Link to={item.to} aria-current={active ? 'page' : undefined} className={active ? 'cs-nav-active' : undefined}>
                    {t(item.key)}
                  </Link>
                </li>
              );
            })}
          </ul>
        </nav>
        <div className="cs-tools">
          <LanguageSwitch />
          <UserMenu />
        </div>
      </Layout.Header>
      <Layout.Content id="main" className="cs-main" tabIndex={-1}>
        {children}
      </Layout.Content>
      <Layout.Footer className="cs-footer">{t('app.footer')}</Layout.Footer>
    </Layout>
  );
}
