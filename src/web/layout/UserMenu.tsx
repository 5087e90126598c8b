import { LogoutOutlined, UserOutlined } from '@ant-design/icons';
import { Button, Dropdown, Grid } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate } from '@tanstack/react-router';
import { useAuth } from '../auth/session.ts';

/** The logged-in account (name and role) with the logout action. */
export function UserMenu() {
  const { t } = useTranslation();
  const { user, logout } = useAuth();
  const screens = Grid.useBreakpoint();
  const navigate = useNavigate();
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
          onClick: () => void logout().finally(() => navigate({ to: '/dang-nhap' })),
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
