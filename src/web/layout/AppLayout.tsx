import { MenuOutlined } from '@ant-design/icons';
import { Button, Drawer, Layout } from 'antd';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from '@tanstack/react-router';
import { Brand } from './Brand.tsx';
import { LanguageSwitch } from './LanguageSwitch.tsx';
import { UserMenu } from './UserMenu.tsx';

const NAV = [
  { to: '/tong-quan', key: 'nav.overview', match: ['/tong-quan', '/don-vi/'] },
  { to: '/bo-tieu-chi', key: 'nav.sets', match: ['/bo-tieu-chi', '/nap-bo-tieu-chi'] },
  // assessments
  { to: '/nhap-lieu', key: 'entry.nav', match: ['/nhap-lieu'] },
  // evidence
  // workbooks
  { to: '/nhap-xuat-excel', key: 'workbooks.nav', match: ['/nhap-xuat-excel'] },
  // dhis2
  // audit
  // boards
  { to: '/theo-doi', key: 'nav.boards', match: ['/theo-doi'] },
  // recognition
  { to: '/cong-nhan', key: 'recognition.nav', match: ['/cong-nhan'] },
  // plans
  { to: '/ke-hoach', key: 'nav.plans', match: ['/ke-hoach'] },
  // dashboard
  { to: '/bang-dieu-khien', key: 'nav.dashboard', match: ['/bang-dieu-khien'] },
] as const;

function NavList({ pathname, onNavigate }: { pathname: string; onNavigate?: () => void }) {
  const { t } = useTranslation();
  return (
    <ul>
      {NAV.map((item) => {
        const active = item.match.some((m) => pathname.startsWith(m));
        return (
          <li key={item.to}>
            <Link to={item.to} aria-current={active ? 'page' : undefined} className={active ? 'cs-nav-active' : undefined} onClick={onNavigate}>
              {t(item.key)}
            </Link>
          </li>
        );
      })}
    </ul>
  );
}

/**
 * Header with the app name, the sections, language and account; the page in a <main> landmark. Below 720 px the
 * sections open from a menu button in a drawer (they no longer fit one row of a phone).
 */
export function AppLayout({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  const pathname = useLocation({ select: (l) => l.pathname });
  const [menu, setMenu] = useState(false);
  return (
    <Layout className="cs-shell">
      <a className="cs-skip" href="#main">
        {t('app.skip')}
      </a>
      <Layout.Header className="cs-header">
        <Button
          className="cs-menu-button"
          icon={<MenuOutlined aria-hidden />}
          aria-label={t('nav.label')}
          aria-expanded={menu}
          data-testid="menu-button"
          onClick={() => setMenu(true)}
        />
        <Brand to="/tong-quan" />
        <nav className="cs-nav" aria-label={t('nav.label')}>
          <NavList pathname={pathname} />
        </nav>
        <div className="cs-tools">
          <LanguageSwitch />
          <UserMenu />
        </div>
      </Layout.Header>
      <Drawer open={menu} onClose={() => setMenu(false)} placement="left" size={280} title={t('nav.label')} destroyOnHidden>
        <nav id="cs-drawer-nav" className="cs-drawer-nav" aria-label={t('nav.label')}>
          <NavList pathname={pathname} onNavigate={() => setMenu(false)} />
        </nav>
      </Drawer>
      <Layout.Content id="main" className="cs-main" tabIndex={-1}>
        {children}
      </Layout.Content>
      <Layout.Footer className="cs-footer">{t('app.footer')}</Layout.Footer>
    </Layout>
  );
}
