import { LogoutOutlined, UserOutlined } from '@ant-design/icons';
import { Button, Dropdown, Grid } from 'antd';
import { useTranslation } from 'react-i18next';
import { useRouter } from '@tanstack/react-router';
import { LOGIN_PATH } from '../routes/safeNext.ts';
import { useAuth } from '../auth/session.ts';

/** The logged-in account (name and role) with the logout action. */
export function UserMenu() {
  const { t } = useTranslation();
  const { user, logout } = useAuth();
  const screens = Grid.useBreakpoint();
  const router = useRouter();
  if (!user) return null;
  const items = [
    {
      key: 'who',
      type: 'group' as const,
      label: `${user.fullName} · ${t(`user.role.${user.role}`)}`,
      children: [
        {
          key: 'logout',
          icon: <LogoutOutlined aria-hidden />,
          label: t('user.logout'),
          // The router, not this menu, navigates: the menu unmounts as soon as the session is cleared.
          onClick: () => void logout().finally(() => void router.navigate({ to: LOGIN_PATH, replace: true })),
        },
      ],
    },
  ];
  return (
    <Dropdown menu={{ items }} trigger={['click']} placement="bottomRight">
      <Button icon={<UserOutlined aria-hidden />} aria-label={t('user.menu', { name: user.username })} className="cs-user-btn">
        {screens.sm ? <span className="cs-user-name">{user.username}</span> : null}
      </Button>
    </Dropdown>
  );
}
